import { Link as DsLink, Paragraph } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Page } from "../components/Page.tsx";

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t("notFound.title")}>
      <Paragraph>{t("notFound.body")}</Paragraph>
      <Paragraph>
        <DsLink asChild>
          <Link to="/">{t("notFound.toStart")}</Link>
        </DsLink>
      </Paragraph>
    </Page>
  );
}
