import type { DeactivationItem } from "../../../contracts/deactivations.ts";
import type { DeactivationReason } from "../../../domain/order-lines.ts";
import { norwegianDate, writeTableFile } from "../../shared/table-file.ts";
import { changeTypeTexts } from "./portal-file.ts";

/** The deactivation list's file for the IT provider (Norwegian headers, as the portal's file has). */
const headers = [
  "Praksistilgang-ID",
  "Endringstype",
  "Etternavn",
  "Fornavn",
  "Brukernavn",
  "System",
  "Rolle",
  "Helseforetak",
  "Utdanningsinstitusjon",
  "Ark",
  "Referanse",
  "Årsak",
  "Deaktiver fra",
];

export const reasonTexts: Record<DeactivationReason, string> = {
  removed: "Fjernet fra oversikten",
  withdrawn: "Trukket fra praksis",
  ended: "Praksis avsluttet",
  changed: "Ikke lenger i tilgangsprofilen",
};

/** What the file's change-type column says of every line on the list (the portal file's "deactivate"). */
const deactivateChangeType = changeTypeTexts.deactivate;

/** The list's audit field names (the export's columns; never a value, never a national ID). */
export const fileColumns = [
  "line_id",
  "last_name",
  "first_name",
  "username",
  "system",
  "role",
  "institution",
  "reference",
  "deactivation_reason",
  "deactivate_from",
];

/** One header row, one line per student and system; no national ID. */
export function writeDeactivationFile(format: "xlsx" | "csv", items: DeactivationItem[]): Promise<Buffer> {
  return writeTableFile(
    format,
    "Deaktivering",
    headers,
    items.map((i) => [
      i.lineId,
      deactivateChangeType,
      i.lastName,
      i.firstName,
      i.username ?? "",
      i.system.name,
      i.role,
      i.trust.name,
      i.institution.shortName,
      i.sheetName,
      i.reference ?? "",
      reasonTexts[i.reason],
      norwegianDate(i.deactivateFrom),
    ]),
  );
}
