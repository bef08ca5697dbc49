import { Button, Link as DsLink, Field, Heading, Label, Paragraph, Select } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { type Campaign, registrationStateSchema } from "../../../../contracts/registrations.ts";
import { formatDate } from "../../../../domain/dates.ts";
import { ConfirmDialog } from "../../../components/ConfirmDialog.tsx";
import { FormDialog } from "../../../components/FormDialog.tsx";
import { Page } from "../../../components/Page.tsx";
import { LoadError, Loading } from "../../../components/QueryState.tsx";
import { AccessGate } from "../../../components/RoleGate.tsx";
import { useAnnounce } from "../../../components/StatusMessage.tsx";
import { errorMessage } from "../../../lib/errors.ts";
import { may, useSession } from "../../../lib/session.ts";
import { useDialog } from "../../../lib/useDialog.ts";
import { useCampaign } from "../api/getCampaign.ts";
import { useUpdateCampaign } from "../api/updateCampaign.ts";
import { CampaignLinkPanel } from "../components/CampaignLinkPanel.tsx";
import { CampaignStateTag } from "../components/CampaignStateTag.tsx";
import { DeadlineForm } from "../components/DeadlineForm.tsx";
import { MissingList } from "../components/MissingList.tsx";
import { PersonalLinkForm } from "../components/PersonalLinkForm.tsx";
import { RegistrationsList } from "../components/RegistrationsList.tsx";
import { WebcruiterImportDialog } from "../components/WebcruiterImportDialog.tsx";
import "../registrations.css";

/** Which rows the campaign is for: its sheet or document, linked, or the institution's sheets to come. */
function CampaignPlace({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  if (!campaign.overviewId) return <Paragraph>{t("campaigns.page.forInstitution")}</Paragraph>;
  const to = campaign.sheetId
    ? `/oversikter/${campaign.overviewId}?ark=${campaign.sheetId}`
    : `/oversikter/${campaign.overviewId}`;
  return (
    <Paragraph>
      {campaign.sheetId ? t("campaigns.page.forSheet") : t("campaigns.page.forOverview")}{" "}
      <DsLink asChild>
        <Link to={to}>
          {campaign.sheetId
            ? t("campaigns.page.sheetIn", { sheet: campaign.sheetName, overview: campaign.overviewName })
            : campaign.overviewName}
        </Link>
      </DsLink>
    </Paragraph>
  );
}

type DialogState = { kind: "deadline" } | { kind: "close" } | { kind: "personalLink" } | { kind: "webcruiter" };

/** `/registrering/kampanjer/<id>`: the link and QR code, FOU's changes, and the campaign's registrations. */
export function CampaignPage() {
  const me = useSession();
  const { id = "" } = useParams();
  const campaign = useCampaign(id);
  if (!may(me, "campaigns.read")) return <AccessGate allowed={false}>{null}</AccessGate>;
  if (campaign.isPending) return <Loading />;
  if (campaign.error) return <LoadError error={campaign.error} onRetry={() => void campaign.refetch()} />;
  return (
    <CampaignView
      campaign={campaign.data}
      canManage={may(me, "campaigns.manage")}
      canMatch={may(me, "registrations.match")}
      canImport={may(me, "hrTransfer.manage")}
    />
  );
}

function CampaignView({
  campaign,
  canManage,
  canMatch,
  canImport,
}: {
  campaign: Campaign;
  canManage: boolean;
  canMatch: boolean;
  /** Webcruiter's applicant export (FOU's, with the HR transfer). */
  canImport: boolean;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const update = useUpdateCampaign();
  const { dialog, open, close } = useDialog<DialogState>(update);
  const [params, setParams] = useSearchParams();
  const missing = params.get("vis") === "mangler";
  const state = registrationStateSchema.safeParse(params.get("tilstand")).data;
  const closed = campaign.state === "closed";
  const c = campaign.counts;

  const setView = (value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.delete("side");
        next.delete("tilstand");
        next.delete("vis");
        if (value === "mangler") next.set("vis", "mangler");
        else if (value) next.set("tilstand", value);
        return next;
      },
      { replace: true },
    );

  const view = (
    <Field className="toolbar-filter">
      <Label htmlFor="campaign-view">{t("campaigns.view.label")}</Label>
      <Select id="campaign-view" value={missing ? "mangler" : (state ?? "")} onChange={(e) => setView(e.target.value)}>
        <Select.Option value="">{t("campaigns.view.all")}</Select.Option>
        {registrationStateSchema.options.map((s) => (
          <Select.Option key={s} value={s}>
            {t(`campaigns.registrationState.${s}`)} ({c[s]})
          </Select.Option>
        ))}
        <Select.Option value="mangler">{t("campaigns.view.missing")}</Select.Option>
      </Select>
    </Field>
  );

  return (
    <Page
      title={campaign.name}
      lead={
        <Paragraph>
          {t("campaigns.page.lead", { institution: campaign.institutionName, date: formatDate(campaign.deadline) })}{" "}
          <CampaignStateTag state={campaign.state} />
        </Paragraph>
      }
    >
      <Paragraph data-size="sm">
        <DsLink asChild>
          <Link to="/registrering/kampanjer">{t("campaigns.page.back")}</Link>
        </DsLink>
      </Paragraph>
      <CampaignPlace campaign={campaign} />
      <CampaignLinkPanel campaign={campaign} />
      {canManage || canMatch || canImport ? (
        <div className="button-row">
          {canManage ? (
            <>
              <Button variant="secondary" onClick={() => open({ kind: "deadline" })}>
                {t("campaigns.page.extend")}
              </Button>
              <Button variant="secondary" onClick={() => open({ kind: "close" })}>
                {closed ? t("campaigns.page.reopen") : t("campaigns.page.close")}
              </Button>
              <Button variant="secondary" onClick={() => open({ kind: "personalLink" })}>
                {t("campaigns.personalLink.title")}
              </Button>
            </>
          ) : null}
          {canImport ? (
            <Button variant="secondary" onClick={() => open({ kind: "webcruiter" })}>
              {t("campaigns.webcruiter.title")}
            </Button>
          ) : null}
          {canMatch ? (
            <Button asChild>
              <Link to={`/registrering/kampanjer/${campaign.id}/matching`}>{t("matching.title")}</Link>
            </Button>
          ) : null}
        </div>
      ) : null}

      <section className="section" aria-labelledby="registrations-heading">
        <Heading level={2} data-size="sm" id="registrations-heading">
          {missing ? t("campaigns.missing.heading") : t("campaigns.registrations.heading")}
        </Heading>
        {missing ? (
          <MissingList campaignId={campaign.id} toolbar={view} />
        ) : (
          <RegistrationsList campaignId={campaign.id} state={state} canMatch={canMatch} toolbar={view} />
        )}
      </section>

      <FormDialog open={dialog?.kind === "deadline"} title={t("campaigns.page.extend")} onClose={close}>
        <DeadlineForm
          campaign={campaign}
          onCancel={close}
          onSaved={(saved) => {
            close();
            announce(t("campaigns.page.deadlineSaved", { date: formatDate(saved.deadline) }));
          }}
        />
      </FormDialog>
      <ConfirmDialog
        open={dialog?.kind === "close"}
        title={closed ? t("campaigns.page.reopenTitle") : t("campaigns.page.closeTitle")}
        body={closed ? t("campaigns.page.reopenBody") : t("campaigns.page.closeBody")}
        confirmLabel={closed ? t("campaigns.page.reopen") : t("campaigns.page.close")}
        tone={closed ? "accent" : "danger"}
        pending={update.isPending}
        error={update.error ? errorMessage(t, update.error) : null}
        onConfirm={() =>
          update.mutate(
            { id: campaign.id, closed: !closed },
            {
              onSuccess: () => {
                close();
                announce(closed ? t("campaigns.page.reopened") : t("campaigns.page.closed"));
              },
            },
          )
        }
        onClose={close}
      />
      <FormDialog open={dialog?.kind === "personalLink"} title={t("campaigns.personalLink.title")} onClose={close}>
        <PersonalLinkForm campaign={campaign} onClose={close} />
      </FormDialog>
      <WebcruiterImportDialog open={dialog?.kind === "webcruiter"} campaignId={campaign.id} onClose={close} />
    </Page>
  );
}
