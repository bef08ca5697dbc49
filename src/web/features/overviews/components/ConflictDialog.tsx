import { Alert, Button, Dialog, Heading, Paragraph } from "@digdir/designsystemet-react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { Row, RowField } from "../../../../contracts/overviews.ts";
import { displayValue } from "../lib/cells.ts";
import type { GridColumn } from "../lib/columns.ts";

/** A save refused because someone else saved the row first: their row now, and the values typed here. */
export type ConflictState = { rowId: string; values: Partial<Record<RowField, string>>; current: Row };

/** Tells the person that someone else changed the row, shows both values, and lets them choose. Nothing is lost. */
export function ConflictDialog({
  state,
  columns,
  sites,
  onKeepMine,
  onTakeTheirs,
}: {
  state: ConflictState | null;
  columns: GridColumn[];
  sites: Array<{ id: string; name: string }>;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const fields = state ? (Object.keys(state.values) as RowField[]) : [];
  const mine = (field: RowField) => {
    const value = state?.values[field] ?? "";
    return field === "placementSiteId" ? (sites.find((s) => s.id === value)?.name ?? value) : value;
  };
  const columnKey = (field: RowField) => columns.find((c) => c.field === field)?.key ?? field;
  return (
    <Dialog
      open={state !== null}
      onClose={onTakeTheirs}
      closedby="none"
      closeButton={false}
      aria-labelledby={headingId}
      className="form-dialog"
    >
      <Heading level={2} data-size="sm" id={headingId}>
        {t("overviews.conflict.title")}
      </Heading>
      {state ? (
        <>
          <Alert data-color="warning">
            <Paragraph>
              {t("overviews.conflict.body", {
                name: [state.current.lastName, state.current.firstName].filter(Boolean).join(", "),
              })}
            </Paragraph>
          </Alert>
          <table className="compare-table">
            <caption className="ds-sr-only">{t("overviews.conflict.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("overviews.conflict.field")}</th>
                <th scope="col">{t("overviews.conflict.theirs")}</th>
                <th scope="col">{t("overviews.conflict.mine")}</th>
              </tr>
            </thead>
            <tbody>
              {fields.map((field) => (
                <tr key={field}>
                  <th scope="row">{t(`overviews.columns.${columnKey(field)}`)}</th>
                  <td>
                    {displayValue(state.current, field) || (
                      <span className="muted">{t("overviews.conflict.blank")}</span>
                    )}
                  </td>
                  <td>{mine(field) || <span className="muted">{t("overviews.conflict.blank")}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="button-row">
            <Button onClick={onKeepMine}>{t("overviews.conflict.keepMine")}</Button>
            <Button variant="secondary" onClick={onTakeTheirs}>
              {t("overviews.conflict.takeTheirs")}
            </Button>
          </div>
        </>
      ) : null}
    </Dialog>
  );
}
