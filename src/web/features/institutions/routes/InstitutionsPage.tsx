import { Paragraph, Switch, Table } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import type { Agreement, Institution } from "../../../../contracts/institutions.ts";
import { Page } from "../../../components/Page.tsx";
import { LoadError, Loading } from "../../../components/QueryState.tsx";
import { SearchField } from "../../../components/SearchField.tsx";
import { SortableHeader } from "../../../components/SortableHeader.tsx";
import { TableScroller } from "../../../components/TableScroller.tsx";
import { matchesSearch } from "../../../lib/format.ts";
import { may, useSession } from "../../../lib/session.ts";
import { useListParams, useSorted } from "../../../lib/useListParams.ts";
import { useAgreements } from "../api/listAgreements.ts";
import { useInstitutions } from "../api/listInstitutions.ts";
import { ContactCell } from "../components/ContactCell.tsx";

const allColumns = ["name", "shortName", "mainContact", "deputyContact"] as const;
type Column = (typeof allColumns)[number];
type Row = { institution: Institution; agreement: Agreement | undefined };

/**
 * The institutions the person may see, with their FOU contact persons at this trust for those who
 * may read the agreements (admins, FOU, coordinators); the IT provider and E-Helse see the
 * institutions only. FOU can narrow the list to the institutions they are a contact person for
 * (`?kontakt=meg`, where the start page's "Kontaktperson for …" leads).
 */
export function InstitutionsPage() {
  const { t } = useTranslation();
  const me = useSession();
  const seesContacts = may(me, "agreements.read");
  const institutions = useInstitutions();
  const agreements = useAgreements(seesContacts);
  const columns: readonly Column[] = seesContacts ? allColumns : ["name", "shortName"];
  const list = useListParams(allColumns, "name");
  const [params, setParams] = useSearchParams();
  const canFilterMine = may(me, "agreements.contact");
  const onlyMine = canFilterMine && params.get("kontakt") === "meg";
  const setOnlyMine = (value: boolean) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set("kontakt", "meg");
        else next.delete("kontakt");
        return next;
      },
      { replace: true },
    );
  const isMine = (a: Agreement | undefined) => a?.mainContact?.id === me.user.id || a?.deputyContact?.id === me.user.id;

  const byInstitution = new Map((agreements.data ?? []).map((a) => [a.institution.id, a]));
  const rows: Row[] = (institutions.data ?? []).map((i) => ({ institution: i, agreement: byInstitution.get(i.id) }));
  const filtered = rows.filter(
    (r) =>
      (!onlyMine || isMine(r.agreement)) &&
      matchesSearch(
        list.query,
        r.institution.name,
        r.institution.shortName,
        r.agreement?.mainContact?.name,
        r.agreement?.deputyContact?.name,
      ),
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
  const error = institutions.error ?? (seesContacts ? agreements.error : null);

  return (
    <Page
      title={t("institutions.title")}
      lead={<Paragraph>{t(seesContacts ? "institutions.lead" : "institutions.leadWithoutContacts")}</Paragraph>}
    >
      <div className="toolbar">
        <SearchField
          label={t(seesContacts ? "institutions.search" : "institutions.searchWithoutContacts")}
          value={list.query}
          onChange={list.setQuery}
        />
        {canFilterMine ? (
          <Switch
            label={t("institutions.onlyMine")}
            checked={onlyMine}
            onChange={(e) => setOnlyMine(e.target.checked)}
          />
        ) : null}
      </div>
      {institutions.isPending || (seesContacts && agreements.isPending) ? (
        <Loading />
      ) : error ? (
        <LoadError error={error} onRetry={() => void institutions.refetch()} />
      ) : rows.length === 0 ? (
        <Paragraph>{t("institutions.emptyReadOnly")}</Paragraph>
      ) : sorted.length === 0 ? (
        <Paragraph>{list.query ? t("common.noMatches", { query: list.query }) : t("institutions.noneMine")}</Paragraph>
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
                  {seesContacts ? (
                    <>
                      <Table.Cell>
                        {agreement ? <ContactCell person={agreement.mainContact} /> : t("agreements.noAgreement")}
                      </Table.Cell>
                      <Table.Cell>{agreement ? <ContactCell person={agreement.deputyContact} /> : "–"}</Table.Cell>
                    </>
                  ) : null}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableScroller>
      )}
    </Page>
  );
}
