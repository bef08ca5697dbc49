import { Button } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import type { Row } from "../../../../contracts/overviews.ts";
import { formatDate } from "../../../lib/format.ts";

/**
 * The withdrawal cell of a submitted sheet's row: "Trukket dd.mm.yyyy" (with the reason) for a
 * withdrawn student, else "Trekk fra praksis" for one who may withdraw, else nothing to do.
 */
export function WithdrawCell({
  row,
  label,
  className,
  dataCell,
  isActive,
  canWithdraw,
  onActivate,
  onWithdraw,
}: {
  row: Row;
  label: string;
  className: string;
  dataCell: string;
  isActive: boolean;
  canWithdraw: boolean;
  onActivate: () => void;
  onWithdraw: () => void;
}) {
  const { t } = useTranslation();
  const tabIndex = isActive ? 0 : -1;
  return (
    <td className={className}>
      {row.withdrawn ? (
        // biome-ignore lint/a11y/noStaticElementInteractions: a cell of the grid is reachable with the arrow keys
        <span
          data-cell={dataCell}
          tabIndex={tabIndex}
          onFocus={onActivate}
          className="withdrawn-tag"
          title={t("withdraw.readOnly", { date: formatDate(row.withdrawn.on), reason: row.withdrawn.reason })}
        >
          {t("withdraw.badge", { date: formatDate(row.withdrawn.on) })}
        </span>
      ) : canWithdraw && !row.anonymisedAt ? (
        <Button
          variant="tertiary"
          data-size="sm"
          className="grid-button"
          data-cell={dataCell}
          tabIndex={tabIndex}
          aria-label={t("withdraw.title", { name: label })}
          onFocus={onActivate}
          onClick={onWithdraw}
        >
          {t("withdraw.action")}
        </Button>
      ) : (
        // biome-ignore lint/a11y/noStaticElementInteractions: a cell of the grid is reachable with the arrow keys
        <span data-cell={dataCell} tabIndex={tabIndex} onFocus={onActivate} className="muted">
          –
        </span>
      )}
    </td>
  );
}
