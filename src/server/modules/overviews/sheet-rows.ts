import type { Problem } from "../../../contracts/overviews.ts";
import { validateNationalId } from "../../../domain/national-id.ts";
import type { RowContext, Site } from "../../../domain/placement-row/context.ts";
import { duplicateProblems, identityKey } from "../../../domain/placement-row/duplicates.ts";
import type { RowData } from "../../../domain/placement-row/fields.ts";
import { isError, rowProblems } from "../../../domain/placement-row/problems.ts";
import type { SheetKind } from "../../../domain/sheet-kind.ts";
import { normalizeName } from "../../../domain/similarity.ts";
import type { DataCrypto } from "../../shared/crypto.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { mapInSlices } from "../../shared/slices.ts";
import type { TrustSettings } from "../trusts/trusts.public.ts";
import type { PlacementRowRecord, SheetRecord } from "./overviews.repository.ts";
import type { Codec } from "./row-codec.ts";
import { createRowsRepository } from "./rows.repository.ts";

export interface LoadedRow {
  rec: PlacementRowRecord;
  data: RowData;
  registeredAt: Date | null;
  hrTransferredAt: Date | null;
  learningPortalState: string | null;
}

export function contextOf(
  sheet: Pick<SheetRecord, "kind" | "startDate" | "endDate">,
  settings: Pick<TrustSettings, "testMode"> & Partial<Pick<TrustSettings, "extensionMaxDays">>,
  sites: Site[],
): RowContext {
  return {
    ...(settings.extensionMaxDays !== undefined ? { extensionMaxDays: settings.extensionMaxDays } : {}),
    kind: sheet.kind as SheetKind,
    periodStart: sheet.startDate,
    periodEnd: sheet.endDate,
    testMode: settings.testMode,
    sites,
  };
}

/**
 * Problems of every row of a sheet, duplicates included (same order as `rows`); `rowNumbers` (an
 * import's rows in the file) name the other rows of a duplicate. In slices: an import checks 2,000.
 */
export async function sheetProblems(rows: RowData[], ctx: RowContext, rowNumbers?: number[]): Promise<Problem[][]> {
  const dup = duplicateProblems(rows, ctx.testMode, rowNumbers);
  return mapInSlices(rows, (d, i) => {
    const duplicate = dup[i];
    return [...rowProblems(d, ctx), ...(duplicate ? [duplicate] : [])];
  });
}

type StoredRow = Awaited<ReturnType<ReturnType<typeof createRowsRepository>["rowsOfSheet"]>>[number];

/** Rows in plain form with their persons' registration (in slices: an import may load 2,000). */
const decrypted = (codec: Codec, rows: StoredRow[], sites: Site[]): Promise<LoadedRow[]> =>
  mapInSlices(rows, (r) => ({
    rec: r.row,
    data: codec.toData(r.row, sites),
    registeredAt: r.registeredAt,
    hrTransferredAt: r.hrTransferredAt,
    learningPortalState: r.learningPortalState,
  }));

/** Loads a sheet's rows in plain form; `forUpdate` locks them for the transaction. */
export async function loadRows(
  tx: DbOrTx,
  codec: Codec,
  sheetId: string,
  sites: Site[],
  opts: { forUpdate?: boolean } = {},
): Promise<LoadedRow[]> {
  return decrypted(codec, await createRowsRepository({ db: tx }).rowsOfSheet(sheetId, opts), sites);
}

/**
 * The rows `ids` of a sheet and every row that may be the same student as one of them or as one of
 * `like` (a row's values before a change, or a removed row), in plain form. Only these are decrypted:
 * the other rows' plain columns and national ID hashes already show they are someone else. A row's
 * duplicate check needs exactly the rows with its identity, so their problems come out right.
 */
export async function loadRowsAround(
  tx: DbOrTx,
  deps: { codec: Codec; crypto: DataCrypto },
  sheetId: string,
  ctx: RowContext,
  around: { ids: string[]; like: RowData[] },
): Promise<LoadedRow[]> {
  const stored = await createRowsRepository({ db: tx }).rowsOfSheet(sheetId);
  const recs = stored.map((r) => r.row);
  const wanted = new Set(around.ids);
  const targets = recs.filter((r) => wanted.has(r.id)).map((rec) => deps.codec.toData(rec, ctx.sites));
  const keys = [...targets, ...around.like].flatMap((d) => {
    const id = identityKey(d, ctx.testMode);
    return id ? [id] : [];
  });
  const hashes = new Set<string>();
  const emails = new Set<string>();
  const names = new Set<string>();
  for (const d of [...targets, ...around.like]) {
    const id = identityKey(d, ctx.testMode);
    if (!id) continue;
    if (id.kind === "national_id") {
      const raw = id.key.slice("id:".length);
      const valid = validateNationalId(raw, { testMode: ctx.testMode });
      if (valid.ok) hashes.add(deps.crypto.hash(valid.value));
    } else if (id.kind === "email") emails.add(d.email);
    else names.add(id.key);
  }
  const nameOf = (r: PlacementRowRecord) =>
    `name:${normalizeName(r.lastName)}|${normalizeName(r.firstName)}|${r.birthDate ?? ""}`;
  const hasIdKey = keys.some((k) => k.kind === "national_id");
  const mayBeSame = (r: PlacementRowRecord) =>
    wanted.has(r.id) ||
    (r.anonymisedAt === null &&
      ((hasIdKey &&
        (r.dNumberEnc !== null ||
          (r.nationalIdEnc !== null && (r.nationalIdHash === null || hashes.has(r.nationalIdHash))))) ||
        emails.has(r.email) ||
        names.has(nameOf(r))));
  const keySet = new Set(keys.map((k) => k.key));
  return (
    await decrypted(
      deps.codec,
      stored.filter((r) => mayBeSame(r.row)),
      ctx.sites,
    )
  ).filter((r) => {
    if (wanted.has(r.rec.id)) return true;
    const id = identityKey(r.data, ctx.testMode);
    return id !== null && keySet.has(id.key);
  });
}

/**
 * Stores each row's error count when it changed (for the sheet counts), one statement for all;
 * returns the problems. `rows` is a whole sheet, or `loadRowsAround`'s rows.
 */
export async function refreshErrorCounts(tx: DbOrTx, rows: LoadedRow[], ctx: RowContext) {
  const problems = await sheetProblems(
    rows.map((r) => r.data),
    ctx,
  );
  const updates = rows
    .map((r, i) => ({ id: r.rec.id, errorCount: (problems[i] ?? []).filter(isError).length, old: r.rec.errorCount }))
    .filter((u) => u.errorCount !== u.old);
  await createRowsRepository({ db: tx }).setErrorCounts(updates);
  return problems;
}
