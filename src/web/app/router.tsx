import { createBrowserRouter } from "react-router";
import { AccountRequestsPage } from "../features/accountRequests/routes/AccountRequestsPage.tsx";
import { RequestAccessPage } from "../features/accountRequests/routes/RequestAccessPage.tsx";
import { SetPasswordPage } from "../features/accountRequests/routes/SetPasswordPage.tsx";
import { AuditLogPage } from "../features/audit/routes/AuditLogPage.tsx";
import { LoginPage } from "../features/auth/routes/LoginPage.tsx";
import { ProgrammesAdminPage } from "../features/catalog/routes/ProgrammesAdminPage.tsx";
import { ProgrammesPage } from "../features/catalog/routes/ProgrammesPage.tsx";
import { StartPage } from "../features/dashboard/routes/StartPage.tsx";
import { DevMailboxPage } from "../features/devMailbox/routes/DevMailboxPage.tsx";
import { HelpPage } from "../features/help/routes/HelpPage.tsx";
import { IdentityProvidersPage } from "../features/identityProviders/routes/IdentityProvidersPage.tsx";
import { InstitutionsAdminPage } from "../features/institutions/routes/InstitutionsAdminPage.tsx";
import { InstitutionsPage } from "../features/institutions/routes/InstitutionsPage.tsx";
import { NotificationsPage } from "../features/notifications/routes/NotificationsPage.tsx";
import { OverviewPage } from "../features/overviews/routes/OverviewPage.tsx";
import { OverviewsPage } from "../features/overviews/routes/OverviewsPage.tsx";
import { PlacementSitesPage } from "../features/placementSites/routes/PlacementSitesPage.tsx";
import { ProfilePage } from "../features/profile/routes/ProfilePage.tsx";
import { SearchPage } from "../features/search/routes/SearchPage.tsx";
import { SettingsPage } from "../features/settings/routes/SettingsPage.tsx";
import { TrustsPage } from "../features/trusts/routes/TrustsPage.tsx";
import { UsersPage } from "../features/users/routes/UsersPage.tsx";
import { PublicLayout, Root, SignedInLayout } from "./Layout.tsx";
import { NotFoundPage } from "./NotFoundPage.tsx";

/** Norwegian paths, as people see and share them. */
export const router = createBrowserRouter([
  {
    element: <Root />,
    children: [
      {
        element: <PublicLayout />,
        children: [
          { path: "logg-inn", element: <LoginPage /> },
          { path: "be-om-tilgang", element: <RequestAccessPage /> },
          { path: "sett-passord", element: <SetPasswordPage /> },
        ],
      },
      {
        element: <SignedInLayout />,
        children: [
          { index: true, element: <StartPage /> },
          { path: "hjelp", element: <HelpPage /> },
          { path: "institusjoner", element: <InstitutionsPage /> },
          { path: "oversikter", element: <OverviewsPage /> },
          { path: "oversikter/:id", element: <OverviewPage /> },
          { path: "sok", element: <SearchPage /> },
          { path: "studieprogram", element: <ProgrammesPage /> },
          { path: "admin/brukere", element: <UsersPage /> },
          { path: "admin/institusjoner", element: <InstitutionsAdminPage /> },
          { path: "admin/studieprogram", element: <ProgrammesAdminPage /> },
          { path: "admin/praksissteder", element: <PlacementSitesPage /> },
          { path: "admin/innstillinger", element: <SettingsPage /> },
          { path: "admin/foretak", element: <TrustsPage /> },
          { path: "varsler", element: <NotificationsPage /> },
          { path: "min-profil", element: <ProfilePage /> },
          { path: "admin/logg", element: <AuditLogPage /> },
          { path: "admin/e-post", element: <DevMailboxPage /> },
          { path: "admin/tilgangsforesporsler", element: <AccountRequestsPage /> },
          { path: "admin/innlogging", element: <IdentityProvidersPage /> },
          { path: "*", element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
