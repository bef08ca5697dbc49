import { Paragraph, Table } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import type { Agreement, Institution } from "../../../../contracts/institutions.ts";
import { Page } from "../../../components/Page.tsx";
import { LoadError, Loading } from "../../../components/QueryState.tsx";
import { SearchField } from "../../../components/SearchField.tsx";
import { SortableHeader } from "../../../components/SortableHeader.tsx";
import { TableScroller } from "../../../components/TableScroller.tsx";
import { isApiError } from "../../../lib/api.ts";
import { matchesSearch } from "../../../lib/format.ts";
import { useListParams, useSorted } from "../../../lib/useListParams.ts";
import { useAgreements } from "../api/listAgreements.ts";
import { useInstitutions } from "../api/listInstitutions.ts";
import { ContactCell } from "../components/ContactCell.tsx";

const allColumns = ["name", "shortName", "mainContact", "deputyContact"] as const;
type Column = (typeof allColumns)[number];
type Row = { institution: Institution; agreement: Agreement | undefined };

/** The institutions the person may see, with their FOU contact persons at this trust. */
export function InstitutionsPage() {
  const { t } = useTranslation();
  const institutions = useInstitutions();
  const agreements = useAgreements();
  // Roles that may not read agreements (403) still see the institutions, without contacts.
  const contactsHidden = isApiError(agreements.error) && agreements.error.status === 403;
  const columns: readonly Column[] = contactsHidden ? ["name", "shortName"] : allColumns;
  const list = useListParams(allColumns, "name");

  const byInstitution = new Map((agreements.data ?? []).map((a) => [a.institution.id, a]));
  const rows: Row[] = (institutions.data ?? []).map((i) => ({ institution: i, agreement: byInstitution.get(i.id) }));
  const filtered = rows.filter((r) =>
    matchesSearch(list.query, r.institution.name, r.institution.shortName, r.agreement?.mainContact?.name),
  );
  const sorted = useSorted(
    filtered,
    (r: Row) => {
      const by: Record<Column, string> = {
        name: r.institution.name,
        shortName: r.institution.shortName,
        mainContact: r.agreement?.mainContact?.name ?? "\uffff",
        deputyContact: r.agreement?.deputyContact?.name ?? "\uffff",
      };
      return by[list.sort];
    },
    list.direction,
  );
  const headers: Record<Column, string> = {
    name: t("institutions.name"),
    shortName: t("institutions.shortName"),
    mainContact: t("agreements.mainContact"),
    deputyContact: t("agreements.deputyContact"),
  };
  const error = institutions.error ?? (contactsHidden ? null : agreements.error);

  return (
    <Page title={t("institutions.title")} lead={<Paragraph>{t("institutions.lead")}</Paragraph>}>
      <div className="toolbar">
        <SearchField label={t("institutions.search")} value={list.query} onChange={list.setQuery} />
      </div>
      {institutions.isPending || (agreements.isPending && !contactsHidden) ? (
        <Loading />
      ) : error ? (
        <LoadError error={error} onRetry={() => void institutions.refetch()} />
      ) : rows.length === 0 ? (
        <Paragraph>{t("institutions.emptyReadOnly")}</Paragraph>
      ) : sorted.length === 0 ? (
        <Paragraph>{t("common.noMatches", { query: list.query })}</Paragraph>
      ) : (
        <TableScroller labelledBy="institutions-ro-caption">
          <Table zebra>
            <caption id="institutions-ro-caption" className="ds-sr-only">
              {t("institutions.caption")}
            </caption>
            <Table.Head>
              <Table.Row>
                {columns.map((c) => (
                  <SortableHeader key={c} sort={list.ariaSort(c)} onSort={() => list.toggleSort(c)}>
                    {headers[c]}
                  </SortableHeader>
                ))}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {sorted.map(({ institution, agreement }) => (
                <Table.Row key={institution.id}>
                  <Table.Cell>{institution.name}</Table.Cell>
                  <Table.Cell>{institution.shortName}</Table.Cell>
                  {contactsHidden ? null : (
                    <>
                      <Table.Cell>
                        {agreement ? <ContactCell person={agreement.mainContact} /> : t("agreements.noAgreement")}
                      </Table.Cell>
                      <Table.Cell>{agreement ? <ContactCell person={agreement.deputyContact} /> : "–"}</Table.Cell>
                    </>
                  )}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroller>
      )}
    </Page>
  );
}
