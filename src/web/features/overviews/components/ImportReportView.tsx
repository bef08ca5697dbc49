import { Alert, Details, Heading, Paragraph, Table, Tag, Textfield } from "@digdir/designsystemet-react";
import type { RefObject } from "react";
import { useTranslation } from "react-i18next";
import type { ImportReport } from "../../../../contracts/overviews-import.ts";
import { formatDate, parseDate } from "../../../../domain/dates.ts";
import { TableScroller } from "../../../components/TableScroller.tsx";
import { noticeText, problemText } from "../../../lib/problems.ts";

/**
 * The import's report: what the check found in all, then per sheet its notices, the period dates a
 * new sheet needs, the rows with problems cell by cell and the rows that would change.
 */
export function ReportView({
  headingRef,
  report,
  periods,
  periodErrors,
  onPeriod,
}: {
  headingRef: RefObject<HTMLHeadingElement | null>;
  report: ImportReport;
  periods: Record<string, { start: string; end: string }>;
  periodErrors: Record<string, string>;
  onPeriod: (sheet: string, key: "start" | "end", value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="import-report" aria-labelledby="import-report-heading">
      <Heading level={3} data-size="xs" id="import-report-heading" ref={headingRef} tabIndex={-1}>
        {t("overviews.import.reportTitle")}
      </Heading>
      <ReportSummary report={report} />
      {report.sheets.map((sheet, index) => {
        const problemRows = sheet.rows.filter((r) => r.problems.length > 0);
        const changedRows = sheet.rows.filter((r) => r.action === "change");
        const headingId = `import-sheet-${index}`;
        return (
          <section key={sheet.name} className="import-sheet" aria-labelledby={headingId}>
            <Heading level={4} data-size="2xs" id={headingId}>
              {sheet.name}{" "}
              <Tag data-size="sm" data-color={sheet.sheetId ? "neutral" : "info"}>
                {sheet.sheetId ? t("overviews.import.existingSheet") : t("overviews.import.newSheet")}
              </Tag>
            </Heading>
            <Paragraph>
              {t("overviews.import.counts", {
                added: sheet.added,
                changed: sheet.changed,
                removed: sheet.removed,
                unchanged: sheet.unchanged,
              })}
            </Paragraph>
            {sheet.removedRows.length > 0 ? (
              <Alert data-color="warning">
                <Paragraph>
                  {t("overviews.import.removedWarning", {
                    count: sheet.removedRows.length,
                    names: sheet.removedRows.map((r) => r.label).join("; "),
                  })}
                </Paragraph>
              </Alert>
            ) : null}
            {!sheet.sheetId ? (
              <fieldset className="period-fieldset">
                <legend>{t("overviews.import.periodLegend", { name: sheet.name })}</legend>
                <div className="field-row">
                  <Textfield
                    label={t("overviews.newSheet.startDate")}
                    description={t("overviews.newSheet.dateHint")}
                    value={periods[sheet.name]?.start ?? ""}
                    onChange={(e) => onPeriod(sheet.name, "start", e.target.value)}
                    error={
                      periodErrors[sheet.name] && !parseDate(periods[sheet.name]?.start ?? "")
                        ? periodErrors[sheet.name]
                        : undefined
                    }
                  />
                  <Textfield
                    label={t("overviews.newSheet.endDate")}
                    description={t("overviews.newSheet.dateHint")}
                    value={periods[sheet.name]?.end ?? ""}
                    onChange={(e) => onPeriod(sheet.name, "end", e.target.value)}
                    error={
                      periodErrors[sheet.name] && parseDate(periods[sheet.name]?.start ?? "")
                        ? periodErrors[sheet.name]
                        : undefined
                    }
                  />
                </div>
              </fieldset>
            ) : null}
            {sheet.notices.length > 0 ? (
              <ul className="plain-list notices">
                {sheet.notices.map((n) => (
                  <li key={`${n.code}-${n.column ?? ""}`}>{noticeText(t, n.code, n.column)}</li>
                ))}
              </ul>
            ) : null}
            {problemRows.length > 0 ? (
              <TableScroller labelledBy={headingId}>
                <Table data-size="sm" className="report-table">
                  <caption>{t("overviews.import.problemsCaption", { count: problemRows.length })}</caption>
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell>{t("overviews.import.rowNumber")}</Table.HeaderCell>
                      <Table.HeaderCell>{t("overviews.import.student")}</Table.HeaderCell>
                      <Table.HeaderCell>{t("overviews.import.column")}</Table.HeaderCell>
                      <Table.HeaderCell>{t("overviews.import.problem")}</Table.HeaderCell>
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {problemRows.flatMap((r) =>
                      r.problems.map((p) => (
                        <Table.Row key={`${r.rowNumber}-${p.field ?? p.column ?? "row"}-${p.code}`}>
                          <Table.Cell>{r.rowNumber}</Table.Cell>
                          <Table.Cell>{r.label}</Table.Cell>
                          <Table.Cell>{p.column ?? (p.field ? t(`overviews.fields.${p.field}`) : "–")}</Table.Cell>
                          <Table.Cell>
                            <Tag data-size="sm" data-color={p.warning ? "warning" : "danger"}>
                              {p.warning ? t("overviews.import.warning") : t("overviews.import.error")}
                            </Tag>{" "}
                            {problemText(t, p.code, p.suggestions, p.details)}
                            {p.suggestions && p.suggestions.length > 0
                              ? ` ${t("overviews.import.suggestions", {
                                  names: p.suggestions.map((name) => t("overviews.import.quoted", { name })).join(", "),
                                })}`
                              : ""}
                            {p.details?.rows && p.details.rows.length > 0
                              ? ` ${t("overviews.import.alsoOnRows", { count: p.details.rows.length, rows: p.details.rows.join(", ") })}`
                              : ""}
                          </Table.Cell>
                        </Table.Row>
                      )),
                    )}
                  </Table.Body>
                </Table>
              </TableScroller>
            ) : null}
            {changedRows.length > 0 || sheet.removedRows.length > 0 ? (
              <Details>
                <Details.Summary>
                  {t("overviews.import.changesSummary", {
                    changed: changedRows.length,
                    removed: sheet.removedRows.length,
                  })}
                </Details.Summary>
                <Details.Content>
                  <ul className="plain-list">
                    {changedRows.map((r) => (
                      <li key={r.rowNumber}>
                        <strong>{r.label}</strong> ({t("overviews.import.rowNumberShort", { n: r.rowNumber })}):{" "}
                        {r.changes
                          .map((c) =>
                            t("overviews.import.changeLine", {
                              field: t(`overviews.fields.${c.field}`),
                              from: formatValue(c.from) || t("overviews.conflict.blank"),
                              to: formatValue(c.to) || t("overviews.conflict.blank"),
                            }),
                          )
                          .join("; ")}
                      </li>
                    ))}
                    {sheet.removedRows.map((r) => (
                      <li key={r.rowId}>{t("overviews.import.removedLine", { name: r.label })}</li>
                    ))}
                  </ul>
                </Details.Content>
              </Details>
            ) : null}
          </section>
        );
      })}
    </section>
  );
}

/**
 * What the check found in all, in the grid's words ("4 rader har feil"). While a check is pending
 * (a new sheet without its period) it never says "no errors" outright, and says what is left.
 */
function ReportSummary({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const errors = report.errorCount > 0;
  return (
    <>
      <Alert data-color={errors ? "warning" : report.complete ? "success" : "info"} role="status">
        <Paragraph>
          {errors
            ? t("overviews.import.reportErrorRows", { count: report.errorRowCount, errors: report.errorCount })
            : !report.complete
              ? t("overviews.import.reportNoErrorsSoFar")
              : report.warningCount > 0
                ? t("overviews.import.reportNoErrors")
                : t("overviews.import.reportClean")}{" "}
          {report.warningCount > 0 ? t("overviews.import.reportWarnings", { count: report.warningCount }) : null}
        </Paragraph>
        {errors && report.complete ? <Paragraph>{t("overviews.import.reportAdvice")}</Paragraph> : null}
        <Paragraph data-size="sm">{t("overviews.import.nothingSavedYet")}</Paragraph>
      </Alert>
      {report.complete ? null : (
        <Alert data-color="info">
          <Paragraph>{t("overviews.import.reportPending")}</Paragraph>
        </Alert>
      )}
    </>
  );
}

/** Dates in the report come as YYYY-MM-DD; people read dd.mm.yyyy. */
function formatValue(value: string | null): string {
  if (!value) return "";
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value) : value;
}
