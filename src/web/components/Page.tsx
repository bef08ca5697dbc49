import { Heading } from "@digdir/designsystemet-react";
import { type ReactNode, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { StatusRegion } from "./StatusMessage.tsx";

export const MAIN_HEADING_ID = "main-heading";

/** Sets the document title of a page: "<page> – Praksistilgang". */
export function useDocumentTitle(title: string) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} – ${t("app.name")}`;
  }, [title, t]);
}

/** One page: its title in the tab, an h1 (focused after navigation), the live status, content. */
export function Page({ title, lead, children }: { title: string; lead?: ReactNode; children: ReactNode }) {
  useDocumentTitle(title);
  return (
    <div className="page">
      <Heading level={1} data-size="lg" id={MAIN_HEADING_ID} tabIndex={-1} className="page-heading">
        {title}
      </Heading>
      {lead}
      <StatusRegion />
      {children}
    </div>
  );
}
