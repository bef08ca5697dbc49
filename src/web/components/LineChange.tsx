import { useTranslation } from "react-i18next";
import type { OrderLine } from "../../contracts/orders.ts";
import { changesLabel, changeTypeText } from "../lib/lineChanges.ts";

/** A line's change type ("Endret") and, when it has them, its changes from → to under it. */
export function LineChange({ line }: { line: Pick<OrderLine, "changeType" | "changes"> }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <span className={`line-change line-change--${line.changeType}`}>{changeTypeText(t, line.changeType)}</span>
      {line.changes.length > 0 ? (
        <>
          <br />
          <span className="line-change__changes">{changesLabel(line.changes, i18n.language)}</span>
        </>
      ) : null}
    </>
  );
}
