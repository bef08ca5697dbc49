import { Alert, Details, Heading, Paragraph, Table, Tag } from "@digdir/designsystemet-react";
import type { RefObject } from "react";
import { useTranslation } from "react-i18next";
import type { WebcruiterImportReport } from "../../../../contracts/webcruiter-import.ts";
import { TableScroller } from "../../../components/TableScroller.tsx";
import { problemText } from "../../../lib/problems.ts";

const outcomeColor = {
  created: "success",
  matched: "success",
  already_registered: "neutral",
  skipped: "danger",
} as const;

/**
 * The report of a check or a save: the counts, the columns the file lacks, the rows with problems
 * (field by field, nothing of them is saved), the rows that wait for FOU, and every row's outcome.
 */
export function WebcruiterReport({
  report,
  headingRef,
}: {
  report: WebcruiterImportReport;
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  const { t } = useTranslation();
  const { totals } = report;
  const skipped = report.rows.filter((r) => r.outcome === "skipped");
  const waiting = report.rows.filter((r) => r.waitsForConfirmation);
  return (
    <section className="webcruiter-report" aria-labelledby="webcruiter-report-heading">
      <Heading level={3} data-size="xs" id="webcruiter-report-heading" ref={headingRef} tabIndex={-1}>
        {report.saved ? t("campaigns.webcruiter.savedHeading") : t("campaigns.webcruiter.reportHeading")}
      </Heading>
      <Paragraph>
        {t("campaigns.webcruiter.summary", {
          count: report.rowsRead,
          created: totals.created,
          matched: totals.matched,
          already: totals.alreadyRegistered,
          skipped: totals.skipped,
        })}
      </Paragraph>
      {report.missingColumns.length > 0 ? (
        <ul className="plain-list">
          {report.missingColumns.map((c) => (
            <li key={c.field}>
              {t("campaigns.webcruiter.missingColumn", {
                header: c.header,
                field: t(`campaigns.webcruiter.fields.${c.field}`),
              })}
            </li>
          ))}
        </ul>
      ) : null}
      {waiting.length > 0 ? (
        <Alert data-color="warning">
          <Paragraph>{t("campaigns.webcruiter.waiting", { count: waiting.length })}</Paragraph>
          <ul className="plain-list">
            {waiting.map((r) => (
              <li key={r.rowNumber}>
                {t("campaigns.webcruiter.rowLabel", { row: r.rowNumber, name: r.name, email: r.email })}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {skipped.length > 0 ? (
        <TableScroller labelledBy="webcruiter-problems-caption">
          <Table data-size="sm" className="webcruiter-table">
            <caption id="webcruiter-problems-caption">
              {t("campaigns.webcruiter.problemsCaption", { count: skipped.length })}
            </caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t("campaigns.webcruiter.columns.row")}</Table.HeaderCell>
                <Table.HeaderCell>{t("campaigns.webcruiter.columns.name")}</Table.HeaderCell>
                <Table.HeaderCell>{t("campaigns.webcruiter.columns.field")}</Table.HeaderCell>
                <Table.HeaderCell>{t("campaigns.webcruiter.columns.problem")}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {skipped.flatMap((r) =>
                r.problems.map((p) => (
                  <Table.Row key={`${r.rowNumber}-${p.field}-${p.code}`}>
                    <Table.Cell>{r.rowNumber}</Table.Cell>
                    <Table.Cell>{r.name || r.email || "–"}</Table.Cell>
                    <Table.Cell>{p.column ?? t(`campaigns.webcruiter.fields.${p.field}`)}</Table.Cell>
                    <Table.Cell>{problemText(t, p.code)}</Table.Cell>
                  </Table.Row>
                )),
              )}
            </Table.Body>
          </Table>
        </TableScroller>
      ) : null}
      {report.rows.length > 0 ? (
        <Details>
          <Details.Summary>{t("campaigns.webcruiter.allRows", { count: report.rows.length })}</Details.Summary>
          <Details.Content>
            <TableScroller labelledBy="webcruiter-rows-caption">
              <Table data-size="sm" className="webcruiter-table">
                <caption id="webcruiter-rows-caption">{t("campaigns.webcruiter.rowsCaption")}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t("campaigns.webcruiter.columns.row")}</Table.HeaderCell>
                    <Table.HeaderCell>{t("campaigns.webcruiter.columns.applicant")}</Table.HeaderCell>
                    <Table.HeaderCell>{t("campaigns.webcruiter.columns.outcome")}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {report.rows.map((r) => (
                    <Table.Row key={r.rowNumber}>
                      <Table.Cell>{r.rowNumber}</Table.Cell>
                      <Table.Cell>
                        {r.name || "–"}
                        <br />
                        <span className="muted">{r.email}</span>
                      </Table.Cell>
                      <Table.Cell>
                        <span className="webcruiter-outcome">
                          <Tag data-size="sm" data-color={outcomeColor[r.outcome]}>
                            {t(`campaigns.webcruiter.outcome.${r.outcome}`)}
                          </Tag>
                          {r.matchedBy ? (
                            <span>
                              {t("campaigns.webcruiter.matchedOn", { key: t(`campaigns.matchedBy.${r.matchedBy}`) })}
                            </span>
                          ) : null}
                          {r.waitsForConfirmation ? (
                            <Tag data-size="sm" data-color="warning">
                              {t("campaigns.webcruiter.waitsTag")}
                            </Tag>
                          ) : null}
                        </span>
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </TableScroller>
          </Details.Content>
        </Details>
      ) : null}
    </section>
  );
}
