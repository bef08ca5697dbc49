import { Alert, Link as DsLink, Heading, Paragraph } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type OidcFailureCode, oidcFailureCodes } from "../../../../contracts/vocabulary.ts";

function isFailureCode(value: string | null): value is OidcFailureCode {
  return (oidcFailureCodes as readonly string[]).includes(value ?? "");
}

/** Why a sign-in through an identity provider did not succeed (`/logg-inn?feil=<code>`), and what to do. */
export function SignInError({ code }: { code: string | null }) {
  const { t } = useTranslation();
  if (!code) return null;
  const known: OidcFailureCode = isFailureCode(code) ? code : "oidc.failed";
  const key = known.replace(".", "_");
  return (
    <Alert data-color={known === "oidc.cancelled" ? "info" : "warning"} role="alert">
      <Heading level={2} data-size="xs">
        {t(`login.oidcErrors.${key}_title`)}
      </Heading>
      <Paragraph>{t(`login.oidcErrors.${key}`)}</Paragraph>
      {known === "oidc.unknown_user" ? (
        <Paragraph>
          <DsLink asChild>
            <Link to="/be-om-tilgang">{t("login.requestAccessLink")}</Link>
          </DsLink>
        </Paragraph>
      ) : null}
    </Alert>
  );
}
