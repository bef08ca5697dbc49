import type { Change, Problem, Row, RowField, Sheet } from "../../../contracts/overviews.ts";
import { todayInOslo } from "../../../domain/dates.ts";
import { deadlineOf, deadlineState } from "../../../domain/deadlines.ts";
import { learningPortalStateOf } from "../../../domain/learning-portal.ts";
import { answeredValuesOf } from "../../../domain/placement-row/answer.ts";
import type { SheetKind } from "../../../domain/sheet-kind.ts";
import { registrationStateOf } from "../../../domain/statuses.ts";
import type { DbOrTx } from "../../shared/database.ts";
import type { TrustSettings } from "../trusts/trusts.public.ts";
import { userNamesOf } from "../users/users.public.ts";
import type { SheetRecord } from "./overviews.repository.ts";
import type { rowChanges } from "./overviews.table.ts";
import { createRowsRepository } from "./rows.repository.ts";
import type { LoadedRow } from "./sheet-rows.ts";

/** Sheets, changes and rows as the API shows them. */
export function sheetDto(
  rec: SheetRecord,
  extra: {
    deadlineDays: number;
    now: Date;
    submittedByName: string | null;
    counts?: { rows: number; problems: number; registered: number; ordered: number };
  },
): Sheet {
  const submittedOn = rec.submittedAt ? todayInOslo(rec.submittedAt) : null;
  return {
    id: rec.id,
    overviewId: rec.overviewId,
    kind: rec.kind as SheetKind,
    name: rec.name,
    startDate: rec.startDate,
    endDate: rec.endDate,
    deadline: deadlineOf(rec.startDate, extra.deadlineDays),
    deadlineState: rec.submittedAt
      ? rec.submittedLate
        ? "submitted_late"
        : "submitted"
      : deadlineState({
          today: todayInOslo(extra.now),
          periodStart: rec.startDate,
          deadlineDays: extra.deadlineDays,
          submittedOn,
        }),
    submittedAt: rec.submittedAt?.toISOString() ?? null,
    submittedBy: rec.submittedBy ? { id: rec.submittedBy, name: extra.submittedByName ?? "" } : null,
    rowCount: extra.counts?.rows ?? 0,
    problemRowCount: extra.counts?.problems ?? 0,
    registeredCount: extra.counts?.registered ?? 0,
    orderedCount: extra.counts?.ordered ?? 0,
    position: rec.position,
  };
}

type ChangeJoin = { change: typeof rowChanges.$inferSelect; actorName: string; sheetName: string };

export function changeDto(c: ChangeJoin): Change {
  return {
    id: c.change.id,
    sheetId: c.change.sheetId,
    sheetName: c.sheetName,
    rowId: c.change.rowId,
    rowLabel: c.change.rowLabel,
    kind: c.change.kind as Change["kind"],
    field: (c.change.field as RowField | null) ?? null,
    from: c.change.fromValue,
    to: c.change.toValue,
    by: { id: c.change.actorId, name: c.actorName },
    at: c.change.at.toISOString(),
  };
}

/** Rows as the API shows them, with problems, latest changes and comments; `rows` is the whole sheet unless `onlyIds`. */
export async function rowDtos(
  tx: DbOrTx,
  rows: LoadedRow[],
  problems: Problem[][],
  sheet: SheetRecord,
  settings: Pick<TrustSettings, "testMode" | "dNumberNeedsManualUser">,
  opts: {
    onlyIds?: Set<string>;
    /** The rows' changes when the caller has read them already (the export), so they are read once. */
    changes?: Awaited<ReturnType<ReturnType<typeof createRowsRepository>["changesOfRows"]>>;
  } = {},
): Promise<Row[]> {
  const { onlyIds } = opts;
  const repo = createRowsRepository({ db: tx });
  const wanted = rows.map((r, i) => ({ r, p: problems[i] ?? [] })).filter(({ r }) => !onlyIds || onlyIds.has(r.rec.id));
  const ids = wanted.map(({ r }) => r.rec.id);
  // The whole sheet (no `onlyIds`) is read by the sheet's indexes; a few rows by their ids.
  const comments = onlyIds ? await repo.commentsOf(ids) : await repo.commentsOfSheet(sheet.id);
  const changes = opts.changes ?? (onlyIds ? await repo.changesOfRows(ids) : await repo.changesOfSheet(sheet.id));
  // Grouped once by row: a sheet's rows are answered in one pass, not a scan of all changes per row.
  const latestByRow = new Map<string, Map<string, Change>>();
  for (const c of changes) {
    if (!c.change.rowId) continue;
    const latest = latestByRow.get(c.change.rowId) ?? new Map<string, Change>();
    latestByRow.set(c.change.rowId, latest);
    const key = c.change.field ?? c.change.kind;
    if (!latest.has(key)) latest.set(key, changeDto(c));
  }
  const withdrawers = await userNamesOf(tx, [
    ...new Set(wanted.flatMap(({ r }) => (r.rec.withdrawnBy ? [r.rec.withdrawnBy] : []))),
  ]);
  const commentsByRow = new Map<string, (typeof comments)[number][]>();
  for (const c of comments) {
    const list = commentsByRow.get(c.comment.rowId);
    if (list) list.push(c);
    else commentsByRow.set(c.comment.rowId, [c]);
  }
  return wanted.map(({ r, p }) => {
    const d = r.data;
    return {
      id: r.rec.id,
      sheetId: r.rec.sheetId,
      version: r.rec.version,
      position: r.rec.position,
      personId: r.rec.personId,
      ...answeredValuesOf(d),
      registrationState: registrationStateOf(r.rec.personId ? r : null),
      orderState: r.rec.orderState as Row["orderState"],
      learningPortalState: learningPortalStateOf(d, sheet.kind as SheetKind, settings, r.learningPortalState),
      problems: p,
      changes: [...(latestByRow.get(r.rec.id)?.values() ?? [])],
      comments: (commentsByRow.get(r.rec.id) ?? []).map((c) => ({
        id: c.comment.id,
        body: c.comment.body,
        author: { id: c.comment.authorId, name: c.authorName },
        at: c.comment.createdAt.toISOString(),
      })),
      addedAfterSubmission: r.rec.addedAfterSubmission,
      anonymisedAt: r.rec.anonymisedAt?.toISOString() ?? null,
      withdrawn: r.rec.withdrawnOn
        ? {
            on: r.rec.withdrawnOn,
            reason: r.rec.withdrawnReason ?? "",
            by: r.rec.withdrawnBy ? { id: r.rec.withdrawnBy, name: withdrawers.get(r.rec.withdrawnBy) ?? "" } : null,
            at: r.rec.withdrawnAt?.toISOString() ?? "",
          }
        : null,
      extendedFrom: r.rec.endDateBeforeExtension,
    };
  });
}
