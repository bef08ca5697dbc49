import { hasValidNationalIdChecksum, maskNationalId } from "./national-id.ts";

/**
 * National IDs in what people type in their own words (comments, messages, reasons) and in what the
 * logger writes: one rule for both. Pure: no I/O, used by server and web.
 *
 * A national ID here is 11 digits, or 6 + 5 with one space, no-break space, hyphen or `+` (also `%20`,
 * as a space looks in a URL) between them, not part of a longer number, whose check digits fit
 * (`hasValidNationalIdChecksum`: any kind, 2032 rule included, the date not checked). Masking more
 * than strictly needed is the safe side.
 */
const nationalIdLike = /(?<!\d)(\d{6})(?:[ \u00a0+-]|%20)?(\d{5})(?!\d)/g;

/** What `maskNationalId` leaves of a national ID: `010190 *****`. */
const maskedNationalId = /(?<!\d)\d{6} \*{5}/;

/**
 * `text` with every national ID replaced by its mask (`010190 *****`, the birth-date digits only),
 * and how many there were. Free text is masked before it is stored, put in a change, a notification
 * or an e-mail, so the writer can be told (`masked > 0`).
 */
export function maskNationalIdsInText(text: string): { text: string; masked: number } {
  if (text.length < 11) return { text, masked: 0 };
  let masked = 0;
  const out = text.replace(nationalIdLike, (match, birth: string, personal: string) => {
    if (!hasValidNationalIdChecksum(birth + personal)) return match;
    masked++;
    return maskNationalId(birth + personal);
  });
  return { text: out, masked };
}

/**
 * Whether `text` holds a national ID, whole or already masked: for identifier fields that may hold
 * none (an e-mail address, a username), which are refused or flagged rather than masked.
 */
export function holdsNationalId(text: string): boolean {
  return maskedNationalId.test(text) || maskNationalIdsInText(text).masked > 0;
}
