import type { PortalColumn } from "../../../contracts/orders.ts";
import { writeTableFile } from "../../shared/table-file.ts";

/** The ordering portal file's headers, in Norwegian (the portal's people read them). */
export const portalHeaders: Record<PortalColumn, string> = {
  lineId: "Praksistilgang-ID",
  lastName: "Etternavn",
  firstName: "Fornavn",
  nationalId: "Fødselsnummer",
  birthDate: "Fødselsdato",
  email: "E-post",
  mobile: "Mobil",
  username: "Brukernavn",
  institution: "Utdanningsinstitusjon",
  programme: "Studieprogram",
  placementSite: "Praksissted",
  system: "System",
  role: "Rolle",
  validFrom: "Gyldig fra",
  validTo: "Gyldig til",
  limits: "Begrensninger",
};

export type PortalLine = Record<PortalColumn, string>;

/** The portal file: one header row and one line per student and system, the columns in the trust's order. */
export function writePortalFile(
  format: "xlsx" | "csv",
  columns: readonly PortalColumn[],
  lines: PortalLine[],
): Promise<Buffer> {
  return writeTableFile(
    format,
    "Bestilling",
    columns.map((c) => portalHeaders[c]),
    lines.map((line) => columns.map((c) => line[c])),
  );
}
