import { Alert, Link as DsLink, Paragraph } from "@digdir/designsystemet-react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { Loading } from "../../../components/QueryState.tsx";
import { applyLanguage, storedLanguage } from "../../../i18n/i18n.ts";
import { errorMessage } from "../../../lib/errors.ts";
import { useConfirmEmail } from "../api/confirmEmail.ts";
import { NextSteps } from "../components/NextSteps.tsx";
import { StudentPage } from "../components/StudentPage.tsx";

/**
 * `/registrer/bekreft/<token>`: confirms the e-mail address once (the link is one-time), then says
 * what happens next (SPEC §3.1 step 7) and links to the trust's page on preparing for the placement.
 */
export function ConfirmPage() {
  const { t } = useTranslation();
  const { token = "" } = useParams();
  const confirm = useConfirmEmail();
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    confirm.mutate(token, {
      // The language the student registered in, unless they chose another on this device.
      onSuccess: (answer) => {
        if (!storedLanguage()) applyLanguage(answer.language);
      },
    });
  }, [confirm, token]);

  if (confirm.isPending || confirm.isIdle) return <Loading />;
  if (confirm.error) {
    return (
      <StudentPage title={t("registration.confirm.failedTitle")}>
        <Alert data-color="warning">
          <Paragraph>{errorMessage(t, confirm.error)}</Paragraph>
        </Alert>
        <Paragraph>{t("registration.confirm.failedHelp")}</Paragraph>
      </StudentPage>
    );
  }
  const answer = confirm.data;
  return (
    <StudentPage
      title={answer.confirmed === "change" ? t("registration.confirm.changeTitle") : t("registration.confirm.title")}
    >
      <Paragraph>{t("registration.confirm.lead", { trust: answer.trustName })}</Paragraph>
      <NextSteps />
      {answer.studentInfoUrl ? (
        <Paragraph>
          <DsLink href={answer.studentInfoUrl}>
            {t("registration.confirm.studentInfo", { trust: answer.trustName })}
          </DsLink>
        </Paragraph>
      ) : null}
      <Paragraph>{t("registration.confirm.personalLink")}</Paragraph>
    </StudentPage>
  );
}
