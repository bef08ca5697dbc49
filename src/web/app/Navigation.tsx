import { Button } from "@digdir/designsystemet-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import type { Me } from "../../contracts/auth.ts";
import { allows } from "../../contracts/policies.ts";
import { usePendingAccountRequestCount } from "../features/accountRequests/api/listAccountRequests.ts";
import { may } from "../lib/session.ts";
import { adminGroups, administers, isAdminPath } from "./adminSections.ts";

/** `section`: the path the item is current below, when it is wider than its page (`/registrering`). */
type Item = { to: string; label: string; end?: boolean; section?: string };

/**
 * The pages a person can use, by the policies they hold at the active trust. The administration's
 * pages are one entry, "Administrasjon", with their own sub-navigation (`adminGroups`); a page (or
 * its administrator's version) listed there is not repeated in the main menu.
 */
export function navigationItems(me: Me, t: (key: string) => string): Item[] {
  const items: Item[] = [{ to: "/", label: t("nav.start"), end: true }];
  const administration = adminGroups(me, t);
  if (may(me, "overviews.read")) {
    items.push({ to: "/oversikter", label: t("nav.overviews") }, { to: "/sok", label: t("nav.search") });
  }
  if (may(me, "campaigns.read")) {
    items.push({ to: "/registrering/kampanjer", label: t("nav.registration"), section: "/registrering" });
  }
  if (may(me, "orders.read")) {
    items.push({ to: "/bestillinger", label: t("nav.orders") });
  }
  if (may(me, "readiness.read")) items.push({ to: "/klar", label: t("nav.readiness") });
  if (may(me, "orderLines.decide")) items.push({ to: "/ko", label: t("nav.itQueue") });
  if (may(me, "learningPortal.read")) items.push({ to: "/laeringsportalen", label: t("nav.learningPortal") });
  if (may(me, "deactivations.read")) items.push({ to: "/deaktivering", label: t("nav.deactivations") });
  if (may(me, "persons.merge") && !administers(administration, "/personer/duplikater")) {
    items.push({ to: "/personer/duplikater", label: t("nav.duplicates") });
  }
  // By a role at the active trust: a system administrator's flag does not add these pages.
  if (allows(me.roles, "institutions.read") && !administers(administration, "/admin/institusjoner")) {
    items.push({ to: "/institusjoner", label: t("nav.institutions") });
  }
  if (allows(me.roles, "menu.programmes") && !administers(administration, "/admin/studieprogram")) {
    items.push({ to: "/studieprogram", label: t("nav.programmes") });
  }
  if (administration.length > 0) items.push({ to: "/admin", label: t("nav.adminLabel") });
  items.push({ to: "/hjelp", label: t("nav.help") });
  return items;
}

/** Whether the page shown is the item's, or one below it (an overview below the list of overviews). */
function isCurrent(item: Item, pathname: string): boolean {
  const section = item.section ?? item.to;
  return item.end ? pathname === item.to : pathname === section || pathname.startsWith(`${section}/`);
}

/**
 * The main menu. On narrow screens it folds behind a "Meny" button (a disclosure: the button says
 * whether the menu is open), and folds again after each navigation. Admins see how many access
 * requests wait for an answer on the "Administrasjon" entry, which is the current page on every
 * administration page.
 */
export function Navigation({ me }: { me: Me }) {
  const { t } = useTranslation();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  const { data: pending = 0 } = usePendingAccountRequestCount(may(me, "accountRequests.review"));
  // biome-ignore lint/correctness/useExhaustiveDependencies: closes the menu on every change of page
  useEffect(() => setOpen(false), [location.pathname]);
  const inAdministration = isAdminPath(adminGroups(me, t), location.pathname);
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
          const isAdmin = item.to === "/admin";
          const current = isAdmin ? inAdministration : isCurrent(item, location.pathname);
          // The number of waiting requests describes the link; its name stays the page's name.
          const count = isAdmin && pending > 0 ? pending : 0;
          return (
            <li key={item.to} className={count ? "nav-item-count" : undefined}>
              <Link
                to={item.to}
                className="nav-link"
                aria-current={current ? "page" : undefined}
                aria-describedby={count ? "nav-pending-count" : undefined}
              >
                {item.label}
              </Link>
              {count ? (
                <span id="nav-pending-count" className="nav-count">
                  <span aria-hidden="true">{count}</span>
                  <span className="ds-sr-only">{t("nav.adminRequestsWaiting", { count })}</span>
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
