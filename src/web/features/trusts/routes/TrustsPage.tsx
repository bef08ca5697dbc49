import { Card, Heading, Paragraph, Tag } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import type { TrustSettings } from "../../../../contracts/trusts.ts";
import { type ListColumn, ListTable } from "../../../components/ListTable.tsx";
import { Page } from "../../../components/Page.tsx";
import { AccessGate } from "../../../components/RoleGate.tsx";
import { useSession } from "../../../lib/session.ts";
import { useTrusts } from "../api/listTrusts.ts";
import { CreateTrustForm } from "../components/CreateTrustForm.tsx";

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
  const columns: ListColumn<TrustSettings>[] = [
    { key: "name", header: t("trusts.name"), cell: (tr) => tr.name, sortValue: (tr) => tr.name },
    { key: "defaultLanguage", header: t("trusts.defaultLanguage"), cell: (tr) => languageNames[tr.defaultLanguage] },
    {
      key: "mode",
      header: t("trusts.mode"),
      cell: (tr) => (
        <Tag data-size="sm" data-color={tr.testMode ? "warning" : "success"}>
          {tr.testMode ? t("trusts.testMode") : t("trusts.live")}
        </Tag>
      ),
    },
  ];

  return (
    <Page title={t("trusts.title")} lead={<Paragraph>{t("trusts.lead")}</Paragraph>}>
      <section className="section" aria-labelledby="trusts-list">
        <Heading level={2} data-size="sm" id="trusts-list">
          {t("trusts.listHeading")}
        </Heading>
        <ListTable
          rows={trusts.data ?? []}
          rowKey={(tr) => tr.id}
          columns={columns}
          defaultSort="name"
          searchLabel={t("trusts.search")}
          searchText={(tr) => [tr.name]}
          caption={{ id: "trusts-caption", text: t("trusts.caption") }}
          load={{ isPending: trusts.isPending, error: trusts.error, retry: () => void trusts.refetch() }}
          empty={<Paragraph>{t("trusts.empty")}</Paragraph>}
          showCount={false}
        />
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
