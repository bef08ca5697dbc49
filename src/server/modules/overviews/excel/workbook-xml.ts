/** The workbook's XML parts as far as the upload check reads them: sheet names, and rows and cells with content. */

const decodeXml = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, "&");

const attr = (tag: string, name: string) => {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? decodeXml(m[1] ?? m[2] ?? "") : null;
};

/** Sheet names by worksheet part path ("xl/worksheets/sheet1.xml"), from xl/workbook.xml and its rels. */
export function sheetNamesByPart(workbookXml: string, relsXml: string | null): Map<string, string> {
  const targets = new Map<string, string>();
  for (const m of (relsXml ?? "").matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = attr(m[0], "Id");
    const target = attr(m[0], "Target");
    if (!id || !target) continue;
    targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`);
  }
  const names = new Map<string, string>();
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = attr(m[0], "name");
    const rid = attr(m[0], "r:id") ?? /\s[\w]+:id\s*=\s*"([^"]*)"/.exec(m[0])?.[1] ?? null;
    const part = rid ? targets.get(rid) : undefined;
    if (name && part) names.set(part, name);
  }
  return names;
}

/**
 * Rows and cells that carry a value (`<v>` or inline `<is>`) in a worksheet's XML, and all row and
 * cell elements (styled empty ones too), without a full parse.
 */
export function countContent(sheetXml: string): { rows: number; cells: number; elements: number } {
  let rows = 0;
  let cells = 0;
  let elements = 0;
  const elementPattern = /<(?:\w+:)?(?:c|row)[\s>/]/g;
  while (elementPattern.exec(sheetXml)) elements++;
  const rowPattern = /<(?:\w+:)?row\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g;
  for (let m = rowPattern.exec(sheetXml); m; m = rowPattern.exec(sheetXml)) {
    const body = m[1];
    if (!body) continue;
    const valued = body.match(/<(?:\w+:)?(?:v|is)>/g)?.length ?? 0;
    if (valued > 0) {
      rows++;
      cells += valued;
    }
  }
  return { rows, cells, elements };
}
