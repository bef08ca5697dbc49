import { Alert, Button, Card, Link as DsLink, Heading, Paragraph, Textfield } from "@digdir/designsystemet-react";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { FormErrorSummary } from "../../../components/FormErrorSummary.tsx";
import { Page } from "../../../components/Page.tsx";
import { useFormErrors } from "../../../components/useFormErrors.ts";
import { isApiError } from "../../../lib/api.ts";
import { errorKey } from "../../../lib/errors.ts";
import { errorIssues } from "../../../lib/issues.ts";
import { useSetPassword } from "../api/setPassword.ts";
import "../accountRequests.css";

const MIN_LENGTH = 12;

/** /sett-passord?token=… — a new person (or one who was invited again) chooses a password (public). */
export function SetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const setPassword = useSetPassword();
  const form = useFormErrors("set-password");
  const [password, setPasswordValue] = useState("");
  const [repeat, setRepeat] = useState("");
  const [linkInvalid, setLinkInvalid] = useState(token.length < 20);

  const labels = { password: t("setPassword.password"), repeat: t("setPassword.repeat") };

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (password.length < MIN_LENGTH) errors.password = t("setPassword.tooShort", { count: MIN_LENGTH });
    else if (repeat !== password) errors.repeat = t("setPassword.mismatch");
    if (Object.keys(errors).length > 0) {
      form.fail(errors);
      return;
    }
    form.reset();
    setPassword.mutate(
      { token, password },
      {
        onError: (error) => {
          // A token that is not valid (also one of the wrong length) can only be replaced by a new link.
          const aboutPassword = isApiError(error) && errorIssues(error.details)?.some((i) => i.path === "password");
          if (
            isApiError(error) &&
            (error.code === "invitations.invalid" || (error.code === "validation.failed" && !aboutPassword))
          ) {
            setLinkInvalid(true);
            return;
          }
          form.failFromServer(error, {}, { password: t("setPassword.tooShort", { count: MIN_LENGTH }) });
        },
      },
    );
  }

  return (
    <Page title={t("setPassword.title")} lead={<Paragraph>{t("setPassword.lead")}</Paragraph>}>
      {setPassword.isSuccess ? (
        <Done />
      ) : linkInvalid ? (
        <Alert data-color="warning">
          <Heading level={2} data-size="xs">
            {t("setPassword.invalidHeading")}
          </Heading>
          <Paragraph>{t(errorKey("invitations.invalid"))}</Paragraph>
          <Paragraph>
            <DsLink asChild>
              <Link to="/logg-inn">{t("setPassword.toSignIn")}</Link>
            </DsLink>
          </Paragraph>
        </Alert>
      ) : (
        <Card className="narrow-card">
          <form onSubmit={onSubmit} noValidate className="form">
            <FormErrorSummary key={form.attempt} errors={form.summary(labels)} />
            <Textfield
              id={form.fieldId("password")}
              label={labels.password}
              description={t("setPassword.hint", { count: MIN_LENGTH })}
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPasswordValue(e.target.value)}
              error={form.fieldErrors.password}
              required
            />
            <Textfield
              id={form.fieldId("repeat")}
              label={labels.repeat}
              type="password"
              autoComplete="new-password"
              value={repeat}
              onChange={(e) => setRepeat(e.target.value)}
              error={form.fieldErrors.repeat}
              required
            />
            <div className="button-row">
              <Button type="submit" loading={setPassword.isPending} disabled={setPassword.isPending}>
                {t("setPassword.submit")}
              </Button>
            </div>
          </form>
        </Card>
      )}
    </Page>
  );
}

function Done() {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <Alert data-color="success">
      <Heading level={2} data-size="xs" ref={ref} tabIndex={-1} className="focus-heading">
        {t("setPassword.doneHeading")}
      </Heading>
      <Paragraph>{t("setPassword.done")}</Paragraph>
      <Paragraph>
        <DsLink asChild>
          <Link to="/logg-inn">{t("setPassword.signIn")}</Link>
        </DsLink>
      </Paragraph>
    </Alert>
  );
}
