import { Card, Link as DsLink, Paragraph } from "@digdir/designsystemet-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Dashboard } from "../../../../contracts/dashboard.ts";

/** Keys with their own text; other keys are shown as they come. */
const knownKeys = new Set([
  "users",
  "agreements",
  "institutions",
  "programmes",
  "professions",
  "placementSites",
  "contactFor",
]);

/** Where to go to add the first one, for the counts that are zero. */
const addLinks: Record<string, string> = {
  users: "/admin/brukere",
  agreements: "/admin/institusjoner",
  institutions: "/admin/institusjoner",
  programmes: "/admin/studieprogram",
  professions: "/admin/studieprogram",
  placementSites: "/admin/praksissteder",
};

function AppLink({ to, children }: { to: string; children: ReactNode }) {
  if (to.startsWith("/") && !to.startsWith("//")) {
    return (
      <DsLink asChild>
        <Link to={to}>{children}</Link>
      </DsLink>
    );
  }
  return <DsLink href={to}>{children}</DsLink>;
}

export function DashboardCards({ items, isAdmin }: { items: Dashboard["items"]; isAdmin: boolean }) {
  const { t } = useTranslation();
  return (
    <ul className="cards">
      {items.map((item) => {
        const known = knownKeys.has(item.key);
        const label = known ? t(`dashboard.items.${item.key}`, { count: item.count }) : `${item.count} ${item.key}`;
        const addLink = isAdmin ? addLinks[item.key] : undefined;
        return (
          <li key={item.key}>
            <Card className="count-card" data-color={item.count === 0 ? "neutral" : "accent"}>
              <Paragraph>
                <AppLink to={item.link}>{label}</AppLink>
              </Paragraph>
              {item.count === 0 && known ? (
                <Paragraph data-size="sm">
                  {addLink ? (
                    <AppLink to={addLink}>{t(`dashboard.empty.${item.key}`)}</AppLink>
                  ) : (
                    t(`dashboard.emptyReadOnly.${item.key}`)
                  )}
                </Paragraph>
              ) : null}
            </Card>
          </li>
        );
      })}
    </ul>
  );
}
