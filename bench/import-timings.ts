import { headersOf, importBody, ok, type Session } from "./client.ts";
import type { BenchContext } from "./context.ts";
import { load, type Target } from "./load.ts";
import type { BenchOptions } from "./options.ts";
import type { Results } from "./report.ts";
import { peakRss } from "./server-process.ts";
import { importPeriod, importWorkbooks } from "./workbooks.ts";

/** The workbooks a run imports, written before the servers start. */
export interface ImportBooks {
  dryRun: Buffer;
  /** The settings check's twelve imports at once (checks.ts). */
  check: Buffer;
  /** One per save while they last, each with students of its own. */
  saves: Buffer[];
  large: Buffer;
  rss: Buffer;
}

/** `loopImports`: the imports each of the two loops beside the reads may save. */
export async function writeImportBooks(o: BenchOptions, loopImports: number): Promise<ImportBooks> {
  const makeWorkbook = importWorkbooks();
  const dryRun = await makeWorkbook(o.sizes.importRows);
  const check = await makeWorkbook(5);
  const saves: Buffer[] = [];
  const fresh = o.importRounds + 1 + 2 * Math.min(loopImports, Math.ceil(o.durationSeconds) + 2);
  for (let k = 0; k < fresh; k++) saves.push(await makeWorkbook(o.sizes.importRows));
  const large = await makeWorkbook(o.sizes.largeImportRows);
  const rss = await makeWorkbook(o.sizes.importRows);
  return { dryRun, check, saves, large, rss };
}

/**
 * Imports (dry run, and save) and the export at one connection against ExcelJS alone, then opening
 * a sheet idle and while two people import, then the server's peak RSS while it imports. Each
 * import has an importer of its own (`importers`: signed in for the settings check) and an empty
 * document of its own.
 */
export async function measureImports(
  c: BenchContext,
  importers: Session[],
  books: ImportBooks,
): Promise<{ duringImports: NonNullable<Results["duringImports"]>; memory: Results["memory"] }> {
  const { o, f, app, floor, measurements } = c;
  const period = importPeriod();
  const rounds = { connections: 1, amount: o.importRounds, timeoutSeconds: 3_600 };
  const [dryRunner, saver, loopA, loopB, rssImporter] = importers as [Session, Session, Session, Session, Session];
  const targets = [...f.importTargets.slice(1)];
  const nextTarget = () => {
    const t = targets.shift();
    if (!t) throw new Error("out of import targets");
    return t;
  };
  // Each save gets students of its own while the written workbooks last, then they come round again.
  let booksUsed = 0;
  const nextBook = () => books.saves[booksUsed++ % books.saves.length] as Buffer;
  const dryUpload = importBody(books.dryRun, period);
  const floorImport = {
    url: floor.url,
    method: "POST" as const,
    path: "/floor/import",
    headers: { "content-type": "application/octet-stream" },
    body: books.dryRun,
  };
  const importOf = (session: Session, path: string, upload: ReturnType<typeof importBody>) =>
    ok(session, path, { method: "POST", headers: { "content-type": upload.contentType }, body: upload.body });
  const dryPath = `/api/overviews/${f.importTargets[0]}/import?dryRun=true`;
  const dryProbe = await importOf(dryRunner, dryPath, dryUpload);
  /** One import that saves, however long it takes (fetch gives up on answers after five minutes). */
  const saveOnce = (session: Session, overviewId: string, book: Buffer) => {
    const upload = importBody(book, period);
    return load(
      {
        url: app.url,
        method: "POST",
        path: `/api/overviews/${overviewId}/import`,
        headers: { ...headersOf(session), "content-type": upload.contentType },
        body: upload.body,
      },
      { connections: 1, amount: 1, timeoutSeconds: 3_600 },
    );
  };
  const dryApp = await load(
    {
      url: app.url,
      method: "POST",
      path: dryPath,
      headers: { ...headersOf(dryRunner), "content-type": dryUpload.contentType },
      body: dryUpload.body,
    },
    rounds,
  );
  measurements.push({
    group: "import",
    label: `import dry run, ${o.sizes.importRows.toLocaleString("en")} rows`,
    statements: dryProbe.queries,
    app: dryApp,
    floor: await load(floorImport, rounds),
  });
  const saveTarget: Target = {
    url: app.url,
    method: "POST",
    path: `/api/overviews/${f.importTargets[1]}/import`,
    headers: { ...headersOf(saver), "content-type": dryUpload.contentType },
    body: dryUpload.body,
    next: () => ({ path: `/api/overviews/${nextTarget()}/import`, body: importBody(nextBook(), period).body }),
  };
  measurements.push({
    group: "import",
    label: `import and save, ${o.sizes.importRows.toLocaleString("en")} rows`,
    statements: null,
    app: await load(saveTarget, rounds),
    floor: await load(floorImport, rounds),
  });
  c.log("imports measured");
  const exporter = await c.as(f.users.exporter);
  const exportPath = `/api/overviews/${f.exportOverview}/export`;
  const exportProbe = await ok(exporter, exportPath);
  measurements.push({
    group: "export",
    label: `export of a document with a ${o.sizes.largeSheet.toLocaleString("en")}-row sheet`,
    statements: exportProbe.queries,
    app: await load({ url: app.url, path: exportPath, headers: headersOf(exporter) }, rounds),
    floor: await load({ url: floor.url, path: "/floor/export" }, rounds),
  });
  c.log("export measured");

  // Opening a sheet, idle and then while two people import and save one workbook after another.
  const sheetTarget = {
    url: app.url,
    path: `/api/sheets/${f.sheets.medium}/rows`,
    headers: headersOf(await c.as(f.users.coordinator)),
  };
  const idle = await load(sheetTarget, o.window(8));
  let reading = true;
  let importsDone = 0;
  const loop = async (session: Session) => {
    while (reading) {
      await saveOnce(session, nextTarget(), nextBook());
      importsDone++;
    }
  };
  const loops = [loop(loopA), loop(loopB)];
  const busy = await load(sheetTarget, o.window(8)).finally(() => {
    reading = false;
  });
  await Promise.all(loops);
  c.log("reads during imports measured");

  const memory: Results["memory"] = { baseline: app.rss(), peaks: [] };
  for (const [rows, book] of [
    [o.sizes.importRows, books.rss],
    [o.sizes.largeImportRows, books.large],
  ] as const) {
    const { peak } = await peakRss(app, () => saveOnce(rssImporter, nextTarget(), book));
    memory.peaks.push({ rows, peak });
  }
  return { duringImports: { idle, busy, importsDone }, memory };
}
