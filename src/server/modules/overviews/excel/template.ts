import type ExcelJS from "exceljs";
import { maxYear, minYear } from "../../../../domain/dates.ts";
import { fieldOfColumn } from "../../../../domain/placement-row/fields.ts";
import type { SheetKind } from "../../../../domain/sheet-kind.ts";
import { layoutSheet, newWorkbook, toBuffer } from "./workbook-layout.ts";
import { langOf } from "./write-texts.ts";

const instructions: Record<SheetKind, { sheet: string; title: string; lines: string[] }> = {
  norwegian: {
    sheet: "Veiledning",
    title: "Slik fyller du ut praksisoversikten",
    lines: [
      "Én student per rad på arket «Periode 1». Gi arket navnet på perioden («Periode 2», «Semester 5»); ett ark per periode.",
      "Ikke endre overskriftene. Rekkefølgen på kolonnene kan endres, og ekstra kolonner blir oversett ved import.",
      "Fødselsnummer: 11 siffer, skrevet som tekst (kolonnen er formatert som tekst, så den første nullen blir stående).",
      "Datoer skrives dd.mm.åååå, for eksempel 01.03.2027.",
      "Mobil: norske numre med eller uten +47; utenlandske numre med landskode.",
      "Praksissted: bruk navnet fra helseforetakets liste over praksissteder.",
      "Kolonnene Registrert og Bestilt fylles ut av Praksistilgang og blir oversett ved import.",
      "Internasjonale studenter uten norsk fødselsnummer føres på et eget ark med den engelske malen.",
      "Last opp filen under praksisoversikten i Praksistilgang. Du får en rapport per rad før noe blir lagret.",
    ],
  },
  international: {
    sheet: "Instructions",
    title: "How to fill in the overview for international students",
    lines: [
      "One student per row on the sheet «Internasjonale – Periode 1». Name the sheet after its period; one sheet per period.",
      "Do not change the headers. Columns may be reordered; extra columns are ignored on import.",
      "Dates as dd.mm.yyyy, for example 01.03.2027.",
      "Mobile numbers with their country code, for example +44 7700 900123.",
      "D-number (if any): 11 digits, written as text. Students without a D-number need a manual learning portal user; the app takes care of it.",
      "Placement site: use the name from the hospital trust's list of placement sites.",
      "The columns Registered, Ordered and Learning portal user are filled in by Praksistilgang and ignored on import.",
      "Upload the file to the overview in Praksistilgang. You get a report per row before anything is saved.",
    ],
  },
};

/** Rows the blank template prepares (text format for IDs, date checks). */
const TEMPLATE_ROWS = 500;

/**
 * The blank template of a kind: the header row in the sheet's language, widths, frozen panes,
 * national-ID columns formatted as text, date columns as `dd.mm.yyyy` with a date check, and an
 * instructions sheet (the reader skips it: it has no header row).
 */
export async function writeTemplate(kind: SheetKind): Promise<Buffer> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet(kind === "international" ? "Internasjonale – Periode 1" : "Periode 1");
  const columns = layoutSheet(ws, kind);
  const lang = langOf(kind);
  // exceljs 4.4 has range validations (`sqref`) but does not type them.
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } })
    .dataValidations;
  columns.forEach((c, i) => {
    const letter = ws.getColumn(i + 1).letter;
    const range = `${letter}2:${letter}${TEMPLATE_ROWS + 1}`;
    const form = fieldOfColumn(c.key)?.form;
    if (form === "date") {
      validations.add(range, {
        type: "date",
        operator: "between",
        allowBlank: true,
        showErrorMessage: true,
        errorStyle: "stop",
        errorTitle: lang === "nb" ? "Ugyldig dato" : "Invalid date",
        error: lang === "nb" ? "Skriv datoen som dd.mm.åååå." : "Write the date as dd.mm.yyyy.",
        formulae: [new Date(Date.UTC(minYear, 0, 1)), new Date(Date.UTC(maxYear, 11, 31))],
      });
    } else if (form === "nationalId") {
      validations.add(range, {
        type: "textLength",
        operator: "between",
        allowBlank: true,
        showErrorMessage: true,
        errorStyle: "warning",
        errorTitle: lang === "nb" ? "Fødselsnummer" : "D-number",
        error: lang === "nb" ? "Et fødselsnummer har 11 siffer." : "A D-number has 11 digits.",
        formulae: [11, 12],
      });
    }
  });

  const help = wb.addWorksheet(instructions[kind].sheet);
  help.getColumn(1).width = 120;
  const title = help.getCell("A1");
  title.value = instructions[kind].title;
  title.font = { bold: true, size: 14 };
  instructions[kind].lines.forEach((line, i) => {
    const cell = help.getCell(`A${i + 3}`);
    cell.value = line;
    cell.alignment = { wrapText: true, vertical: "top" };
  });
  return toBuffer(wb);
}
