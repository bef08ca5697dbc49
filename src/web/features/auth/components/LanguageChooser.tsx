import { Field, Label, Select } from "@digdir/designsystemet-react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { Language } from "../../../../contracts/vocabulary.ts";
import { useUpdateMe } from "../../../api/updateMe.ts";
import { useAnnounce } from "../../../components/StatusMessage.tsx";
import { applyLanguage, isLanguage, rememberLanguage } from "../../../i18n/i18n.ts";
import { errorMessage } from "../../../lib/errors.ts";

const names: Record<Language, string> = { nb: "Bokmål", nn: "Nynorsk", en: "English" };

/**
 * Chooses the UI language. Signed in, the choice is saved with the person (PATCH /api/auth/me);
 * it is also remembered on this device for the sign-in page.
 */
export function LanguageChooser({ signedIn }: { signedIn: boolean }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const update = useUpdateMe();
  const announce = useAnnounce();
  const current = isLanguage(i18n.language) ? i18n.language : "nb";

  return (
    <Field className="header-field" data-size="sm">
      <Label htmlFor={id}>{t("header.language")}</Label>
      <Select
        id={id}
        value={current}
        onChange={(e) => {
          const language = e.target.value;
          if (!isLanguage(language)) return;
          rememberLanguage(language);
          applyLanguage(language);
          if (signedIn) {
            update.mutate({ language }, { onError: (error) => announce(errorMessage(t, error)) });
          }
        }}
      >
        {(Object.keys(names) as Language[]).map((l) => (
          <Select.Option key={l} value={l} lang={l}>
            {names[l]}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}
