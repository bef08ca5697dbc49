import type { OrderLineWorld } from "./order-builders.ts";
import type { World } from "./seed.ts";

/**
 * What the isolation matrix needs to call a route meaningfully: for each resource named by the
 * path segment after /api/, the id of one thing of the caller's own trust (Helse Bergen, UiB),
 * one of another trust (Helse Fonna) and, where coordinators reach it, one of another institution
 * (HVL); and a valid body for each route that takes one, so that a refusal is about access, not
 * about validation. A new route fails the matrix until it has its samples here.
 */
export function routeSamples(world: World, orderLines: OrderLineWorld) {
  const { institutions: i, catalog: c, users: u, trusts: t, overviews: o, clinical: cs } = world;
  const resources: Record<
    string,
    {
      own: string;
      foreign: string;
      otherInstitution?: string;
      /** For things of one person (notifications): each caller's own, used instead of `own`. */
      ownBy?: Partial<Record<keyof World["users"], string>>;
    }
  > = {
    users: { own: u.coordinatorUib.id, foreign: u.fonnaCoordinator.id },
    memberships: { own: world.memberships.coordinatorUib, foreign: world.memberships.fonnaCoordinator },
    agreements: { own: world.agreements.uib, foreign: world.agreements.fsv },
    institutions: { own: i.uib.id, foreign: i.fsv.id, otherInstitution: i.hvl.id },
    professions: { own: c.nurse.id, foreign: c.fonnaNurse.id },
    programmes: { own: c.uibMedicine.id, foreign: c.fonnaNursing.id, otherInstitution: c.hvlNursing.id },
    "placement-sites": { own: c.bergenSite.id, foreign: c.fonnaSite.id },
    persons: { own: world.students.bergen.id, foreign: world.students.fonna.id },
    "clinical-systems": { own: cs.dips.id, foreign: cs.fonnaDips.id },
    "access-profiles": { own: cs.doctorProfile.profile.id, foreign: cs.fonnaNurseProfile.profile.id },
    "identity-providers": { own: world.identityProviders.bergen.id, foreign: world.identityProviders.fonna.id },
    "account-requests": { own: world.accountRequests.bergen, foreign: world.accountRequests.fonna },
    overviews: { own: o.uib.overview.id, foreign: o.fonna.overview.id, otherInstitution: o.hvl.overview.id },
    sheets: { own: o.uib.sheet.id, foreign: o.fonna.sheet.id, otherInstitution: o.hvl.sheet.id },
    rows: { own: o.uib.row.id, foreign: o.fonna.row.id, otherInstitution: o.hvl.row.id },
    campaigns: { own: world.campaigns.uib, foreign: world.campaigns.fonna, otherInstitution: world.campaigns.hvl },
    notifications: { own: world.notifications.admin, foreign: world.notifications.fonna, ownBy: world.notifications },
    "order-lines": { own: orderLines.lines.bergen, foreign: orderLines.lines.fonna },
    registrations: {
      own: world.registrations.uib,
      foreign: world.registrations.fonna,
      otherInstitution: world.registrations.hvl,
    },
    orders: { own: orderLines.orders.bergen, foreign: orderLines.orders.fonna },
  };
  const bodies: Record<string, unknown> = {
    "POST /api/auth/trust": { trustId: t.fonna.id },
    "PATCH /api/auth/me": { language: "nb" },
    "POST /api/account-requests/:id/decline": { reason: "Matrisetest" },
    "POST /api/users": {
      name: "Matrise Testesen",
      email: "matrise@test.no",
      membership: { role: "coordinator", institutionId: i.uib.id },
    },
    "PATCH /api/users/:id": { name: "Nytt Navn" },
    "POST /api/users/:id/memberships": { role: "ehealth" },
    "POST /api/institutions": { name: "Matrisehøgskolen", shortName: "MH" },
    "PATCH /api/institutions/:id": { name: "Nytt navn", shortName: "NN" },
    "POST /api/agreements": { institutionId: i.fsv.id },
    "PATCH /api/agreements/:id": { mainContactId: null, deputyContactId: null },
    "POST /api/professions": { name: "Matriseyrke" },
    "PATCH /api/professions/:id": { name: "Nytt yrke" },
    "POST /api/programmes": { name: "Matrise", institutionId: i.uib.id, professionId: c.nurse.id },
    "PATCH /api/programmes/:id": { name: "Nytt program", institutionId: i.uib.id, professionId: c.nurse.id },
    "POST /api/placement-sites": { name: "Matrisepost" },
    "PATCH /api/placement-sites/:id": { name: "Ny post" },
    "POST /api/clinical-systems": { name: "Matrisesystem", roles: ["Student"] },
    "PATCH /api/clinical-systems/:id": { name: "Nytt system" },
    "POST /api/access-profiles": {
      professionId: c.nurse.id,
      items: [{ systemId: cs.dips.id, role: "Student sykepleie" }],
    },
    "PATCH /api/access-profiles/:id": { limits: "Matrisetest" },
    "POST /api/persons/:id/reveal-national-id": {},
    "POST /api/persons/:id/merge": { otherId: "00000000-0000-4000-8000-000000000000" },
    "PATCH /api/trust/settings": { deadlineDays: 28 },
    "POST /api/identity-providers": {
      kind: "feide",
      displayName: "Matrise-Feide",
      issuer: "https://auth.dataporten.no",
      clientId: "matrise",
      clientSecret: "hemmelig",
    },
    "PATCH /api/identity-providers/:id": { displayName: "Ny innlogging" },
    "POST /api/overviews": { programmeId: c.uibMedicine.id, cohort: 2030 },
    "POST /api/overviews/:id/sheets": {
      kind: "norwegian",
      label: "Periode",
      number: 9,
      startDate: "2027-08-16",
      endDate: "2027-09-24",
    },
    "POST /api/sheets/:id/rows": { lastName: "Matrise", firstName: "Mia" },
    "PATCH /api/rows/:id": { version: 1, lastName: "Matrise" },
    "POST /api/rows/:id/comments": { body: "Matrisekommentar" },
    "POST /api/campaigns": { institutionId: i.uib.id, deadline: "2099-08-31" },
    "PATCH /api/campaigns/:id": { name: "Matrisekampanje" },
    "POST /api/campaigns/:id/personal-links": { note: "Matrisestudent", validUntil: "2099-08-31" },
    "POST /api/registrations/:id/match": { personId: world.students.bergen.id },
    "POST /api/hr-transfer/export": { personIds: [world.students.bergen.id], format: "csv" },
    "POST /api/hr-transfer/mark": { exportId: world.campaigns.uib },
    "POST /api/orders": { sheetId: o.uib.sheet.id, rowIds: [o.uib.row.id] },
    "POST /api/orders/:id/mark-ordered": { reference: "Matrise-1" },
    "POST /api/order-lines/approve": { lineIds: [orderLines.lines.bergen] },
    "POST /api/order-lines/reject": { lineIds: [orderLines.lines.bergen], reason: "Matrisetest" },
    "POST /api/order-lines/implement": { lines: [{ id: orderLines.lines.bergen, username: "matrise" }] },
    "PATCH /api/order-lines/:id": { fouMessage: "Matrisetest" },
    "POST /api/learning-portal/batches": {},
    "POST /api/learning-portal/mark-created": { personIds: [world.students.bergen.id] },
    "POST /api/deactivations/mark": { lineIds: [orderLines.lines.bergen] },
    "POST /api/rows/:id/withdraw": { date: "2027-03-15", reason: "Matrisetest" },
    "POST /api/rows/extend": { rowIds: [o.uib.row.id], endDate: "2027-04-20" },
    "POST /api/extensions/mark": { lineIds: [orderLines.lines.bergen] },
    "POST /api/trusts": { name: "Helse Matrise", firstAdmin: { name: "Mia Matrise", email: "mia@matrise.test" } },
  };
  /** Query strings for routes that require one (appended to the path). */
  const queries: Record<string, string> = {
    "DELETE /api/rows/:id": "?version=1",
    "GET /api/search": "?q=Radesen",
    "GET /api/registrations/matching": `?campaignId=${world.campaigns.uib}`,
    "POST /api/webcruiter-import": `?campaignId=${world.campaigns.uib}`,
  };
  /** Things only Helse Fonna has: none of them may show up in a Helse Bergen answer. */
  const otherTrustMarkers = [
    i.fsv.id,
    c.fonnaNursing.id,
    c.fonnaSite.id,
    c.fonnaNurse.id,
    cs.fonnaDips.id,
    cs.fonnaNurseProfile.profile.id,
    cs.fonnaNurseProfile.version.id,
    u.fonnaAdmin.email,
    u.fonnaCoordinator.email,
    world.identityProviders.fonna.id,
    o.fonna.overview.id,
    o.fonna.sheet.id,
    o.fonna.row.id,
    world.campaigns.fonna,
    world.registrations.fonna,
    orderLines.orders.fonna,
    orderLines.lines.fonna,
    orderLines.lines.forde,
  ];
  /** Things only HVL has at Helse Bergen: none of them may show up in a UiB coordinator's answer. */
  const otherInstitutionMarkers = [
    i.hvl.id,
    c.hvlNursing.id,
    u.coordinatorHvl.email,
    o.hvl.overview.id,
    o.hvl.sheet.id,
    o.hvl.row.id,
    world.campaigns.hvl,
    world.registrations.hvl,
  ];
  /**
   * Every route open to callers without a session, and why it must be: the matrix fails for a
   * public route not listed here. `read` marks the lists an anonymous caller reads: they answer
   * 200 and hold nobody's e-mail address.
   */
  const publicRoutes: Record<string, { why: string; read?: true }> = {
    "GET /api/health": { why: "the load balancer's check", read: true },
    "POST /api/auth/login": { why: "signing in" },
    "GET /api/auth/session": {
      why: "the web app's session probe: the caller's own session, null when anonymous",
      read: true,
    },
    "POST /api/auth/set-password": { why: "an invitation's link, before there is a password" },
    "GET /api/auth/providers": { why: "the sign-in page's buttons", read: true },
    "GET /api/auth/oidc/:id/start": { why: "signing in with an identity provider" },
    "GET /api/auth/oidc/callback": { why: "the identity provider's answer" },
    "GET /api/public/campaigns/:token/idporten": { why: "a student's form starts ID-porten (a secret link)" },
    "GET /api/public/idporten/callback": { why: "ID-porten's answer to a student's form" },
    "GET /api/public/idporten/:token": { why: "what ID-porten verified, under a one-time token" },
    "GET /api/public/trusts": { why: "the account request form's choices", read: true },
    "POST /api/account-requests": { why: "asking for access" },
    "GET /api/public/accessibility-contacts": { why: "the accessibility statement", read: true },
    "GET /api/public/campaigns/:token": { why: "the student registration form's campaign (by its link's token)" },
    "POST /api/public/campaigns/:token/registrations": { why: "a student registering, without an account" },
    "POST /api/public/confirmations/:token": { why: "the link in a student's e-mail" },
    "GET /api/public/registrations/:token": { why: "a student's own page, from their personal link" },
    "PATCH /api/public/registrations/:token": { why: "a student correcting their contact details" },
    "POST /api/public/resend": { why: "a student who lost their links" },
    "GET /api/openapi.json": { why: "the API's description", read: true },
    "GET /api/docs/": { why: "the API's description, readable" },
    "GET /api/docs/json": { why: "the API's description, readable" },
    "GET /api/docs/yaml": { why: "the API's description, readable" },
    "GET /api/docs/static/*": { why: "the API's description, readable" },
    "GET /api/docs/static/index.html": { why: "the API's description, readable" },
    "GET /api/docs/static/swagger-initializer.js": { why: "the API's description, readable" },
  };
  /** Lists of the whole region by design: institutions are shared by every trust (names only). */
  const regional = ["GET /api/admin/institutions", "GET /api/trusts"];
  return { resources, bodies, queries, otherTrustMarkers, otherInstitutionMarkers, regional, publicRoutes };
}
