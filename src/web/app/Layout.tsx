import { Link as DsLink, Paragraph, SkipLink, Tag } from "@digdir/designsystemet-react";
import { type ReactNode, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, Outlet, useLocation } from "react-router";
import { MAIN_HEADING_ID } from "../components/Page.tsx";
import { LoadError, Loading } from "../components/QueryState.tsx";
import { useClearStatus } from "../components/StatusMessage.tsx";
import { LanguageChooser } from "../features/auth/components/LanguageChooser.tsx";
import { SignOutButton } from "../features/auth/components/SignOutButton.tsx";
import { TrustSwitcher } from "../features/auth/components/TrustSwitcher.tsx";
import { useMe } from "../lib/session.ts";
import { LanguageSync } from "./LanguageSync.tsx";
import { Navigation } from "./Navigation.tsx";

/** Everything: language, and focus on the new page's h1 after each navigation. */
export function Root() {
  const location = useLocation();
  const first = useRef(true);
  const clearStatus = useClearStatus();
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every change of page
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    clearStatus();
    const frame = window.requestAnimationFrame(() => document.getElementById(MAIN_HEADING_ID)?.focus());
    return () => window.cancelAnimationFrame(frame);
  }, [location.pathname]);
  return (
    <>
      <LanguageSync />
      <Outlet />
    </>
  );
}

function Shell({ tools, nav, children }: { tools: ReactNode; nav?: ReactNode; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="app">
      <SkipLink href="#main">{t("header.skipToMain")}</SkipLink>
      <header className="app-header">
        <div className="header-inner">
          <div className="brand">
            <DsLink asChild className="product-name">
              <Link to="/">{t("app.name")}</Link>
            </DsLink>
          </div>
          <div className="header-tools">{tools}</div>
        </div>
        {nav}
      </header>
      <main id="main" tabIndex={-1} className="app-main">
        {children}
      </main>
      <footer className="app-footer">
        <Paragraph data-size="sm">{t("app.footer")}</Paragraph>
      </footer>
    </div>
  );
}

/** Pages for people who are not signed in (the sign-in page). */
export function PublicLayout() {
  return (
    <Shell tools={<LanguageChooser signedIn={false} />}>
      <Outlet />
    </Shell>
  );
}

/** Pages that need a session: header with trust, language, name and sign-out; navigation by role. */
export function SignedInLayout() {
  const { t } = useTranslation();
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
    <Shell
      nav={<Navigation me={me} />}
      tools={
        <>
          {me.activeTrust ? (
            <span className="trust-name">
              <span className="ds-sr-only">{t("header.activeTrust")}: </span>
              {me.activeTrust.name}
              {me.activeTrust.testMode ? (
                <Tag data-color="warning" data-size="sm" className="test-tag">
                  {t("header.testMode")}
                </Tag>
              ) : null}
            </span>
          ) : null}
          <TrustSwitcher me={me} />
          <LanguageChooser signedIn />
          <span className="user-name">
            <span className="ds-sr-only">{t("header.signedInAs")}: </span>
            {me.user.name}
          </span>
          <SignOutButton />
        </>
      }
    >
      <Outlet />
    </Shell>
  );
}
