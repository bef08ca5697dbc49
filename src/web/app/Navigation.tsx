import { Button } from "@digdir/designsystemet-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { NavLink, useLocation } from "react-router";
import type { Me } from "../../contracts/auth.ts";
import { usePendingAccountRequestCount } from "../features/accountRequests/api/listAccountRequests.ts";
import { hasRole } from "../lib/session.ts";

type Item = { to: string; label: string; end?: boolean };

/** The pages a person can use, by their roles at the active trust. */
export function navigationItems(me: Me, t: (key: string) => string): Item[] {
  const items: Item[] = [{ to: "/", label: t("nav.start"), end: true }];
  const isAdmin = hasRole(me, "admin");
  if (isAdmin || hasRole(me, "student_admin") || hasRole(me, "coordinator")) {
    items.push({ to: "/oversikter", label: t("nav.overviews") }, { to: "/sok", label: t("nav.search") });
  }
  if (isAdmin || hasRole(me, "student_admin")) items.push({ to: "/personer/duplikater", label: t("nav.duplicates") });
  if (isAdmin) {
    items.push(
      { to: "/admin/brukere", label: t("nav.users") },
      { to: "/admin/institusjoner", label: t("nav.institutions") },
      { to: "/admin/studieprogram", label: t("nav.programmes") },
      { to: "/admin/praksissteder", label: t("nav.placementSites") },
      { to: "/admin/innstillinger", label: t("nav.settings") },
      { to: "/admin/tilgangsforesporsler", label: t("nav.accountRequests") },
      { to: "/admin/innlogging", label: t("nav.identityProviders") },
      { to: "/admin/logg", label: t("nav.auditLog") },
      { to: "/admin/e-post", label: t("nav.devMailbox") },
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

const ACCOUNT_REQUESTS = "/admin/tilgangsforesporsler";

/**
 * The main menu. On narrow screens it folds behind a "Meny" button (a disclosure: the button says
 * whether the menu is open), and folds again after each navigation. Admins see how many access
 * requests wait for an answer.
 */
export function Navigation({ me }: { me: Me }) {
  const { t } = useTranslation();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  const { data: pending = 0 } = usePendingAccountRequestCount(hasRole(me, "admin"));
  // biome-ignore lint/correctness/useExhaustiveDependencies: closes the menu on every change of page
  useEffect(() => setOpen(false), [location.pathname]);
  return (
    <nav aria-label={t("nav.label")} className={open ? "app-nav open" : "app-nav"}>
      <Button
        variant="secondary"
        data-size="sm"
        className="nav-toggle"
        aria-expanded={open}
        aria-controls="app-nav-list"
        onClick={() => setOpen((o) => !o)}
      >
        <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="20" height="20">
          <path fill="currentColor" d="M3 6h18v2H3V6Zm0 5h18v2H3v-2Zm0 5h18v2H3v-2Z" />
        </svg>
        {t("nav.menu")}
      </Button>
      <ul id="app-nav-list">
        {navigationItems(me, t).map((item) => {
          // The number of waiting requests describes the link; its name stays the page's name.
          const count = item.to === ACCOUNT_REQUESTS && pending > 0 ? pending : 0;
          return (
            <li key={item.to} className={count ? "nav-item-count" : undefined}>
              <NavLink
                to={item.to}
                end={item.end}
                className="nav-link"
                aria-describedby={count ? "nav-pending-count" : undefined}
              >
                {item.label}
              </NavLink>
              {count ? (
                <span id="nav-pending-count" className="nav-count">
                  <span aria-hidden="true">{count}</span>
                  <span className="ds-sr-only">{t("nav.accountRequestsWaiting", { count })}</span>
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
