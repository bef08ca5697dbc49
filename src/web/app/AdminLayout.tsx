import { Button } from "@digdir/designsystemet-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { NavLink, Outlet, useLocation } from "react-router";
import { usePendingAccountRequestCount } from "../features/accountRequests/api/listAccountRequests.ts";
import { may, useSession } from "../lib/session.ts";
import { ACCOUNT_REQUESTS, type AdminGroup, adminGroups } from "./adminSections.ts";
import "./admin.css";

/**
 * The administration's pages: their sub-navigation beside the page (above it on narrow screens,
 * folded behind a button), for people who administer something. Others (FOU on the duplicates
 * page, or someone who opened an admin address directly) get the page alone.
 */
export function AdminLayout() {
  const { t } = useTranslation();
  const me = useSession();
  const groups = adminGroups(me, t);
  const { data: pending = 0 } = usePendingAccountRequestCount(may(me, "accountRequests.review"));
  if (groups.length === 0) return <Outlet />;
  return (
    <div className="admin-layout">
      <AdminNavigation groups={groups} pending={pending} />
      <div className="admin-content">
        <Outlet />
      </div>
    </div>
  );
}

function AdminNavigation({ groups, pending }: { groups: AdminGroup[]; pending: number }) {
  const { t } = useTranslation();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: folds the list on every change of page
  useEffect(() => setOpen(false), [location.pathname]);
  return (
    <nav aria-label={t("nav.adminLabel")} className={open ? "admin-nav open" : "admin-nav"}>
      <Button
        variant="secondary"
        data-size="sm"
        className="admin-nav-toggle"
        aria-expanded={open}
        aria-controls="admin-nav-list"
        onClick={() => setOpen((o) => !o)}
      >
        {t("admin.navToggle")}
      </Button>
      <ul id="admin-nav-list" className="admin-nav-groups">
        {groups.map((group) => (
          <li key={group.id}>
            <span id={`admin-nav-${group.id}`} className="admin-nav-group">
              {group.label}
            </span>
            <ul aria-labelledby={`admin-nav-${group.id}`}>
              {group.items.map((item) => {
                const count = item.to === ACCOUNT_REQUESTS && pending > 0 ? pending : 0;
                return (
                  <li key={item.to}>
                    <NavLink
                      to={item.to}
                      className="admin-nav-link"
                      aria-describedby={count ? "admin-nav-pending-count" : undefined}
                    >
                      {item.label}
                    </NavLink>
                    {count ? (
                      <span id="admin-nav-pending-count" className="nav-count">
                        <span aria-hidden="true">{count}</span>
                        <span className="ds-sr-only">{t("nav.accountRequestsWaiting", { count })}</span>
                      </span>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ul>
    </nav>
  );
}
