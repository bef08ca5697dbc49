import { Button, Heading, Paragraph } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import type { Campaign } from "../../../../contracts/registrations.ts";
import { CopyField } from "./CopyField.tsx";

/** The campaign's public link with a copy button, and its QR code to show and to download as SVG or PNG. */
export function CampaignLinkPanel({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const qr = `/api/campaigns/${encodeURIComponent(campaign.id)}/qr`;
  return (
    <section className="section campaign-link" aria-labelledby="campaign-link-heading">
      <Heading level={2} data-size="sm" id="campaign-link-heading">
        {t("campaigns.link.heading")}
      </Heading>
      <Paragraph data-size="sm">{t("campaigns.link.lead")}</Paragraph>
      <CopyField id="campaign-public-url" label={t("campaigns.link.label")} value={campaign.publicUrl} />
      <div className="campaign-qr">
        <img src={`${qr}.svg`} alt={t("campaigns.link.qrAlt", { name: campaign.name })} width={160} height={160} />
        <div className="button-row">
          <Button variant="secondary" data-size="sm" asChild>
            <a href={`${qr}.svg`} download>
              {t("campaigns.link.downloadSvg")}
            </a>
          </Button>
          <Button variant="secondary" data-size="sm" asChild>
            <a href={`${qr}.png`} download>
              {t("campaigns.link.downloadPng")}
            </a>
          </Button>
        </div>
      </div>
    </section>
  );
}
