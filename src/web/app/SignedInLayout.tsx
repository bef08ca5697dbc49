import { Tag } from "@digdir/designsystemet-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, NavLink, Outlet, useLocation } from "react-router";
import type { Me } from "../../contracts/auth.ts";
import { LoadError, Loading } from "../components/QueryState.tsx";
import { LanguageChooser } from "../features/auth/components/LanguageChooser.tsx";
import { SignOutButton } from "../features/auth/components/SignOutButton.tsx";
import { TrustSwitcher } from "../features/auth/components/TrustSwitcher.tsx";
import { NotificationBell } from "../features/notifications/components/NotificationBell.tsx";
import { trustsOf, useMe } from "../lib/session.ts";
import { PublicLayout, Shell } from "./Layout.tsx";
import { Navigation } from "./Navigation.tsx";

/*
 * The signed-in pages' layouts, apart from the sign-in page's (Layout.tsx): the router loads this
 * file with the first signed-in page, so the sign-in page's first load does not carry the header's
 * tools, the navigation and the start page.
 */

/** Pages that need a session: header with trust, language, name and sign-out; navigation by role. */
export function SignedInLayout() {
  const location = useLocation();
  const { data: me, isPending, error, refetch } = useMe();

  if (isPending) {
    return (
      <Shell tools={null}>
        <Loading />
      </Shell>
    );
  }
  if (error) {
    return (
      <Shell tools={<LanguageChooser signedIn={false} />}>
        <LoadError error={error} onRetry={() => void refetch()} />
      </Shell>
    );
  }
  if (!me) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === "/" ? "/logg-inn" : `/logg-inn?neste=${encodeURIComponent(next)}`} replace />;
  }

  return (
    <SignedInShell me={me}>
      <Outlet />
    </SignedInShell>
  );
}

/**
 * Pages for everyone (the accessibility statement): with a session, the header and menu of the
 * signed-in pages; without one (or while the server cannot say), the public header.
 */
export function OpenLayout() {
  const { data: me, isPending } = useMe();
  if (isPending) {
    return (
      <Shell tools={null}>
        <Loading />
      </Shell>
    );
  }
  if (me) {
    return (
      <SignedInShell me={me}>
        <Outlet />
      </SignedInShell>
    );
  }
  return <PublicLayout />;
}

/** The header with trust, language, notifications, name and sign-out; navigation by role. */
function SignedInShell({ me, children }: { me: Me; children: ReactNode }) {
  const { t } = useTranslation();
  const canSwitch = trustsOf(me).length > 1;
  return (
    <Shell
      nav={<Navigation me={me} />}
      tools={
        <>
          {/* With several trusts, the switcher names the active one; the name is not repeated. */}
          {me.activeTrust && (!canSwitch || me.activeTrust.testMode) ? (
            <span className="trust-name">
              {canSwitch ? null : (
                <>
                  <span className="ds-sr-only">{t("header.activeTrust")}: </span>
                  {me.activeTrust.name}
                </>
              )}
              {me.activeTrust.testMode ? (
                <Tag data-color="warning" data-size="sm" className="test-tag">
                  {t("header.testMode")}
                </Tag>
              ) : null}
            </span>
          ) : null}
          <TrustSwitcher me={me} />
          <LanguageChooser signedIn />
          <NotificationBell />
          <NavLink to="/min-profil" className="header-link user-name">
            <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="20" height="20">
              <path
                fill="currentColor"
                d="M12 2a5 5 0 1 1 0 10 5 5 0 0 1 0-10Zm0 2a3 3 0 1 0 0 6 3 3 0 0 0 0-6Zm0 10c4.42 0 8 2.24 8 5v3H4v-3c0-2.76 3.58-5 8-5Zm0 2c-3.31 0-6 1.57-6 3v1h12v-1c0-1.43-2.69-3-6-3Z"
              />
            </svg>
            <span className="ds-sr-only">{t("header.signedInAs")}: </span>
            {me.user.name}
            <span className="ds-sr-only"> – {t("header.profile")}</span>
          </NavLink>
          <SignOutButton />
        </>
      }
    >
      {children}
    </Shell>
  );
}
