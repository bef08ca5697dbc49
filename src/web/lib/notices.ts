import type { TFunction } from "i18next";
import type { Notice } from "../../contracts/notices.ts";

/** Notice codes of successful answers, each with its text under `notices.<code with . as _>`. */
export const knownNoticeCodes = new Set(["free_text.national_id_masked"]);

/**
 * The translated texts of an answer's notices, once per code (a request whose name and message
 * both had a national ID gets one text); codes the web does not know are left out.
 */
export function noticeTexts(t: TFunction, notices: readonly Notice[] | undefined): string[] {
  const codes = new Set((notices ?? []).map((n) => n.code).filter((c) => knownNoticeCodes.has(c)));
  return [...codes].map((code) => t(`notices.${code.replaceAll(".", "_")}`));
}
