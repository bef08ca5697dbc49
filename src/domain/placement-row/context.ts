import type { IsoDate } from "../dates.ts";
import type { SheetKind } from "../sheet-kind.ts";

/** A placement site of the trust. */
export interface Site {
  id: string;
  name: string;
}

/** What a row is checked against: its sheet, the trust's test mode and placement sites. */
export interface RowContext {
  kind: SheetKind;
  /**
   * The sheet's period; null while it is not known (a new sheet in an import's first check): the
   * checks against it (`periodChecks`) are then pending, every other check runs.
   */
  periodStart: IsoDate | null;
  periodEnd: IsoDate | null;
  testMode: boolean;
  sites: Site[];
  /**
   * The days past the period's end an extended row may end (the trust's `extension_max_days`);
   * absent: the extension's own check is trusted (the server checked it when extending).
   */
  extensionMaxDays?: number;
}
