import { formatMobile } from "./contact.ts";
import { formatDate, isIsoDate } from "./dates.ts";
import { maskNationalId } from "./national-id.ts";

const dateFields = new Set(["birthDate", "startDate", "endDate"]);
const nationalIdFields = new Set(["nationalId", "dNumber"]);
const masked = /^(\d{6} \*{5}|\*{11})$/;

/**
 * A value of an overview row's field as people read it, wherever a change is shown (the grid, the
 * list of changes after submission, notifications and e-mails): dates `dd.mm.yyyy`, a mobile in
 * E.164 as the grid shows it (`91 23 45 67`, foreign numbers internationally), a national ID or
 * D-number only masked. Changes keep values as stored (ISO dates, E.164, the placement site's name,
 * masked national IDs); anything kept as typed is shown as typed. Empty is "".
 */
export function formatChangeValue(field: string | null, value: string | null): string {
  if (!value) return "";
  if (field && dateFields.has(field)) return isIsoDate(value) ? formatDate(value) : value;
  if (field === "mobile") return value.startsWith("+") ? formatMobile(value) : value;
  if (field && nationalIdFields.has(field)) return masked.test(value) ? value : maskNationalId(value);
  return value;
}
