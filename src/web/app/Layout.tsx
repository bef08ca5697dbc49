import { Link as DsLink, Paragraph, SkipLink } from "@digdir/designsystemet-react";
import { type ReactNode, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link, Outlet, useLocation, useNavigate } from "react-router";
import { MAIN_HEADING_ID } from "../components/Page.tsx";
import { announcedBy, useAnnounce, useClearStatus } from "../components/StatusMessage.tsx";
import { LanguageChooser } from "../features/auth/components/LanguageChooser.tsx";
import { LanguageSync } from "./LanguageSync.tsx";
import "./header.css";

/**
 * Everything: language, and focus on the new page's h1 after each navigation. The message of the
 * old page goes; one that came with the navigation is shown (once: it is taken out of the history
 * entry, so that going back does not repeat it).
 */
export function Root() {
  const location = useLocation();
  const navigate = useNavigate();
  const first = useRef(true);
  const clearStatus = useClearStatus();
  const announce = useAnnounce();
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every change of page
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    clearStatus();
    const message = announcedBy(location.state);
    if (message) {
      announce(message);
      void navigate(location, { replace: true, state: null });
    }
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

export function Shell({ tools, nav, children }: { tools: ReactNode; nav?: ReactNode; children: ReactNode }) {
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
        <Paragraph data-size="sm">
          <DsLink asChild>
            <Link to="/tilgjengelighet">{t("accessibility.title")}</Link>
          </DsLink>
        </Paragraph>
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
