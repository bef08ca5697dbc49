import { Alert, Button, Details, Heading, Paragraph } from "@digdir/designsystemet-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams, useSearchParams } from "react-router";
import { idportenFailureCodes } from "../../../../contracts/registrations-public.ts";
import { formatDate } from "../../../../domain/dates.ts";
import { MAIN_HEADING_ID } from "../../../components/Page.tsx";
import { LoadError, Loading } from "../../../components/QueryState.tsx";
import { isApiError } from "../../../lib/api.ts";
import { useIdportenIdentity } from "../api/getIdportenIdentity.ts";
import { usePublicCampaign } from "../api/getPublicCampaign.ts";
import { RegistrationForm } from "../components/RegistrationForm.tsx";
import { ResendForm } from "../components/ResendForm.tsx";
import { StudentPage } from "../components/StudentPage.tsx";

/**
 * `/registrer/<token>`: the campaign's form (or a late student's personal link). A closed campaign
 * says why and whom to ask; after sending, "check your e-mail" with a resend.
 */
export function RegisterPage() {
  const { t } = useTranslation();
  const { token = "" } = useParams();
  const [params] = useSearchParams();
  const oneTime = params.get("idporten");
  // Why a sign-in with ID-porten did not succeed (`?idporten-feil=`); the typed form stays usable.
  const idportenFailure = idportenFailureCodes.find((code) => code === params.get("idporten-feil"));
  const campaign = usePublicCampaign(token);
  const identity = useIdportenIdentity(oneTime);
  const [sentTo, setSentTo] = useState<string | null>(null);
  useEffect(() => {
    if (sentTo) document.getElementById(MAIN_HEADING_ID)?.focus();
  }, [sentTo]);

  if (campaign.isPending || (oneTime && identity.isPending)) return <Loading />;
  if (campaign.error) {
    if (isApiError(campaign.error) && campaign.error.status === 404) {
      return (
        <StudentPage title={t("registration.notFound.title")}>
          <Paragraph>{t("registration.notFound.body")}</Paragraph>
        </StudentPage>
      );
    }
    return <LoadError error={campaign.error} onRetry={() => void campaign.refetch()} />;
  }
  const c = campaign.data;
  const heading = t("registration.form.title", { institution: c.institutionName });

  if (sentTo) {
    return (
      <StudentPage title={t("registration.sent.title")}>
        <Paragraph>{t("registration.sent.body", { email: sentTo })}</Paragraph>
        <Paragraph>{t("registration.sent.expires")}</Paragraph>
        <Heading level={2} data-size="xs">
          {t("registration.resend.heading")}
        </Heading>
        <ResendForm campaignToken={token} email={sentTo} />
      </StudentPage>
    );
  }

  if (!c.open) {
    return (
      <StudentPage title={heading}>
        <Alert data-color="warning">
          <Heading level={2} data-size="xs">
            {t("registration.closed.heading")}
          </Heading>
          <Paragraph>{t("registration.closed.body", { date: formatDate(c.deadline) })}</Paragraph>
          <Paragraph>{t("registration.closed.ask", { institution: c.institutionName, trust: c.trustName })}</Paragraph>
        </Alert>
      </StudentPage>
    );
  }

  return (
    <StudentPage title={heading}>
      <Paragraph>{t("registration.form.lead", { trust: c.trustName, date: formatDate(c.deadline) })}</Paragraph>
      {identity.error || idportenFailure ? (
        <Alert data-color="warning">
          <Paragraph>
            {t(`registration.idporten.failure.${(idportenFailure ?? "idporten.failed").slice("idporten.".length)}`)}
          </Paragraph>
        </Alert>
      ) : null}
      {c.idportenStartUrl && !identity.data ? (
        <section className="idporten-start" aria-labelledby="idporten-heading">
          <Heading level={2} data-size="xs" id="idporten-heading">
            {t("registration.idporten.heading")}
          </Heading>
          <Paragraph data-size="sm">{t("registration.idporten.lead")}</Paragraph>
          <Button asChild>
            <a href={c.idportenStartUrl}>{t("registration.idporten.start")}</a>
          </Button>
          <Paragraph data-size="sm">{t("registration.idporten.orForm")}</Paragraph>
        </section>
      ) : null}
      <RegistrationForm
        token={token}
        campaign={c}
        identity={identity.data && oneTime ? { oneTime, person: identity.data } : null}
        onRegistered={setSentTo}
      />
      <Details>
        <Details.Summary>{t("registration.resend.summary")}</Details.Summary>
        <Details.Content>
          <Paragraph data-size="sm">{t("registration.resend.lead")}</Paragraph>
          <ResendForm campaignToken={token} />
        </Details.Content>
      </Details>
    </StudentPage>
  );
}
