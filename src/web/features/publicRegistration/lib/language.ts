import type { Language } from "../../../../contracts/vocabulary.ts";

/**
 * The language a student's browser asks for, among bokmål, nynorsk and English: the first of its
 * languages that is one of them ("no" is bokmål); English when it asks only for others.
 */
export function browserLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split("-")[0];
    if (base === "nn") return "nn";
    if (base === "nb" || base === "no") return "nb";
    if (base === "en") return "en";
  }
  return preferred.length > 0 ? "en" : "nb";
}
