import { Card, Link as DsLink, Paragraph } from "@digdir/designsystemet-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Dashboard } from "../../../../contracts/dashboard.ts";
import { allows } from "../../../../contracts/policies.ts";
import type { Role } from "../../../../contracts/vocabulary.ts";
import { zeroHints } from "../lib/items.ts";

/** Every count links to the page in the app that lists what it counts. */
function AppLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <DsLink asChild>
      <Link to={to}>{children}</Link>
    </DsLink>
  );
}

export function DashboardCards({ items, roles }: { items: Dashboard["items"]; roles: readonly Role[] }) {
  const { t } = useTranslation();
  return (
    <ul className="cards">
      {items.map((item) => {
        const hint = item.count === 0 ? zeroHints[item.key] : null;
        return (
          <li key={`${item.key}-${item.trust ?? ""}`}>
            <Card className="count-card" data-color={item.count === 0 ? "neutral" : "accent"}>
              <Paragraph>
                <AppLink to={item.link}>
                  {item.trust ? `${item.trust}: ` : ""}
                  {t(`dashboard.items.${item.key}`, { count: item.count })}
                </AppLink>
              </Paragraph>
              {hint ? (
                <Paragraph data-size="sm">
                  {hint.everyone || (hint.addedBy && allows(roles, hint.addedBy)) ? (
                    <AppLink to={hint.addLink}>{t(`dashboard.empty.${item.key}`)}</AppLink>
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
