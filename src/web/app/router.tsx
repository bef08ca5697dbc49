import type { ComponentType } from "react";
import { createBrowserRouter } from "react-router";
import { Loading } from "../components/QueryState.tsx";
import { LoginPage } from "../features/auth/routes/LoginPage.tsx";
import { PublicLayout, Root } from "./Layout.tsx";

/**
 * A page or layout loaded when it is first visited, so the first load carries only the shell and
 * the sign-in page (the signed-in layout and the start page come with the first signed-in page).
 * The router keeps the current page on screen until the next one is in.
 */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return { lazy: async () => ({ Component: (await load())[name] }) };
}

/** Norwegian paths, as people see and share them. */
export const router = createBrowserRouter([
  {
    element: <Root />,
    hydrateFallbackElement: <Loading />,
    children: [
      {
        element: <PublicLayout />,
        children: [
          { path: "logg-inn", element: <LoginPage /> },
          {
            path: "be-om-tilgang",
            ...page(() => import("../features/accountRequests/routes/RequestAccessPage.tsx"), "RequestAccessPage"),
          },
          {
            path: "sett-passord",
            ...page(() => import("../features/accountRequests/routes/SetPasswordPage.tsx"), "SetPasswordPage"),
          },
        ],
      },
      {
        // The students' registration pages: no account, their own light layout.
        ...page(() => import("../features/publicRegistration/components/StudentLayout.tsx"), "StudentLayout"),
        children: [
          {
            path: "registrer/bekreft/:token",
            ...page(() => import("../features/publicRegistration/routes/ConfirmPage.tsx"), "ConfirmPage"),
          },
          {
            path: "registrer/min/:token",
            ...page(() => import("../features/publicRegistration/routes/PersonalPage.tsx"), "PersonalPage"),
          },
          {
            path: "registrer/:token",
            ...page(() => import("../features/publicRegistration/routes/RegisterPage.tsx"), "RegisterPage"),
          },
        ],
      },
      {
        // Pages for everyone, with or without a session.
        ...page(() => import("./SignedInLayout.tsx"), "OpenLayout"),
        children: [
          {
            path: "tilgjengelighet",
            ...page(
              () => import("../features/accessibility/routes/AccessibilityStatementPage.tsx"),
              "AccessibilityStatementPage",
            ),
          },
        ],
      },
      {
        ...page(() => import("./SignedInLayout.tsx"), "SignedInLayout"),
        children: [
          { index: true, ...page(() => import("../features/dashboard/routes/StartPage.tsx"), "StartPage") },
          { path: "hjelp", ...page(() => import("../features/help/routes/HelpPage.tsx"), "HelpPage") },
          {
            path: "institusjoner",
            ...page(() => import("../features/institutions/routes/InstitutionsPage.tsx"), "InstitutionsPage"),
          },
          {
            path: "oversikter",
            ...page(() => import("../features/overviews/routes/OverviewsPage.tsx"), "OverviewsPage"),
          },
          {
            path: "oversikter/:id",
            ...page(() => import("../features/overviews/routes/OverviewPage.tsx"), "OverviewPage"),
          },
          {
            path: "registrering/kampanjer",
            ...page(() => import("../features/registrations/routes/CampaignsPage.tsx"), "CampaignsPage"),
          },
          {
            path: "registrering/kampanjer/:id",
            ...page(() => import("../features/registrations/routes/CampaignPage.tsx"), "CampaignPage"),
          },
          {
            path: "registrering/kampanjer/:id/matching",
            ...page(() => import("../features/registrations/routes/MatchingPage.tsx"), "MatchingPage"),
          },
          {
            path: "registrering/overfoering",
            ...page(() => import("../features/registrations/routes/HrTransferPage.tsx"), "HrTransferPage"),
          },
          {
            path: "bestillinger",
            ...page(() => import("../features/orders/routes/OrdersPage.tsx"), "OrdersPage"),
          },
          {
            path: "bestillinger/ny",
            ...page(() => import("../features/orders/routes/NewOrderPage.tsx"), "NewOrderPage"),
          },
          {
            path: "bestillinger/:id",
            ...page(() => import("../features/orders/routes/OrderPage.tsx"), "OrderPage"),
          },
          { path: "sok", ...page(() => import("../features/search/routes/SearchPage.tsx"), "SearchPage") },
          { path: "klar", ...page(() => import("../features/readiness/routes/ReadinessPage.tsx"), "ReadinessPage") },
          { path: "ko", ...page(() => import("../features/itQueue/routes/ItQueuePage.tsx"), "ItQueuePage") },
          {
            path: "laeringsportalen",
            ...page(() => import("../features/learningPortal/routes/LearningPortalPage.tsx"), "LearningPortalPage"),
          },
          {
            path: "deaktivering",
            ...page(() => import("../features/deactivations/routes/DeactivationsPage.tsx"), "DeactivationsPage"),
          },
          {
            path: "studieprogram",
            ...page(() => import("../features/catalog/routes/ProgrammesPage.tsx"), "ProgrammesPage"),
          },
          {
            path: "varsler",
            ...page(() => import("../features/notifications/routes/NotificationsPage.tsx"), "NotificationsPage"),
          },
          { path: "min-profil", ...page(() => import("../features/profile/routes/ProfilePage.tsx"), "ProfilePage") },
          {
            path: "admin",
            ...page(() => import("./AdminHomePage.tsx"), "AdminHomePage"),
          },
          {
            // The administration's pages share its sub-navigation.
            ...page(() => import("./AdminLayout.tsx"), "AdminLayout"),
            children: [
              {
                path: "personer/duplikater",
                ...page(() => import("../features/persons/routes/DuplicatesPage.tsx"), "DuplicatesPage"),
              },
              { path: "admin/brukere", ...page(() => import("../features/users/routes/UsersPage.tsx"), "UsersPage") },
              {
                path: "admin/tilgangsforesporsler",
                ...page(
                  () => import("../features/accountRequests/routes/AccountRequestsPage.tsx"),
                  "AccountRequestsPage",
                ),
              },
              {
                path: "admin/innlogging",
                ...page(
                  () => import("../features/identityProviders/routes/IdentityProvidersPage.tsx"),
                  "IdentityProvidersPage",
                ),
              },
              {
                path: "admin/institusjoner",
                ...page(
                  () => import("../features/institutions/routes/InstitutionsAdminPage.tsx"),
                  "InstitutionsAdminPage",
                ),
              },
              {
                path: "admin/praksissteder",
                ...page(() => import("../features/placementSites/routes/PlacementSitesPage.tsx"), "PlacementSitesPage"),
              },
              {
                path: "admin/innstillinger",
                ...page(() => import("../features/settings/routes/SettingsPage.tsx"), "SettingsPage"),
              },
              {
                path: "admin/studieprogram",
                ...page(() => import("../features/catalog/routes/ProgrammesAdminPage.tsx"), "ProgrammesAdminPage"),
              },
              {
                path: "admin/fagsystemer",
                ...page(
                  () => import("../features/clinicalSystems/routes/ClinicalSystemsPage.tsx"),
                  "ClinicalSystemsPage",
                ),
              },
              {
                path: "admin/tilgangsprofiler",
                ...page(
                  () => import("../features/clinicalSystems/routes/AccessProfilesPage.tsx"),
                  "AccessProfilesPage",
                ),
              },
              {
                path: "admin/tilgangsprofiler/:id",
                ...page(() => import("../features/clinicalSystems/routes/AccessProfilePage.tsx"), "AccessProfilePage"),
              },
              {
                path: "admin/logg",
                ...page(() => import("../features/audit/routes/AuditLogPage.tsx"), "AuditLogPage"),
              },
              {
                path: "admin/e-post",
                ...page(() => import("../features/devMailbox/routes/DevMailboxPage.tsx"), "DevMailboxPage"),
              },
              {
                path: "admin/foretak",
                ...page(() => import("../features/trusts/routes/TrustsPage.tsx"), "TrustsPage"),
              },
            ],
          },
          { path: "*", ...page(() => import("./NotFoundPage.tsx"), "NotFoundPage") },
        ],
      },
    ],
  },
]);
