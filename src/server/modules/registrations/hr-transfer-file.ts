import type { HrTransferColumn } from "../../../contracts/hr-transfer.ts";
import { writeTableFile } from "../../shared/table-file.ts";

/** The HR transfer file's headers, in Norwegian (the HR system's people read them). */
export const hrTransferHeaders: Record<HrTransferColumn, string> = {
  lastName: "Etternavn",
  firstName: "Fornavn",
  nationalId: "Fødselsnummer",
  birthDate: "Fødselsdato",
  email: "E-post",
  mobile: "Mobil",
  earlierUsername: "Tidligere brukernavn",
  institution: "Utdanningsinstitusjon",
  programme: "Studieprogram",
  placementStart: "Praksisstart",
  placementEnd: "Praksisslutt",
  placementSite: "Praksissted",
};

export type HrTransferLine = Record<HrTransferColumn, string>;

/**
 * The file: one header row and one line per person, the columns in the trust's order (as text, in
 * the shared table file's shape).
 */
export function writeHrTransferFile(
  format: "xlsx" | "csv",
  columns: readonly HrTransferColumn[],
  lines: HrTransferLine[],
): Promise<Buffer> {
  return writeTableFile(
    format,
    "HR-overføring",
    columns.map((c) => hrTransferHeaders[c]),
    lines.map((line) => columns.map((c) => line[c])),
  );
}
