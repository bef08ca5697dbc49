import type { IsoDate } from "../dates.ts";
import type { RowField } from "./fields.ts";

/** What a problem found, where its code does not say it (the contract's `problemDetailsSchema` documents each reason). */
export interface ProblemDetails {
  reason: string;
  digits?: number;
  characters?: string;
  dateDigits?: string;
  name?: string;
  start?: IsoDate;
  end?: IsoDate;
  rows?: number[];
}

/** A problem with one cell (or the whole row when `field` is null), with a stable code the web translates. */
export interface Problem {
  field: RowField | null;
  code: string;
  /** Nearest placement-site names, for `rows.unknown_placement_site`. */
  suggestions?: string[];
  /** Whether it only warns (e.g. national_id.leading_zero_restored); errors block submission. */
  warning?: boolean;
  details?: ProblemDetails;
}
