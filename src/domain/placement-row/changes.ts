import { maskNationalId } from "../national-id.ts";
import { fieldInfo, type RowData, type RowField, trackedFields } from "./fields.ts";

/** The value of a field as the change history and notifications show it (national IDs masked). */
export function displayValue(d: RowData, field: RowField): string {
  const f = fieldInfo(field);
  const value = d[f.cellKey];
  return f.form === "nationalId" && value ? maskNationalId(value) : value;
}

/** The fields whose values differ. */
export function changedFieldsOf(before: RowData, after: RowData): RowField[] {
  return trackedFields.filter((field) => {
    const { key, cellKey } = fieldInfo(field);
    // A site is the same by its id, or, when not in the trust's list, by the name typed.
    return before[key] !== after[key] || (!after[key] && before[cellKey] !== after[cellKey]);
  });
}

export const rowLabel = (d: Pick<RowData, "lastName" | "firstName">) =>
  [d.lastName, d.firstName].filter(Boolean).join(", ");
