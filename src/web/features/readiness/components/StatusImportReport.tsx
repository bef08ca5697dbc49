import { Heading, Paragraph, Table } from "@digdir/designsystemet-react";
import type { RefObject } from "react";
import { useTranslation } from "react-i18next";
import type { StatusImportReport as Report } from "../../../../contracts/orders.ts";
import { TableScroller } from "../../../components/TableScroller.tsx";

/** The report of a check or a save: each line's change (from → to), then the rows not matched or not applied, by row number. */
export function StatusImportReport({
  report,
  headingRef,
}: {
  report: Report;
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  const { t } = useTranslation();
  const state = (s: string) => t(`readiness.lineStates.${s}`);
  return (
    <section className="status-import-report" aria-labelledby="status-import-heading">
      <Heading level={3} data-size="xs" id="status-import-heading" ref={headingRef} tabIndex={-1}>
        {report.saved ? t("readiness.import.savedHeading") : t("readiness.import.reportHeading")}
      </Heading>
      <Paragraph>
        {t("readiness.import.summary", {
          count: report.rowsRead,
          changes: report.changes.length,
          problems: report.problems.length,
        })}
      </Paragraph>
      {report.changes.length > 0 ? (
        <TableScroller labelledBy="status-import-changes">
          <Table>
            <caption id="status-import-changes">{t("readiness.import.changesCaption")}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t("readiness.import.row")}</Table.HeaderCell>
                <Table.HeaderCell>{t("readiness.name")}</Table.HeaderCell>
                <Table.HeaderCell>{t("readiness.import.system")}</Table.HeaderCell>
                <Table.HeaderCell>{t("readiness.import.change")}</Table.HeaderCell>
                <Table.HeaderCell>{t("readiness.username")}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {report.changes.map((c) => (
                <Table.Row key={c.lineId}>
                  <Table.Cell>{c.rowNumber}</Table.Cell>
                  <Table.Cell>
                    {c.lastName}, {c.firstName}
                  </Table.Cell>
                  <Table.Cell>{c.system}</Table.Cell>
                  <Table.Cell>
                    {state(c.from)} → {state(c.to)}
                  </Table.Cell>
                  <Table.Cell>{c.username ?? ""}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroller>
      ) : null}
      {report.problems.length > 0 ? (
        <TableScroller labelledBy="status-import-problems">
          <Table>
            <caption id="status-import-problems">{t("readiness.import.problemsCaption")}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t("readiness.import.row")}</Table.HeaderCell>
                <Table.HeaderCell>{t("readiness.import.problem")}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {report.problems.map((p) => (
                <Table.Row key={`${p.rowNumber}-${p.code}`}>
                  <Table.Cell>{p.rowNumber}</Table.Cell>
                  <Table.Cell>
                    {t(`readiness.import.problems.${p.code}`, {
                      value: p.value ?? "",
                      state: p.state ? state(p.state) : "",
                    })}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroller>
      ) : null}
    </section>
  );
}
