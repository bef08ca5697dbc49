import { Button, Fieldset, Paragraph, Radio } from "@digdir/designsystemet-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type EmailNotifications, emailNotificationsValues } from "../../../../contracts/notifications.ts";
import type { Language } from "../../../../contracts/vocabulary.ts";
import { languages } from "../../../../contracts/vocabulary.ts";
import { useUpdateMe } from "../../../api/updateMe.ts";
import { FormErrorSummary } from "../../../components/FormErrorSummary.tsx";
import { Page } from "../../../components/Page.tsx";
import { useAnnounce } from "../../../components/StatusMessage.tsx";
import { useFormErrors } from "../../../components/useFormErrors.ts";
import { applyLanguage, rememberLanguage } from "../../../i18n/i18n.ts";
import { useSession } from "../../../lib/session.ts";
import "../profile.css";

const languageNames: Record<Language, string> = { nb: "Bokmål", nn: "Nynorsk", en: "English" };
/** "trust": no choice of one's own, the trust's default applies. */
type LanguageChoice = Language | "trust";

/** /min-profil — "Mine innstillinger": UI language and notifications by e-mail. */
export function ProfilePage() {
  const { t } = useTranslation();
  const me = useSession();
  const announce = useAnnounce();
  const form = useFormErrors("profile");
  const update = useUpdateMe();
  const [language, setLanguage] = useState<LanguageChoice>(me.user.language ?? "trust");
  const [email, setEmail] = useState<EmailNotifications>(me.user.emailNotifications);
  const trustDefault = me.activeTrust?.defaultLanguage ?? "nb";

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    form.reset();
    const chosen = language === "trust" ? null : language;
    update.mutate(
      { language: chosen, emailNotifications: email },
      {
        onSuccess: () => {
          rememberLanguage(chosen);
          applyLanguage(chosen ?? trustDefault);
          announce(t("profile.saved", { lng: chosen ?? trustDefault }));
        },
        onError: (error) => form.failFromServer(error),
      },
    );
  }

  return (
    <Page title={t("profile.title")} lead={<Paragraph>{t("profile.lead")}</Paragraph>}>
      <dl className="profile-facts">
        <div>
          <dt>{t("profile.name")}</dt>
          <dd>{me.user.name}</dd>
        </div>
        <div>
          <dt>{t("profile.email")}</dt>
          <dd>{me.user.email}</dd>
        </div>
      </dl>
      <form onSubmit={onSubmit} noValidate className="form">
        <FormErrorSummary key={form.attempt} errors={form.summary({})} />
        <Fieldset>
          <Fieldset.Legend>{t("profile.language")}</Fieldset.Legend>
          <Fieldset.Description>{t("profile.languageHint")}</Fieldset.Description>
          {languages.map((l) => (
            <Radio
              key={l}
              name="profile-language"
              value={l}
              label={<span lang={l}>{languageNames[l]}</span>}
              checked={language === l}
              onChange={() => setLanguage(l)}
            />
          ))}
          <Radio
            name="profile-language"
            value="trust"
            label={t("profile.languageTrust", { language: languageNames[trustDefault] })}
            checked={language === "trust"}
            onChange={() => setLanguage("trust")}
          />
        </Fieldset>
        <Fieldset>
          <Fieldset.Legend>{t("profile.emailNotifications")}</Fieldset.Legend>
          <Fieldset.Description>{t("profile.emailNotificationsHint")}</Fieldset.Description>
          {emailNotificationsValues.map((value) => (
            <Radio
              key={value}
              name="profile-email"
              value={value}
              label={t(`profile.email_${value}`)}
              description={t(`profile.email_${value}Hint`)}
              checked={email === value}
              onChange={() => setEmail(value)}
            />
          ))}
        </Fieldset>
        <div className="button-row">
          <Button type="submit" loading={update.isPending} disabled={update.isPending}>
            {t("profile.save")}
          </Button>
        </div>
      </form>
    </Page>
  );
}
