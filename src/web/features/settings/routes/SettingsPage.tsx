import { Paragraph } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import { Page } from "../../../components/Page.tsx";
import { LoadError, Loading } from "../../../components/QueryState.tsx";
import { AccessGate } from "../../../components/RoleGate.tsx";
import { may, useSession } from "../../../lib/session.ts";
import { useTrustSettings } from "../api/getTrustSettings.ts";
import { SettingsForm } from "../components/SettingsForm.tsx";

export function SettingsPage() {
  const me = useSession();
  return (
    <AccessGate allowed={may(me, "trust.settings")}>
      <Settings />
    </AccessGate>
  );
}

function Settings() {
  const { t } = useTranslation();
  const settings = useTrustSettings();
  return (
    <Page
      title={t("settings.title")}
      lead={<Paragraph>{t("settings.lead", { trust: settings.data?.name ?? "" })}</Paragraph>}
    >
      {settings.isPending ? (
        <Loading />
      ) : settings.error ? (
        <LoadError error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <SettingsForm key={settings.data.id} settings={settings.data} />
      )}
    </Page>
  );
}
