import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { type Language, languages } from "../../contracts/vocabulary.ts";
import type nb from "./nb.json";
import signInTexts from "./nb.json?sign-in";

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
 * Bokmål is the default and the fallback. The first load carries only the texts of the shell and
 * the sign-in page (src/build/sign-in-texts.ts); the rest of it comes with the first lazy page
 * (`loadAllTexts`, awaited by the router). Nynorsk and English are loaded whole when first chosen
 * (each is as large as the sign-in page's own code).
 */
const otherTexts: Record<Exclude<Language, "nb">, () => Promise<{ default: typeof nb }>> = {
  nn: () => import("./nn.json"),
  en: () => import("./en.json"),
};

void i18next.use(initReactI18next).init({
  resources: { nb: { translation: signInTexts } },
  partialBundledLanguages: true,
  lng: "nb",
  fallbackLng: "nb",
  supportedLngs: [...languages],
  interpolation: { escapeValue: false },
  returnNull: false,
});
setHtmlLang(i18next.language);

let allTexts: Promise<void> | null = null;

/** Adds the rest of the bokmål texts (once); every page but the sign-in page waits for it. */
export function loadAllTexts(): Promise<void> {
  allTexts ??= import("./nb.json").then(
    (texts) => {
      i18next.addResourceBundle("nb", "translation", texts.default, true, true);
    },
    (error: unknown) => {
      allTexts = null;
      throw error;
    },
  );
  return allTexts;
}

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
