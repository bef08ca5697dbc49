import { Field, Label, Select } from "@digdir/designsystemet-react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router";
import type { Me } from "../../../../contracts/auth.ts";
import { type AnnounceState, useAnnounce } from "../../../components/StatusMessage.tsx";
import { errorMessage } from "../../../lib/errors.ts";
import { trustsOf } from "../../../lib/session.ts";
import { useSwitchTrust } from "../api/switchTrust.ts";

/** Shown to people with memberships in several trusts: which trust they work in now. */
export function TrustSwitcher({ me }: { me: Me }) {
  const { t } = useTranslation();
  const id = useId();
  const switchTrust = useSwitchTrust();
  const announce = useAnnounce();
  const navigate = useNavigate();
  const location = useLocation();
  const trusts = trustsOf(me);
  if (trusts.length < 2) return null;

  return (
    <Field className="header-field" data-size="sm">
      <Label htmlFor={id}>{t("header.trust")}</Label>
      <Select
        id={id}
        value={me.activeTrust?.id ?? ""}
        disabled={switchTrust.isPending}
        onChange={(e) => {
          const trustId = e.target.value;
          switchTrust.mutate(
            { trustId },
            {
              onSuccess: (next) => {
                const message = t("header.trustSwitched", { name: next.activeTrust?.name ?? "" });
                // On another page, the message goes with the navigation to the start page (the
                // messages of the page left behind are cleared when it arrives).
                if (location.pathname === "/") announce(message);
                else void navigate("/", { state: { announce: message } satisfies AnnounceState });
              },
              onError: (error) => announce(errorMessage(t, error)),
            },
          );
        }}
      >
        {me.activeTrust ? null : <Select.Option value="">{t("header.chooseTrust")}</Select.Option>}
        {trusts.map((trust) => (
          <Select.Option key={trust.id} value={trust.id}>
            {trust.name}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}
