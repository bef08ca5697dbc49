import type { Me } from "../../contracts/auth.ts";
import { hasRole } from "../lib/session.ts";

export const ACCOUNT_REQUESTS = "/admin/tilgangsforesporsler";

export type AdminItem = { to: string; label: string; description: string };
export type AdminGroup = { id: "people" | "organisation" | "catalog" | "system"; label: string; items: AdminItem[] };

/**
 * The administration pages a person may open, in groups: what the main menu's "Administrasjon"
 * entry leads to, the sub-navigation of each of those pages and the landing page `/admin`. Each
 * item is named as its page's heading. Empty for people who administer nothing.
 */
export function adminGroups(me: Me, t: (key: string) => string): AdminGroup[] {
  const isAdmin = hasRole(me, "admin");
  const item = (to: string, label: string, description: string): AdminItem => ({
    to,
    label: t(label),
    description: t(`admin.descriptions.${description}`),
  });
  const groups: AdminGroup[] = [];
  if (isAdmin) {
    groups.push(
      {
        id: "people",
        label: t("admin.groups.people"),
        items: [
          item("/admin/brukere", "users.title", "users"),
          item(ACCOUNT_REQUESTS, "accountRequests.admin.title", "accountRequests"),
          item("/personer/duplikater", "duplicates.title", "duplicates"),
          item("/admin/innlogging", "identityProviders.title", "identityProviders"),
        ],
      },
      {
        id: "organisation",
        label: t("admin.groups.organisation"),
        items: [
          item("/admin/institusjoner", "institutions.adminTitle", "institutions"),
          item("/admin/praksissteder", "placementSites.title", "placementSites"),
          item("/admin/innstillinger", "settings.title", "settings"),
        ],
      },
      {
        id: "catalog",
        label: t("admin.groups.catalog"),
        items: [item("/admin/studieprogram", "programmes.adminTitle", "programmes")],
      },
    );
  }
  const system: AdminItem[] = [];
  if (isAdmin) system.push(item("/admin/logg", "audit.title", "auditLog"));
  if (isAdmin || me.user.isSystemAdmin) system.push(item("/admin/e-post", "devMailbox.title", "devMailbox"));
  if (me.user.isSystemAdmin) system.push(item("/admin/foretak", "trusts.title", "trusts"));
  if (system.length > 0) groups.push({ id: "system", label: t("admin.groups.system"), items: system });
  return groups;
}

/** Whether a path is one of the administration's pages (the landing page included). */
export function isAdminPath(groups: AdminGroup[], pathname: string): boolean {
  if (groups.length === 0) return false;
  const within = (to: string) => pathname === to || pathname.startsWith(`${to}/`);
  return within("/admin") || groups.some((g) => g.items.some((i) => within(i.to)));
}
