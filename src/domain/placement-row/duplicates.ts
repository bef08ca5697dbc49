import { normalizeEmail } from "../contact.ts";
import { isIsoDate, overlaps } from "../dates.ts";
import { validateNationalId } from "../national-id.ts";
import { normalizeName } from "../similarity.ts";
import type { RowData } from "./fields.ts";
import type { Problem } from "./problem.ts";

/** How two rows were found to be the same student: national ID or D-number, e-mail, or name and birth date. */
export type IdentityKind = "national_id" | "email" | "name";

/**
 * How a student is recognised within a sheet: national ID, else e-mail, else name and birth date.
 * An anonymised row names nobody.
 */
export function identityKey(d: RowData, testMode: boolean): { key: string; kind: IdentityKind } | null {
  if (d.anonymised) return null;
  for (const id of [d.nationalId, d.dNumber]) {
    if (id && validateNationalId(id, { testMode }).ok) return { key: `id:${id}`, kind: "national_id" };
  }
  if (normalizeEmail(d.email).ok) return { key: `email:${d.email}`, kind: "email" };
  if (d.lastName && d.firstName && isIsoDate(d.birthDate))
    return { key: `name:${normalizeName(d.lastName)}|${normalizeName(d.firstName)}|${d.birthDate}`, kind: "name" };
  return null;
}

/**
 * The `rows.duplicate_student` problem of each row (by index) that is the same student as another
 * row with overlapping dates (only overlap makes it an error), else undefined. Its details say how
 * the student was recognised and, given `rowNumbers` (an import: the rows' numbers in the file),
 * on which other rows.
 */
export function duplicateProblems(rows: RowData[], testMode: boolean, rowNumbers?: number[]): (Problem | undefined)[] {
  const others = new Map<number, number[]>();
  const kinds = new Map<number, IdentityKind>();
  const byKey = new Map<string, number[]>();
  rows.forEach((r, i) => {
    const id = identityKey(r, testMode);
    if (!id) return;
    kinds.set(i, id.kind);
    byKey.set(id.key, [...(byKey.get(id.key) ?? []), i]);
  });
  const pair = (a: number, b: number) => others.set(a, [...(others.get(a) ?? []), b]);
  for (const indexes of byKey.values()) {
    for (let a = 0; a < indexes.length; a++) {
      for (let b = a + 1; b < indexes.length; b++) {
        const x = rows[indexes[a] as number] as RowData;
        const y = rows[indexes[b] as number] as RowData;
        const [xs, xe, ys, ye] = [x.startDate, x.endDate, y.startDate, y.endDate];
        // Without valid dates both rows cover the whole period as far as we know.
        const overlap =
          !isIsoDate(xs) || !isIsoDate(xe) || !isIsoDate(ys) || !isIsoDate(ye) || overlaps(xs, xe, ys, ye);
        if (overlap) {
          pair(indexes[a] as number, indexes[b] as number);
          pair(indexes[b] as number, indexes[a] as number);
        }
      }
    }
  }
  return rows.map((_, i) => {
    const mates = others.get(i);
    if (!mates) return undefined;
    const reason = kinds.get(i) as IdentityKind;
    const details = rowNumbers ? { reason, rows: mates.map((j) => rowNumbers[j] as number) } : { reason };
    return { field: null, code: "rows.duplicate_student", details };
  });
}
