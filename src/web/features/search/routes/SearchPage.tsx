import { Link as DsLink, Paragraph, Spinner, Table } from "@digdir/designsystemet-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { formatDate } from "../../../../domain/dates.ts";
import { Page } from "../../../components/Page.tsx";
import { LoadError } from "../../../components/QueryState.tsx";
import { AccessGate } from "../../../components/RoleGate.tsx";
import { SearchField } from "../../../components/SearchField.tsx";
import { TableScroller } from "../../../components/TableScroller.tsx";
import { compareText } from "../../../lib/format.ts";
import { may, useSession } from "../../../lib/session.ts";
import { useStudentSearch } from "../api/searchStudents.ts";

export function SearchPage() {
  const me = useSession();
  const allowed = may(me, "overviews.read");
  return (
    <AccessGate allowed={allowed}>
      <StudentSearch />
    </AccessGate>
  );
}

/** Finds a student by name across the overview documents one may see; each hit opens the sheet at the row. */
function StudentSearch() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const urlQuery = params.get("q") ?? "";
  const [text, setText] = useState(urlQuery);
  const [debounced, setDebounced] = useState(urlQuery);

  useEffect(() => {
    const timer = window.setTimeout(() => {
      setDebounced(text);
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (text.trim()) next.set("q", text);
          else next.delete("q");
          return next;
        },
        { replace: true },
      );
    }, 250);
    return () => window.clearTimeout(timer);
  }, [text, setParams]);

  const query = debounced.trim();
  const search = useStudentSearch(query);
  const results = [...(search.data?.results ?? [])].sort(
    (a, b) => compareText(a.lastName, b.lastName) || compareText(a.firstName, b.firstName),
  );

  return (
    <Page title={t("search.title")} lead={<Paragraph>{t("search.lead")}</Paragraph>}>
      <div className="toolbar">
        <SearchField label={t("search.field")} value={text} onChange={setText} id="student-search" />
      </div>
      <div aria-live="polite" className="search-status">
        {query.length === 0 ? (
          <Paragraph>{t("search.start")}</Paragraph>
        ) : query.length < 2 ? (
          <Paragraph>{t("search.tooShort")}</Paragraph>
        ) : search.isFetching && !search.data ? (
          <Spinner aria-label={t("search.searching")} data-size="sm" />
        ) : search.error ? null : (
          <Paragraph data-size="sm">
            {t(search.data?.more ? "search.countMore" : "search.count", { count: results.length, query })}
          </Paragraph>
        )}
      </div>
      {search.error ? <LoadError error={search.error} onRetry={() => void search.refetch()} /> : null}
      {query.length >= 2 && results.length > 0 ? (
        <TableScroller labelledBy="search-caption">
          <Table zebra data-size="sm">
            <caption id="search-caption" className="ds-sr-only">
              {t("search.caption", { query })}
            </caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t("search.columns.student")}</Table.HeaderCell>
                <Table.HeaderCell>{t("search.columns.document")}</Table.HeaderCell>
                <Table.HeaderCell>{t("search.columns.sheet")}</Table.HeaderCell>
                <Table.HeaderCell>{t("search.columns.institution")}</Table.HeaderCell>
                <Table.HeaderCell>{t("search.columns.period")}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {results.map((r) => (
                <Table.Row key={r.rowId}>
                  <Table.Cell>
                    <DsLink asChild>
                      <Link to={`/oversikter/${r.overviewId}?ark=${r.sheetId}&rad=${r.rowId}`}>
                        {[r.lastName, r.firstName].filter(Boolean).join(", ") || t("search.unnamed")}
                      </Link>
                    </DsLink>
                  </Table.Cell>
                  <Table.Cell>
                    <DsLink asChild>
                      <Link to={`/oversikter/${r.overviewId}`}>{r.overviewName}</Link>
                    </DsLink>
                  </Table.Cell>
                  <Table.Cell>{r.sheetName}</Table.Cell>
                  <Table.Cell>{r.institutionShortName}</Table.Cell>
                  <Table.Cell className="nowrap">
                    {r.startDate ? formatDate(r.startDate) : "–"}
                    {"–"}
                    {r.endDate ? formatDate(r.endDate) : ""}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroller>
      ) : null}
    </Page>
  );
}
