import { Alert, Paragraph } from "@digdir/designsystemet-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Page } from "./Page.tsx";

/** Shows the page only when `allowed`; otherwise a page that says the person has no access. */
export function AccessGate({ allowed, children }: { allowed: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  if (allowed) return <>{children}</>;
  return (
    <Page title={t("errors.noAccessTitle")}>
      <Alert data-color="warning">
        <Paragraph>{t("errors.noAccessBody")}</Paragraph>
      </Alert>
    </Page>
  );
}
