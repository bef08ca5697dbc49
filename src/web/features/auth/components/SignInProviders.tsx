import { Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import type { SignInProvider } from "../../../../contracts/identity-providers.ts";
import { useSignInProviders } from "../api/listSignInProviders.ts";

/** The address that starts a sign-in through a provider (a full navigation, not a fetch). */
function startUrl(provider: SignInProvider, next: string | null): string {
  const base = `/api/auth/oidc/${encodeURIComponent(provider.id)}/start`;
  return next ? `${base}?${new URLSearchParams({ returnTo: next }).toString()}` : base;
}

/**
 * Buttons (plain links) for signing in through Entra ID or Feide; grouped by trust when providers of
 * several trusts are offered. Shows nothing while loading or when there are none.
 */
export function SignInProviders({ next }: { next: string | null }) {
  const { t } = useTranslation();
  const { data: providers = [] } = useSignInProviders();
  if (providers.length === 0) return null;

  const groups = new Map<string, SignInProvider[]>();
  for (const p of providers) groups.set(p.trustName, [...(groups.get(p.trustName) ?? []), p]);
  const grouped = groups.size > 1;

  return (
    <section className="sign-in-providers" aria-labelledby="sign-in-providers-heading">
      <Heading level={2} data-size="xs" id="sign-in-providers-heading">
        {t("login.providersHeading")}
      </Heading>
      <Paragraph data-size="sm">{t("login.providersLead")}</Paragraph>
      {[...groups].map(([trustName, list]) => (
        <div key={trustName} className="provider-group">
          {grouped ? (
            <Heading level={3} data-size="2xs">
              {trustName}
            </Heading>
          ) : null}
          <ul className="provider-list">
            {list.map((p) => (
              <li key={p.id}>
                <Button asChild variant="secondary" className="provider-button">
                  <a href={startUrl(p, next)}>{t("login.providerButton", { name: p.displayName })}</a>
                </Button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
