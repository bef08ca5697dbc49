import { Button, Link as DsLink, Field, Label, Paragraph, Select } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { type Campaign, campaignStateSchema, registrationStateSchema } from "../../../../contracts/registrations.ts";
import { formatDate } from "../../../../domain/dates.ts";
import { useInstitutions } from "../../../api/listInstitutions.ts";
import { FormDialog } from "../../../components/FormDialog.tsx";
import { type ListColumn, ListTable } from "../../../components/ListTable.tsx";
import { Page } from "../../../components/Page.tsx";
import { AccessGate } from "../../../components/RoleGate.tsx";
import { formatDateTime } from "../../../lib/dateTime.ts";
import { useServerListQuery } from "../../../lib/serverList.ts";
import { may, useSession } from "../../../lib/session.ts";
import { useDialog } from "../../../lib/useDialog.ts";
import { useCampaigns } from "../api/listCampaigns.ts";
import { CampaignForm } from "../components/CampaignForm.tsx";
import { CampaignStateTag } from "../components/CampaignStateTag.tsx";
import "../registrations.css";

const sortable = ["name", "institution", "deadline", "created"] as const;
type SortKey = (typeof sortable)[number];

/** `/registrering/kampanjer`: the campaigns (coordinators: their institutions'), filtered, searched, sorted and paged in the URL. */
export function CampaignsPage() {
  const me = useSession();
  return (
    <AccessGate allowed={may(me, "campaigns.read")}>
      <Campaigns canManage={may(me, "campaigns.manage")} canTransfer={may(me, "hrTransfer.manage")} />
    </AccessGate>
  );
}

function Campaigns({ canManage, canTransfer }: { canManage: boolean; canTransfer: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const institutionId = params.get("institusjon") ?? "";
  const state = campaignStateSchema.safeParse(params.get("status")).data;
  // From the start page: registrations in one state, shown on each campaign's page.
  const registrationState = registrationStateSchema.safeParse(params.get("tilstand")).data;
  const campaignLink = (id: string) =>
    `/registrering/kampanjer/${id}${registrationState ? `?tilstand=${registrationState}` : ""}`;
  const query = useServerListQuery(sortable, "deadline");
  const campaigns = useCampaigns({ ...query, institutionId: institutionId || undefined, state });
  const institutions = useInstitutions();
  const { dialog, open, close } = useDialog<{ kind: "new" }>();

  const setFilter = (key: string, value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        next.delete("side");
        return next;
      },
      { replace: true },
    );

  const columns: ListColumn<Campaign, SortKey | "state" | "registered">[] = [
    {
      key: "name",
      header: t("campaigns.columns.name"),
      cell: (c) => (
        <DsLink asChild>
          <Link to={campaignLink(c.id)}>{c.name}</Link>
        </DsLink>
      ),
      sortValue: (c) => c.name,
    },
    {
      key: "institution",
      header: t("campaigns.columns.institution"),
      cell: (c) => c.institutionName,
      sortValue: (c) => c.institutionName,
    },
    {
      key: "deadline",
      header: t("campaigns.columns.deadline"),
      cell: (c) => formatDate(c.deadline),
      sortValue: (c) => c.deadline,
    },
    { key: "state", header: t("campaigns.columns.state"), cell: (c) => <CampaignStateTag state={c.state} /> },
    {
      key: "registered",
      header: t("campaigns.columns.registered"),
      cell: (c) =>
        t("campaigns.registeredCount", {
          registered: c.counts.confirmed + c.counts.matched + c.counts.transferred,
          unconfirmed: c.counts.unconfirmed,
        }),
    },
    {
      key: "created",
      header: t("campaigns.columns.created"),
      cell: (c) => formatDateTime(c.createdAt),
      sortValue: (c) => c.createdAt,
    },
  ];

  const filters = (
    <>
      <Field className="toolbar-filter">
        <Label htmlFor="campaigns-institution">{t("campaigns.filter.institution")}</Label>
        <Select
          id="campaigns-institution"
          value={institutionId}
          onChange={(e) => setFilter("institusjon", e.target.value)}
        >
          <Select.Option value="">{t("campaigns.filter.allInstitutions")}</Select.Option>
          {(institutions.data ?? []).map((i) => (
            <Select.Option key={i.id} value={i.id}>
              {i.shortName}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Field className="toolbar-filter">
        <Label htmlFor="campaigns-state">{t("campaigns.filter.state")}</Label>
        <Select id="campaigns-state" value={state ?? ""} onChange={(e) => setFilter("status", e.target.value)}>
          <Select.Option value="">{t("campaigns.filter.allStates")}</Select.Option>
          {campaignStateSchema.options.map((s) => (
            <Select.Option key={s} value={s}>
              {t(`campaigns.state.${s}`)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      {canManage ? <Button onClick={() => open({ kind: "new" })}>{t("campaigns.new")}</Button> : null}
      {canTransfer ? (
        <Button variant="secondary" asChild>
          <Link to="/registrering/overfoering">{t("hrTransfer.title")}</Link>
        </Button>
      ) : null}
    </>
  );

  return (
    <Page title={t("campaigns.title")} lead={<Paragraph>{t("campaigns.lead")}</Paragraph>}>
      {registrationState ? (
        <Paragraph>
          {t("campaigns.openForState", { state: t(`campaigns.registrationState.${registrationState}`) })}
        </Paragraph>
      ) : null}
      <ListTable
        rows={campaigns.data?.items ?? []}
        rowKey={(c) => c.id}
        columns={columns}
        defaultSort="deadline"
        searchLabel={t("campaigns.search")}
        searchText={(c) => [c.name, c.institutionName]}
        toolbarEnd={filters}
        caption={{ id: "campaigns-caption", text: t("campaigns.caption") }}
        load={{ isPending: campaigns.isPending, error: campaigns.error, retry: () => void campaigns.refetch() }}
        empty={<Paragraph>{institutionId || state ? t("campaigns.noneFiltered") : t("campaigns.empty")}</Paragraph>}
        server={{ total: campaigns.data?.total ?? 0 }}
      />
      <FormDialog open={dialog?.kind === "new"} title={t("campaigns.new")} onClose={close}>
        <CampaignForm
          onCancel={close}
          onSaved={(c) => {
            close();
            void navigate(`/registrering/kampanjer/${c.id}`, {
              state: { announce: t("campaigns.created", { name: c.name }) },
            });
          }}
        />
      </FormDialog>
    </Page>
  );
}
