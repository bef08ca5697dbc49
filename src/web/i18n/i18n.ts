import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { type Language, languages } from "../../contracts/common.ts";
import nb from "./nb.json";

const STORAGE_KEY = "praksistilgang.language";

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (languages as readonly string[]).includes(value);
}

/** The language chosen on this device (used before sign-in), if any. */
export function storedLanguage(): Language | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

export function rememberLanguage(language: Language | null) {
  try {
    if (language) window.localStorage.setItem(STORAGE_KEY, language);
    else window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage may be unavailable (private mode); the choice then lasts for this page only.
  }
}

function setHtmlLang(language: string) {
  document.documentElement.lang = isLanguage(language) ? language : "nb";
}

i18next.on("languageChanged", setHtmlLang);

/**
 * Bokmål, the default and the fallback, comes with the first load; nynorsk and English are loaded
 * when first chosen (each is as large as the sign-in page's own code).
 */
const otherTexts: Record<Exclude<Language, "nb">, () => Promise<{ default: typeof nb }>> = {
  nn: () => import("./nn.json"),
  en: () => import("./en.json"),
};

void i18next.use(initReactI18next).init({
  resources: { nb: { translation: nb } },
  partialBundledLanguages: true,
  lng: "nb",
  fallbackLng: "nb",
  supportedLngs: [...languages],
  interpolation: { escapeValue: false },
  returnNull: false,
});
setHtmlLang(i18next.language);

/** The language asked for last: a slow load of an earlier choice does not switch back to it. */
let wanted: Language = "nb";

/** Switches the UI language when it differs from the current one, loading its texts first. */
export function applyLanguage(language: Language) {
  wanted = language;
  if (i18next.language === language) return;
  if (language === "nb" || i18next.hasResourceBundle(language, "translation")) {
    void i18next.changeLanguage(language);
    return;
  }
  void otherTexts[language]().then((texts) => {
    i18next.addResourceBundle(language, "translation", texts.default);
    if (wanted === language) void i18next.changeLanguage(language);
  });
}

applyLanguage(storedLanguage() ?? "nb");

export { i18next };
