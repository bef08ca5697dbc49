import { Tag } from "@digdir/designsystemet-react";
import { useTranslation } from "react-i18next";
import type { CampaignState, RegistrationState } from "../../../../contracts/registrations.ts";

/** A campaign's state: open (green) or closed. */
export function CampaignStateTag({ state }: { state: CampaignState }) {
  const { t } = useTranslation();
  return (
    <Tag data-size="sm" data-color={state === "open" ? "success" : "neutral"}>
      {t(`campaigns.state.${state}`)}
    </Tag>
  );
}

const registrationColors: Record<RegistrationState, "warning" | "info" | "accent" | "success"> = {
  unconfirmed: "warning",
  confirmed: "info",
  matched: "accent",
  transferred: "success",
};

/** A registration's state: unconfirmed e-mail, confirmed, matched, transferred (green). */
export function RegistrationStateTag({
  state,
  needsConfirmation,
}: {
  state: RegistrationState;
  needsConfirmation?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <span className="tags">
      <Tag data-size="sm" data-color={registrationColors[state]}>
        {t(`campaigns.registrationState.${state}`)}
      </Tag>
      {needsConfirmation ? (
        <Tag data-size="sm" data-color="danger">
          {t("campaigns.needsConfirmation")}
        </Tag>
      ) : null}
    </span>
  );
}
