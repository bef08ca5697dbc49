import ExcelJS from "exceljs";
import { checkUpload } from "./limits.ts";
import { type UploadLimits, UploadRejectedError, type UploadSummary } from "./upload-rules.ts";

/**
 * Worksheet parts exceljs need not read. Data validations and conditional formats over whole
 * columns make exceljs 4.4 enumerate every cell of the range (minutes, gigabytes: exceljs issues
 * #1283, #1842); merged ranges create a cell per merged address. A merged data cell is therefore
 * read in its first cell only; the others are empty.
 */
const IGNORED_NODES = [
  "dataValidations",
  "conditionalFormatting",
  "extLst",
  "mergeCells",
  "drawing",
  "picture",
  "tableParts",
  "headerFooter",
  "pageSetup",
  "printOptions",
  "rowBreaks",
];

/**
 * An uploaded .xlsx as exceljs reads it, after {@link checkUpload}: an oversized or malformed upload
 * is refused (with an {@link UploadRejectedError}) before exceljs parses it, and a file exceljs
 * cannot read at all is refused as `upload.not_xlsx`.
 */
export async function loadWorkbook(
  buffer: Buffer,
  limits?: Partial<UploadLimits>,
): Promise<{ wb: ExcelJS.Workbook; upload: UploadSummary }> {
  const upload = checkUpload(buffer, limits);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer, { ignoreNodes: IGNORED_NODES });
  } catch {
    throw new UploadRejectedError(
      "upload.not_xlsx",
      "The file could not be read as an Excel workbook (.xlsx). Open it in Excel, save it as an .xlsx workbook and try again.",
    );
  }
  return { wb, upload };
}
