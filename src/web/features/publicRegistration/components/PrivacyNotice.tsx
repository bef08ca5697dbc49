import { Heading, Paragraph } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import type { PublicCampaign } from "../../../../contracts/registrations-public.ts";

/** What is stored, why, for how long (the trust's retention) and who is responsible. */
export function PrivacyNotice({ campaign }: { campaign: PublicCampaign }) {
  const { t } = useTranslation();
  return (
    <section className="privacy-notice" aria-labelledby="privacy-heading">
      <Heading level={2} data-size="xs" id="privacy-heading">
        {t("registration.privacy.heading")}
      </Heading>
      <Paragraph data-size="sm">{t("registration.privacy.what", { trust: campaign.trustName })}</Paragraph>
      <Paragraph data-size="sm">{t("registration.privacy.why")}</Paragraph>
      <Paragraph data-size="sm">
        {t("registration.privacy.howLong", { count: campaign.retentionMonths })}{" "}
        {t("registration.privacy.unmatched", { count: campaign.unmatchedRetentionDays })}
      </Paragraph>
      <Paragraph data-size="sm">{t("registration.privacy.rights", { trust: campaign.trustName })}</Paragraph>
    </section>
  );
}
