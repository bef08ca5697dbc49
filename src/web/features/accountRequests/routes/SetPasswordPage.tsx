import { Alert, Button, Card, Link as DsLink, Heading, Paragraph } from "@digdir/designsystemet-react";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { FormErrorSummary } from "../../../components/FormErrorSummary.tsx";
import { FormTextfield } from "../../../components/FormTextfield.tsx";
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
  const labels = { password: t("setPassword.password"), repeat: t("setPassword.repeat") };
  const form = useFormErrors("set-password", labels);
  const [password, setPasswordValue] = useState("");
  const [repeat, setRepeat] = useState("");
  const [linkInvalid, setLinkInvalid] = useState(token.length < 20);

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
            <FormTextfield
              form={form}
              name="password"
              description={t("setPassword.hint", { count: MIN_LENGTH })}
              type="password"
              autoComplete="new-password"
              value={password}
              onValue={setPasswordValue}
              required
            />
            <FormTextfield
              form={form}
              name="repeat"
              type="password"
              autoComplete="new-password"
              value={repeat}
              onValue={setRepeat}
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
