import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import type { Me } from "../../contracts/auth.ts";
import { hasRole } from "../lib/session.ts";

type Item = { to: string; label: string; end?: boolean };

/** The pages a person can use, by their roles at the active trust. */
export function navigationItems(me: Me, t: (key: string) => string): Item[] {
  const items: Item[] = [{ to: "/", label: t("nav.start"), end: true }];
  const isAdmin = hasRole(me, "admin");
  if (isAdmin) {
    items.push(
      { to: "/admin/brukere", label: t("nav.users") },
      { to: "/admin/institusjoner", label: t("nav.institutions") },
      { to: "/admin/studieprogram", label: t("nav.programmes") },
      { to: "/admin/praksissteder", label: t("nav.placementSites") },
      { to: "/admin/innstillinger", label: t("nav.settings") },
    );
  } else if (me.roles.length > 0) {
    items.push({ to: "/institusjoner", label: t("nav.institutions") });
    if (hasRole(me, "student_admin") || hasRole(me, "coordinator")) {
      items.push({ to: "/studieprogram", label: t("nav.programmes") });
    }
  }
  if (me.user.isSystemAdmin) items.push({ to: "/admin/foretak", label: t("nav.trusts") });
  items.push({ to: "/hjelp", label: t("nav.help") });
  return items;
}

export function Navigation({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("nav.label")} className="app-nav">
      <ul>
        {navigationItems(me, t).map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end} className="nav-link">
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
