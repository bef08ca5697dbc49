import { Card, Heading, Paragraph, Table, Tag } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { Page } from "../../../components/Page.tsx";
import { LoadError, Loading } from "../../../components/QueryState.tsx";
import { AccessGate } from "../../../components/RoleGate.tsx";
import { SearchField } from "../../../components/SearchField.tsx";
import { SortableHeader } from "../../../components/SortableHeader.tsx";
import { TableScroller } from "../../../components/TableScroller.tsx";
import { matchesSearch } from "../../../lib/format.ts";
import { useSession } from "../../../lib/session.ts";
import { useListParams, useSorted } from "../../../lib/useListParams.ts";
import { type TrustListItem, useTrusts } from "../api/listTrusts.ts";
import { CreateTrustForm } from "../components/CreateTrustForm.tsx";

const columns = ["name"] as const;
const languageNames: Record<string, string> = { nb: "Bokmål", nn: "Nynorsk", en: "English" };

export function TrustsPage() {
  const me = useSession();
  return (
    <AccessGate allowed={me.user.isSystemAdmin}>
      <Trusts />
    </AccessGate>
  );
}

function Trusts() {
  const { t } = useTranslation();
  const trusts = useTrusts();
  const list = useListParams(columns, "name");
  const all = trusts.data ?? [];
  const filtered = all.filter((tr) => matchesSearch(list.query, tr.name));
  const sorted = useSorted(filtered, (tr: TrustListItem) => tr.name, list.direction);

  return (
    <Page title={t("trusts.title")} lead={<Paragraph>{t("trusts.lead")}</Paragraph>}>
      <section className="section" aria-labelledby="trusts-list">
        <Heading level={2} data-size="sm" id="trusts-list">
          {t("trusts.listHeading")}
        </Heading>
        <div className="toolbar">
          <SearchField label={t("trusts.search")} value={list.query} onChange={list.setQuery} />
        </div>
        {trusts.isPending ? (
          <Loading />
        ) : trusts.error ? (
          <LoadError error={trusts.error} onRetry={() => void trusts.refetch()} />
        ) : all.length === 0 ? (
          <Paragraph>{t("trusts.empty")}</Paragraph>
        ) : sorted.length === 0 ? (
          <Paragraph>{t("common.noMatches", { query: list.query })}</Paragraph>
        ) : (
          <TableScroller labelledBy="trusts-caption">
            <Table zebra>
              <caption id="trusts-caption" className="ds-sr-only">
                {t("trusts.caption")}
              </caption>
              <Table.Head>
                <Table.Row>
                  <SortableHeader sort={list.ariaSort("name")} onSort={() => list.toggleSort("name")}>
                    {t("trusts.name")}
                  </SortableHeader>
                  <Table.HeaderCell>{t("trusts.defaultLanguage")}</Table.HeaderCell>
                  <Table.HeaderCell>{t("trusts.mode")}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {sorted.map((tr) => (
                  <Table.Row key={tr.id}>
                    <Table.Cell>{tr.name}</Table.Cell>
                    <Table.Cell>{languageNames[tr.defaultLanguage]}</Table.Cell>
                    <Table.Cell>
                      <Tag data-size="sm" data-color={tr.testMode ? "warning" : "success"}>
                        {tr.testMode ? t("trusts.testMode") : t("trusts.live")}
                      </Tag>
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableScroller>
        )}
      </section>
      <section className="section" aria-labelledby="trusts-new">
        <Heading level={2} data-size="sm" id="trusts-new">
          {t("trusts.newHeading")}
        </Heading>
        <Card className="narrow-card">
          <CreateTrustForm />
        </Card>
      </section>
    </Page>
  );
}
