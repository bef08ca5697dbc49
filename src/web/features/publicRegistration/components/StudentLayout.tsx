import { Link as DsLink, Field, Label, Paragraph, Select, SkipLink } from "@digdir/designsystemet-react";
import { useEffect, useId } from "react";
import { useTranslation } from "react-i18next";
import { Link, Outlet } from "react-router";
import { type Language, languages } from "../../../../contracts/vocabulary.ts";
import { applyLanguage, isLanguage, rememberLanguage, storedLanguage } from "../../../i18n/i18n.ts";
import { browserLanguage } from "../lib/language.ts";
import "../publicRegistration.css";

const names: Record<Language, string> = { nb: "Bokmål", nn: "Nynorsk", en: "English" };

/**
 * The students' own light layout (no account, most of them on a phone): a plain header with the
 * language chosen on the page — at first the one chosen on this device, else the browser's.
 */
export function StudentLayout() {
  const { t, i18n } = useTranslation();
  const id = useId();
  useEffect(() => applyLanguage(storedLanguage() ?? browserLanguage(navigator.languages)), []);
  const current = isLanguage(i18n.language) ? i18n.language : "nb";
  return (
    <div className="student-app">
      <SkipLink href="#main">{t("header.skipToMain")}</SkipLink>
      <header className="student-header">
        <span className="student-brand">{t("registration.brand")}</span>
        <Field className="student-language" data-size="sm">
          <Label htmlFor={id}>{t("header.language")}</Label>
          <Select
            id={id}
            value={current}
            onChange={(e) => {
              const language = e.target.value;
              if (!isLanguage(language)) return;
              rememberLanguage(language);
              applyLanguage(language);
            }}
          >
            {languages.map((l) => (
              <Select.Option key={l} value={l} lang={l}>
                {names[l]}
              </Select.Option>
            ))}
          </Select>
        </Field>
      </header>
      <main id="main" tabIndex={-1} className="student-main">
        <Outlet />
      </main>
      <footer className="student-footer">
        <Paragraph data-size="sm">
          <DsLink asChild>
            <Link to="/tilgjengelighet">{t("accessibility.title")}</Link>
          </DsLink>
        </Paragraph>
      </footer>
    </div>
  );
}
