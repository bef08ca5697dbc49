import { Link as DsLink, Heading, Paragraph } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { publicRegistrationStepSchema } from "../../../../contracts/registrations-public.ts";
import { formatMobile } from "../../../../domain/contact.ts";
import { formatDate } from "../../../../domain/dates.ts";
import { LoadError, Loading } from "../../../components/QueryState.tsx";
import { isApiError } from "../../../lib/api.ts";
import { useOwnRegistration } from "../api/getOwnRegistration.ts";
import { ContactForm } from "../components/ContactForm.tsx";
import { NextSteps } from "../components/NextSteps.tsx";
import { StudentPage } from "../components/StudentPage.tsx";

const steps = publicRegistrationStepSchema.options;

/**
 * `/registrer/min/<token>`: the student's own page from the personal link — how far the
 * registration has come (registered → transferred to HR → access ordered → ready) and, until the
 * deadline, the contact details to correct.
 */
export function PersonalPage() {
  const { t } = useTranslation();
  const { token = "" } = useParams();
  const own = useOwnRegistration(token);
  if (own.isPending) return <Loading />;
  if (own.error) {
    if (isApiError(own.error) && own.error.status === 404) {
      return (
        <StudentPage title={t("registration.notFound.title")}>
          <Paragraph>{t("registration.notFound.personal")}</Paragraph>
        </StudentPage>
      );
    }
    return <LoadError error={own.error} onRetry={() => void own.refetch()} />;
  }
  const r = own.data;
  const reached = steps.indexOf(r.step);
  return (
    <StudentPage title={t("registration.personal.title", { name: `${r.firstName} ${r.lastName}` })}>
      <Paragraph>{t("registration.personal.lead", { institution: r.institutionName, trust: r.trustName })}</Paragraph>
      {r.emailConfirmed ? null : <Paragraph>{t("registration.personal.unconfirmed", { email: r.email })}</Paragraph>}
      <section aria-labelledby="steps-heading">
        <Heading level={2} data-size="xs" id="steps-heading">
          {t("registration.personal.stepsHeading")}
        </Heading>
        <ol className="registration-steps">
          {steps.map((step, index) => (
            <li key={step} aria-current={index === reached ? "step" : undefined}>
              <span className="step-mark" aria-hidden="true">
                {index <= reached ? "✓" : "○"}
              </span>
              <span>
                {t(`registration.steps.${step}`)}
                <span className="ds-sr-only">
                  {" "}
                  {index <= reached ? t("registration.personal.stepDone") : t("registration.personal.stepWaiting")}
                </span>
              </span>
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="next-heading">
        <Heading level={2} data-size="xs" id="next-heading">
          {t("registration.personal.nextHeading")}
        </Heading>
        <NextSteps />
        {r.studentInfoUrl ? (
          <Paragraph>
            <DsLink href={r.studentInfoUrl}>{t("registration.confirm.studentInfo", { trust: r.trustName })}</DsLink>
          </Paragraph>
        ) : null}
      </section>
      <section aria-labelledby="contact-heading">
        <Heading level={2} data-size="xs" id="contact-heading">
          {t("registration.personal.contactHeading")}
        </Heading>
        {r.editable ? (
          <>
            <Paragraph data-size="sm">
              {t("registration.personal.editUntil", { date: formatDate(r.deadline) })}
            </Paragraph>
            <ContactForm token={token} registration={r} />
          </>
        ) : (
          <>
            <dl className="contact-list">
              <dt>{t("registration.form.email")}</dt>
              <dd>{r.email}</dd>
              <dt>{t("registration.form.mobile")}</dt>
              <dd>{r.mobile ? formatMobile(r.mobile) : "–"}</dd>
            </dl>
            <Paragraph data-size="sm">{t("registration.personal.locked")}</Paragraph>
          </>
        )}
      </section>
    </StudentPage>
  );
}
