import type { Me } from "../../contracts/auth.ts";
import type { PolicyName } from "../../contracts/policies.ts";
import { may } from "../lib/session.ts";

export const ACCOUNT_REQUESTS = "/admin/tilgangsforesporsler";

export type AdminItem = { to: string; label: string; description: string };
export type AdminGroup = {
  id: "people" | "organisation" | "catalog" | "access" | "system";
  label: string;
  items: AdminItem[];
};

/**
 * The administration pages a person may open, in groups: what the main menu's "Administrasjon"
 * entry leads to, the sub-navigation of each of those pages and the landing page `/admin`. Each
 * item is named as its page's heading. Empty for people who administer nothing.
 */
export function adminGroups(me: Me, t: (key: string) => string): AdminGroup[] {
  /** The page, for those who hold every one of `needs`. */
  const item = (needs: PolicyName[], to: string, label: string, description: string): AdminItem[] =>
    needs.every((policy) => may(me, policy))
      ? [{ to, label: t(label), description: t(`admin.descriptions.${description}`) }]
      : [];
  const groups: AdminGroup[] = [
    {
      id: "people",
      label: t("admin.groups.people"),
      items: [
        ...item(["users.manage"], "/admin/brukere", "users.title", "users"),
        ...item(["accountRequests.review"], ACCOUNT_REQUESTS, "accountRequests.admin.title", "accountRequests"),
        // Listed with the people pages for those who keep the users; FOU finds it in the main menu.
        ...item(["persons.merge", "users.manage"], "/personer/duplikater", "duplicates.title", "duplicates"),
        ...item(["identityProviders.manage"], "/admin/innlogging", "identityProviders.title", "identityProviders"),
      ],
    },
    {
      id: "organisation",
      label: t("admin.groups.organisation"),
      items: [
        ...item(["agreements.manage"], "/admin/institusjoner", "institutions.adminTitle", "institutions"),
        ...item(["catalog.manage"], "/admin/praksissteder", "placementSites.title", "placementSites"),
        ...item(["trust.settings"], "/admin/innstillinger", "settings.title", "settings"),
      ],
    },
    {
      id: "catalog",
      label: t("admin.groups.catalog"),
      items: item(["catalog.manage"], "/admin/studieprogram", "programmes.adminTitle", "programmes"),
    },
    {
      id: "access",
      label: t("admin.groups.access"),
      items: [
        ...item(["clinicalSystems.manage"], "/admin/fagsystemer", "clinicalSystems.title", "clinicalSystems"),
        ...item(["accessProfiles.manage"], "/admin/tilgangsprofiler", "accessProfiles.title", "accessProfiles"),
      ],
    },
    {
      id: "system",
      label: t("admin.groups.system"),
      items: [
        ...item(["audit.read"], "/admin/logg", "audit.title", "auditLog"),
        ...item(["devMailbox.read"], "/admin/e-post", "devMailbox.title", "devMailbox"),
        ...item(["trusts.manage"], "/admin/foretak", "trusts.title", "trusts"),
      ],
    },
  ];
  return groups.filter((g) => g.items.length > 0);
}

/** Whether the administration lists the page `to` (then the main menu does not). */
export const administers = (groups: AdminGroup[], to: string) => groups.some((g) => g.items.some((i) => i.to === to));

/** Whether a path is one of the administration's pages (the landing page included). */
export function isAdminPath(groups: AdminGroup[], pathname: string): boolean {
  if (groups.length === 0) return false;
  const within = (to: string) => pathname === to || pathname.startsWith(`${to}/`);
  return within("/admin") || groups.some((g) => g.items.some((i) => within(i.to)));
}
