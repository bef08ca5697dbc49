import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { type Language, languages } from "../../contracts/common.ts";
import en from "./en.json";
import nb from "./nb.json";
import nn from "./nn.json";

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

void i18next.use(initReactI18next).init({
  resources: { nb: { translation: nb }, nn: { translation: nn }, en: { translation: en } },
  lng: storedLanguage() ?? "nb",
  fallbackLng: "nb",
  supportedLngs: [...languages],
  interpolation: { escapeValue: false },
  returnNull: false,
});
setHtmlLang(i18next.language);

/** Switches the UI language when it differs from the current one. */
export function applyLanguage(language: Language) {
  if (i18next.language !== language) void i18next.changeLanguage(language);
}

export { i18next };
