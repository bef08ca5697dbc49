import type { Notice } from "../../contracts/notices.ts";
import { maskNationalIdsInText } from "../../domain/free-text.ts";

/** The notice code of free text whose national IDs were masked (also an import report's row warning). */
export const nationalIdMaskedCode = "free_text.national_id_masked";

/**
 * Free text (a comment, a message, a reason) as it may be stored, put in a change, a notification
 * or an e-mail: national IDs masked by the domain's rule, with a notice for the writer when any were.
 * `field` is the text's name in the request body.
 */
export function maskFreeText(field: string, text: string): { text: string; notices: Notice[] } {
  const masked = maskNationalIdsInText(text);
  return {
    text: masked.text,
    notices: masked.masked > 0 ? [{ code: nationalIdMaskedCode, field, count: masked.masked }] : [],
  };
}
