import { Details, Paragraph, Table } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import type { Change } from "../../../../contracts/overviews.ts";
import { formatChangeValue } from "../../../../domain/change-values.ts";
import { LoadError, Loading } from "../../../components/QueryState.tsx";
import { TableScroller } from "../../../components/TableScroller.tsx";
import { formatDateTime } from "../../../lib/dateTime.ts";
import { useChanges } from "../api/listChanges.ts";

/** Every change after submission, newest first: what, from → to, who and when (shown in red, as in the sheet). */
export function ChangeList({ overviewId, submittedSheets }: { overviewId: string; submittedSheets: number }) {
  const { t } = useTranslation();
  const changes = useChanges(overviewId);
  const list = [...(changes.data ?? [])].sort((a, b) => b.at.localeCompare(a.at));
  const what = (c: Change) =>
    c.kind === "cell_changed" && c.field
      ? t("overviews.changes.kinds.cell_changed", { field: t(`overviews.fields.${c.field}`) })
      : t(`overviews.changes.kinds.${c.kind}`);

  return (
    // Opens by itself once there are changes, so nobody has to ask what changed.
    <Details className="change-panel" key={list.length > 0 ? "with-changes" : "none"} defaultOpen={list.length > 0}>
      <Details.Summary>
        {changes.data ? t("overviews.changes.summary", { count: list.length }) : t("overviews.changes.summaryLoading")}
      </Details.Summary>
      <Details.Content>
        {changes.isPending ? (
          <Loading />
        ) : changes.error ? (
          <LoadError error={changes.error} onRetry={() => void changes.refetch()} />
        ) : list.length === 0 ? (
          <Paragraph>
            {submittedSheets > 0 ? t("overviews.changes.none") : t("overviews.changes.notSubmitted")}
          </Paragraph>
        ) : (
          <TableScroller labelledBy="changes-caption">
            <Table data-size="sm" className="change-table">
              <caption id="changes-caption" className="ds-sr-only">
                {t("overviews.changes.caption")}
              </caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t("overviews.changes.when")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("overviews.changes.who")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("overviews.changes.sheet")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("overviews.changes.student")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("overviews.changes.what")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("overviews.changes.fromTo")}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {list.map((c) => (
                  <Table.Row key={c.id} className="change-row">
                    <Table.Cell className="nowrap">{formatDateTime(c.at)}</Table.Cell>
                    <Table.Cell>{c.by.name}</Table.Cell>
                    <Table.Cell>{c.sheetName}</Table.Cell>
                    <Table.Cell>{c.rowLabel || "–"}</Table.Cell>
                    <Table.Cell>{what(c)}</Table.Cell>
                    <Table.Cell>
                      {c.kind === "cell_changed" ? (
                        <>
                          <span className="change-from">
                            {formatChangeValue(c.field, c.from) || t("overviews.conflict.blank")}
                          </span>
                          <span aria-hidden="true"> → </span>
                          <span className="ds-sr-only"> {t("overviews.changes.to")} </span>
                          <span className="change-to">
                            {formatChangeValue(c.field, c.to) || t("overviews.conflict.blank")}
                          </span>
                        </>
                      ) : (
                        <span className="change-to">{formatChangeValue(c.field, c.to || c.from) || "–"}</span>
                      )}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableScroller>
        )}
      </Details.Content>
    </Details>
  );
}
