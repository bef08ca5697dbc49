import { Button, Card, Link as DsLink, Heading, Paragraph } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useSearchParams } from "react-router";
import { FormErrorSummary } from "../../../components/FormErrorSummary.tsx";
import { FormTextfield } from "../../../components/FormTextfield.tsx";
import { Page } from "../../../components/Page.tsx";
import { useFormErrors } from "../../../components/useFormErrors.ts";
import { useMe } from "../../../lib/session.ts";
import { useSignInProviders } from "../api/listSignInProviders.ts";
import { useLogin } from "../api/login.ts";
import { SignInError } from "../components/SignInError.tsx";
import { SignInProviders } from "../components/SignInProviders.tsx";
import "../auth.css";

/** Only paths inside the app are followed after sign-in. */
function safeNext(value: string | null): string {
  return value?.startsWith("/") && !value.startsWith("//") ? value : "/";
}

export function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const next = safeNext(params.get("neste"));
  const failure = params.get("feil");
  const providers = useSignInProviders();
  const hasProviders = (providers.data?.length ?? 0) > 0;
  const { data: me } = useMe();
  const login = useLogin();
  const labels = { email: t("login.email"), password: t("login.password") };
  const form = useFormErrors("login", labels);
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");

  if (me) return <Navigate to={next} replace />;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!email.trim()) errors.email = t("login.emailRequired");
    if (!password) errors.password = t("login.passwordRequired");
    if (Object.keys(errors).length > 0) {
      form.fail(errors);
      return;
    }
    form.reset();
    login.mutate(
      { email: email.trim(), password },
      {
        onError: (error) => form.failFromServer(error),
      },
    );
  }

  return (
    <Page title={t("login.title")} lead={<Paragraph>{t("login.lead")}</Paragraph>}>
      <SignInError code={failure} />
      <Card className="narrow-card sign-in-card">
        <SignInProviders next={params.get("neste") ? next : null} />
        <form
          onSubmit={onSubmit}
          noValidate
          className="form"
          aria-labelledby={hasProviders ? "password-sign-in-heading" : undefined}
        >
          {hasProviders ? (
            <Heading level={2} data-size="xs" id="password-sign-in-heading">
              {t("login.passwordHeading")}
            </Heading>
          ) : null}
          <FormErrorSummary key={form.attempt} errors={form.summary(labels)} />
          <FormTextfield
            form={form}
            name="email"
            type="email"
            autoComplete="username"
            value={email}
            onValue={setEmail}
            required
          />
          <FormTextfield
            form={form}
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onValue={setPassword}
            required
          />
          <div className="button-row">
            <Button type="submit" loading={login.isPending} disabled={login.isPending}>
              {t("login.submit")}
            </Button>
          </div>
        </form>
      </Card>
      <Paragraph className="after-card">
        {t("login.noAccess")}{" "}
        <DsLink asChild>
          <Link to="/be-om-tilgang">{t("login.requestAccess")}</Link>
        </DsLink>
      </Paragraph>
    </Page>
  );
}
