import { isIsoDate } from "../dates.ts";
import { maskNationalId } from "../national-id.ts";
import {
  emptyRow,
  type FieldOfForm,
  fieldInfos,
  type RowData,
  type SiteField,
  type SiteNameKey,
  type StringField,
} from "./fields.ts";

type NationalIdField = FieldOfForm<"nationalId">;
type DateField = FieldOfForm<"date">;
type PlainField = Exclude<StringField, NationalIdField | DateField>;

/**
 * A row's values as the API answers them (`rowSchema` in src/contracts/overviews.ts), by each
 * field's form: strings; dates `YYYY-MM-DD` or null (a date kept as typed is a problem, not a
 * value); national IDs only masked, `<field>Masked` (`010190 *****`); the site as its id (null when
 * not in the trust's list) and its name.
 */
export type AnsweredValues = Record<PlainField | SiteNameKey, string> &
  Record<DateField, string | null> &
  Record<`${NationalIdField}Masked`, string | null> &
  Record<SiteField, string | null>;

/** The answer's key of a field that holds one value (a national ID's is `<field>Masked`). */
const answerKey = (key: string, form: string) => (form === "nationalId" ? `${key}Masked` : key);

export function answeredValuesOf(d: RowData): AnsweredValues {
  const out: Record<string, string | null> = {};
  for (const f of fieldInfos) {
    const value = d[f.cellKey];
    if (f.form === "site") {
      out[f.key] = d.placementSiteId;
      out[f.cellKey] = value;
    } else if (f.form === "nationalId") out[answerKey(f.key, f.form)] = value ? maskNationalId(value) : null;
    else if (f.form === "date") out[f.key] = isIsoDate(value) ? value : null;
    else out[f.key] = value;
  }
  return out as AnsweredValues;
}

/**
 * A row in plain form from what an answer holds, for the checks that compare fields: a masked
 * national ID stands for a number the row holds (its own faults are the server's to report), a date
 * the answer has no value for is empty.
 */
export function dataOfAnswer(values: AnsweredValues, anonymised: boolean): RowData {
  const d: RowData = { ...emptyRow, anonymised };
  const answer = values as unknown as Record<string, string | null>;
  for (const f of fieldInfos) {
    if (f.form === "site") d.placementSiteId = values.placementSiteId;
    d[f.cellKey] = answer[f.form === "site" ? f.cellKey : answerKey(f.key, f.form)] ?? "";
  }
  return d;
}
