import { validateNationalId } from "./national-id.ts";
import type { RowData } from "./placement-row/fields.ts";
import type { SheetKind } from "./sheet-kind.ts";

export type LearningPortalState = "not_needed" | "needed" | "requested" | "created";

/**
 * Whether a row's student needs a user made by hand in the learning portal: international students
 * without a fødselsnummer, and D-number holders when the trust says so; then the person's state
 * (requested, created) or "needed". Nobody is left to give a user to on an anonymised row.
 */
export function learningPortalStateOf(
  d: Pick<RowData, "anonymised" | "nationalId" | "dNumber">,
  kind: SheetKind,
  trust: { testMode: boolean; dNumberNeedsManualUser: boolean },
  personState: string | null,
): LearningPortalState {
  if (d.anonymised) return "not_needed";
  const kinds = [d.nationalId, d.dNumber]
    .filter(Boolean)
    .map((v) => validateNationalId(v, { testMode: trust.testMode }))
    .filter((r) => r.ok);
  const hasFnr = kinds.some((r) => r.ok && !r.dNumber);
  const hasDnr = kinds.some((r) => r.ok && r.dNumber);
  const needed = hasFnr ? false : hasDnr ? trust.dNumberNeedsManualUser : kind === "international";
  if (!needed) return "not_needed";
  return personState === "requested" || personState === "created" ? personState : "needed";
}
