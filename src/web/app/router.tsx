import { createBrowserRouter } from "react-router";
import { LoginPage } from "../features/auth/routes/LoginPage.tsx";
import { ProgrammesAdminPage } from "../features/catalog/routes/ProgrammesAdminPage.tsx";
import { ProgrammesPage } from "../features/catalog/routes/ProgrammesPage.tsx";
import { StartPage } from "../features/dashboard/routes/StartPage.tsx";
import { HelpPage } from "../features/help/routes/HelpPage.tsx";
import { InstitutionsAdminPage } from "../features/institutions/routes/InstitutionsAdminPage.tsx";
import { InstitutionsPage } from "../features/institutions/routes/InstitutionsPage.tsx";
import { PlacementSitesPage } from "../features/placementSites/routes/PlacementSitesPage.tsx";
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
      { element: <PublicLayout />, children: [{ path: "logg-inn", element: <LoginPage /> }] },
      {
        element: <SignedInLayout />,
        children: [
          { index: true, element: <StartPage /> },
          { path: "hjelp", element: <HelpPage /> },
          { path: "institusjoner", element: <InstitutionsPage /> },
          { path: "studieprogram", element: <ProgrammesPage /> },
          { path: "admin/brukere", element: <UsersPage /> },
          { path: "admin/institusjoner", element: <InstitutionsAdminPage /> },
          { path: "admin/studieprogram", element: <ProgrammesAdminPage /> },
          { path: "admin/praksissteder", element: <PlacementSitesPage /> },
          { path: "admin/innstillinger", element: <SettingsPage /> },
          { path: "admin/foretak", element: <TrustsPage /> },
          { path: "*", element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
