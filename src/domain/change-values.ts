import { formatMobile } from "./contact.ts";
import { formatDate, isIsoDate } from "./dates.ts";
import { maskNationalId } from "./national-id.ts";
import { fieldInfos } from "./placement-row/fields.ts";

/** A field's form by its key (src/domain/placement-row/fields.ts); undefined for no field or another key. */
const formOf = (field: string | null) => fieldInfos.find((f) => f.key === field)?.form;
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
  const form = formOf(field);
  if (form === "date") return isIsoDate(value) ? formatDate(value) : value;
  if (form === "mobile") return value.startsWith("+") ? formatMobile(value) : value;
  if (form === "nationalId") return masked.test(value) ? value : maskNationalId(value);
  return value;
}
