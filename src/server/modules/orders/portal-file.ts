import type { PortalColumn } from "../../../contracts/orders.ts";
import type { ChangeType } from "../../../domain/order-lines.ts";
import { writeTableFile } from "../../shared/table-file.ts";

/** The ordering portal file's headers, in Norwegian (the portal's people read them). */
export const portalHeaders: Record<PortalColumn, string> = {
  lineId: "Praksistilgang-ID",
  changeType: "Endringstype",
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
  changes: "Endring",
};

/** What a line asks of the IT provider, as the portal's files (and the deactivation and extension lists) say it. */
export const changeTypeTexts: Record<ChangeType, string> = {
  new: "Ny",
  changed: "Endret",
  extended: "Forlenget",
  deactivate: "Deaktiver",
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
