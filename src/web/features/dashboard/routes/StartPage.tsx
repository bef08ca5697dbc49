import { Alert, Link as DsLink, Heading, Paragraph } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { heldForInstitution } from "../../../../contracts/policies.ts";
import { Page } from "../../../components/Page.tsx";
import { LoadError, Loading } from "../../../components/QueryState.tsx";
import { may, useSession } from "../../../lib/session.ts";
import { useDashboard } from "../api/getDashboard.ts";
import { DashboardCards } from "../components/DashboardCards.tsx";
import { NextSteps } from "../components/NextSteps.tsx";

export function StartPage() {
  const { t } = useTranslation();
  const me = useSession();
  const hasAccess = Boolean(me.activeTrust) && may(me, "dashboard.read");
  const dashboard = useDashboard(hasAccess);
  // A coordinator is one for an institution: say which.
  const coordinatorOf = me.memberships
    .filter((m) => heldForInstitution(m.role) && m.trustId === me.activeTrust?.id && m.institutionName)
    .map((m) => m.institutionName)
    .join(", ");
  const roleNames = me.roles
    .map((r) =>
      heldForInstitution(r) && coordinatorOf
        ? t("start.coordinatorFor", { institutions: coordinatorOf })
        : t(`roles.${r}`),
    )
    .join(", ");

  return (
    <Page
      title={t("start.title")}
      lead={
        <div className="section">
          <Paragraph data-size="lg">{t("start.greeting", { name: me.user.name })}</Paragraph>
          {hasAccess && me.activeTrust ? (
            <Paragraph>{t("start.yourRoles", { roles: roleNames, trust: me.activeTrust.name })}</Paragraph>
          ) : null}
        </div>
      }
    >
      {!hasAccess ? (
        <Alert data-color="info">
          <Heading level={2} data-size="xs">
            {t("start.noAccessTitle")}
          </Heading>
          <Paragraph>{me.user.isSystemAdmin ? t("start.noAccessSystemAdmin") : t("start.noAccessBody")}</Paragraph>
        </Alert>
      ) : (
        <section className="section" aria-labelledby="start-overview">
          <Heading level={2} data-size="sm" id="start-overview">
            {t("start.overviewHeading")}
          </Heading>
          {dashboard.isPending ? (
            <Loading />
          ) : dashboard.error ? (
            <LoadError error={dashboard.error} onRetry={() => void dashboard.refetch()} />
          ) : dashboard.data.items.length === 0 ? (
            <Paragraph>{t("start.overviewEmpty")}</Paragraph>
          ) : (
            <DashboardCards items={dashboard.data.items} roles={me.roles} />
          )}
        </section>
      )}
      <section className="section" aria-labelledby="start-next">
        <Heading level={2} data-size="sm" id="start-next">
          {t("start.nextHeading")}
        </Heading>
        <NextSteps me={me} />
        <Paragraph>
          {t("start.helpHint")}{" "}
          <DsLink asChild>
            <Link to="/hjelp">{t("start.helpLink")}</Link>
          </DsLink>
        </Paragraph>
      </section>
    </Page>
  );
}
