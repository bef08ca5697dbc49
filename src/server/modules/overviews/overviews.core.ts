import type { Change, Problem, Row, RowField, Sheet } from "../../../contracts/overviews.ts";
import { normalizeEmail } from "../../../domain/contact.ts";
import { isIsoDate, todayInOslo } from "../../../domain/dates.ts";
import { deadlineOf, deadlineState } from "../../../domain/deadlines.ts";
import { validateNationalId } from "../../../domain/national-id.ts";
import { answeredValuesOf } from "../../../domain/placement-row/answer.ts";
import type { RowContext, Site } from "../../../domain/placement-row/context.ts";
import { duplicateProblems } from "../../../domain/placement-row/duplicates.ts";
import type { RowData } from "../../../domain/placement-row/fields.ts";
import { isError, rowProblems } from "../../../domain/placement-row/problems.ts";
import type { SheetKind } from "../../../domain/sheet-kind.ts";
import { registrationStateOf } from "../../../domain/statuses.ts";
import { type Actor, requirePolicy, seesWholeTrust } from "../../shared/actor.ts";
import { auditContext } from "../../shared/audit-context.ts";
import type { Clock } from "../../shared/clock.ts";
import type { DataCrypto } from "../../shared/crypto.ts";
import type { Db, DbOrTx } from "../../shared/database.ts";
import { columnName, writeAudit } from "../audit/audit.public.ts";
import type { Notifier } from "../notifications/notifications.usecases.ts";
import type { PersonLinks, PersonsUsecases } from "../persons/persons.usecases.ts";
import {
  createOverviewsRepository,
  type OverviewRecord,
  type PlacementRowRecord,
  type Scope,
  type SheetRecord,
} from "./overviews.repository.ts";
import type { rowChanges } from "./overviews.table.ts";
import type { Codec } from "./row-codec.ts";

export interface OverviewsDeps {
  db: Db;
  crypto: DataCrypto;
  clock: Clock;
  notifier: Notifier;
  persons: PersonsUsecases;
}

/** The persons module's links: a person belongs to an institution through their rows in its documents. */
export const overviewsPersonLinks: PersonLinks = {
  atInstitution: (tx, q) => createOverviewsRepository({ db: tx }).personAtInstitution(q),
  nationalIdAtInstitution: (tx, q) => createOverviewsRepository({ db: tx }).personAtInstitution(q),
  knownAtInstitution: (tx, q) => createOverviewsRepository({ db: tx }).personsKnownAtInstitution(q),
  institutionsOf: (tx, q) => createOverviewsRepository({ db: tx }).institutionsOfPersons(q),
  moveRows: (tx, q) => createOverviewsRepository({ db: tx }).movePersonRows(q),
};

/** Coordinators see their institutions; FOU (student_admin) and admins the whole trust; others 403. */
export function scopeOf(actor: Actor): Scope {
  const trustId = requirePolicy(actor, "overviews.read");
  return { trustId, institutionIds: seesWholeTrust(actor, "overviews.read") ? null : actor.institutionIds };
}

/** Whether the caller acts as the institution (coordinator) rather than as the trust (FOU, admin). */
export const actsAsInstitution = (actor: Actor) => !seesWholeTrust(actor, "overviews.read");

export interface TrustSettings {
  testMode: boolean;
  deadlineDays: number;
  dNumberNeedsManualUser: boolean;
}

export function contextOf(
  sheet: Pick<SheetRecord, "kind" | "startDate" | "endDate">,
  settings: TrustSettings,
  sites: Site[],
): RowContext {
  return {
    kind: sheet.kind as SheetKind,
    periodStart: sheet.startDate,
    periodEnd: sheet.endDate,
    testMode: settings.testMode,
    sites,
  };
}

/**
 * Problems of every row of a sheet, duplicates included (same order as `rows`); `rowNumbers` (an
 * import's rows in the file) name the other rows of a duplicate.
 */
export function sheetProblems(rows: RowData[], ctx: RowContext, rowNumbers?: number[]): Problem[][] {
  const dup = duplicateProblems(rows, ctx.testMode, rowNumbers);
  return rows.map((d, i) => {
    const duplicate = dup[i];
    return [...rowProblems(d, ctx), ...(duplicate ? [duplicate] : [])];
  });
}

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

/** Learning portal: international students without a fødselsnummer, D-number holders when the trust says so. */
function learningPortalStateOf(
  d: RowData,
  kind: SheetKind,
  settings: TrustSettings,
  personState: string | null,
): Row["learningPortalState"] {
  // Nobody is left to give a user in the learning portal.
  if (d.anonymised) return "not_needed";
  const kinds = [d.nationalId, d.dNumber]
    .filter(Boolean)
    .map((v) => validateNationalId(v, { testMode: settings.testMode }))
    .filter((r) => r.ok);
  const hasFnr = kinds.some((r) => r.ok && !r.dNumber);
  const hasDnr = kinds.some((r) => r.ok && r.dNumber);
  const needed = hasFnr ? false : hasDnr ? settings.dNumberNeedsManualUser : kind === "international";
  if (!needed) return "not_needed";
  return personState === "requested" || personState === "created" ? personState : "needed";
}

export interface LoadedRow {
  rec: PlacementRowRecord;
  data: RowData;
  hrTransferredAt: Date | null;
  learningPortalState: string | null;
}

/** Loads a sheet's rows in plain form; `forUpdate` locks them for the transaction. */
export async function loadRows(
  tx: DbOrTx,
  codec: Codec,
  sheetId: string,
  sites: Site[],
  opts: { forUpdate?: boolean } = {},
): Promise<LoadedRow[]> {
  const rows = await createOverviewsRepository({ db: tx }).rowsOfSheet(sheetId, opts);
  return rows.map((r) => ({
    rec: r.row,
    data: codec.toData(r.row, sites),
    hrTransferredAt: r.hrTransferredAt,
    learningPortalState: r.learningPortalState,
  }));
}

/** Stores each row's error count when it changed (for the sheet counts); returns the problems. */
export async function refreshErrorCounts(tx: DbOrTx, rows: LoadedRow[], ctx: RowContext) {
  const problems = sheetProblems(
    rows.map((r) => r.data),
    ctx,
  );
  const updates = rows
    .map((r, i) => ({ id: r.rec.id, errorCount: (problems[i] ?? []).filter(isError).length, old: r.rec.errorCount }))
    .filter((u) => u.errorCount !== u.old);
  await createOverviewsRepository({ db: tx }).setErrorCounts(updates);
  return problems;
}

/** The person a row of the institution refers to (SPEC §4, §7), matched or created through the persons module. */
export async function personFor(
  tx: DbOrTx,
  persons: PersonsUsecases,
  actor: Actor,
  institutionId: string,
  d: RowData,
  testMode: boolean,
): Promise<string | null> {
  const id = [d.nationalId, d.dNumber]
    .filter(Boolean)
    .map((v) => validateNationalId(v, { testMode }))
    .find((r) => r.ok);
  const person = await persons.matchOrCreate(
    actor,
    {
      institutionId,
      nationalId: id?.ok ? id.value : null,
      email: normalizeEmail(d.email).ok ? d.email : null,
      firstName: d.firstName,
      lastName: d.lastName,
      birthDate: isIsoDate(d.birthDate) ? d.birthDate : null,
    },
    { tx },
  );
  return person?.id ?? null;
}

/** Rows as the API shows them, with problems, latest changes and comments. */
export async function rowDtos(
  tx: DbOrTx,
  rows: LoadedRow[],
  problems: Problem[][],
  sheet: SheetRecord,
  settings: TrustSettings,
  onlyIds?: Set<string>,
): Promise<Row[]> {
  const repo = createOverviewsRepository({ db: tx });
  const wanted = rows.map((r, i) => ({ r, p: problems[i] ?? [] })).filter(({ r }) => !onlyIds || onlyIds.has(r.rec.id));
  const ids = wanted.map(({ r }) => r.rec.id);
  const [comments, changes] = await Promise.all([repo.commentsOf(ids), repo.changesOfRows(ids)]);
  // Grouped once by row: a sheet's rows are answered in one pass, not a scan of all changes per row.
  const latestByRow = new Map<string, Map<string, Change>>();
  for (const c of changes) {
    if (!c.change.rowId) continue;
    const latest = latestByRow.get(c.change.rowId) ?? new Map<string, Change>();
    latestByRow.set(c.change.rowId, latest);
    const key = c.change.field ?? c.change.kind;
    if (!latest.has(key)) latest.set(key, changeDto(c));
  }
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
      registrationState: registrationStateOf(
        r.rec.personId ? { registeredAt: null, hrTransferredAt: r.hrTransferredAt } : null,
      ),
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
    };
  });
}

/** A change to keep after submission (SPEC §3.2): shown in red, listed per document, announced. */
export interface ChangeEntry {
  sheetId: string;
  sheetName: string;
  rowId: string | null;
  /** "Etternavn, Fornavn" for the change list. */
  rowLabel: string | null;
  /** "Fornavn Etternavn" for the notification text. */
  personName: string | null;
  kind: Change["kind"];
  field: RowField | null;
  from: string | null;
  to: string | null;
}

/**
 * Keeps the changes and tells the other side, in the caller's transaction: a coordinator's changes
 * go to the agreement's FOU contacts, FOU's (and admins') to the institution's coordinators. They
 * are gathered per recipient and document (`notifier.gather`): one notification, rewritten as
 * changes arrive, and one e-mail listing every change from → to when the window closes.
 */
export async function recordChanges(
  tx: DbOrTx,
  deps: Pick<OverviewsDeps, "clock" | "notifier">,
  actor: Actor,
  overview: Pick<OverviewRecord, "id" | "trustId" | "institutionId" | "name">,
  entries: ChangeEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  const repo = createOverviewsRepository({ db: tx });
  const at = deps.clock.now();
  await repo.insertChanges(
    entries.map((e) => ({
      overviewId: overview.id,
      sheetId: e.sheetId,
      rowId: e.rowId,
      rowLabel: e.rowLabel,
      kind: e.kind,
      field: e.field,
      fromValue: e.from,
      toValue: e.to,
      actorId: actor.userId,
      at,
    })),
  );
  const recipients = (
    actsAsInstitution(actor)
      ? await repo.fouContactsOf(overview.trustId, overview.institutionId)
      : await repo.coordinatorsOf(overview.trustId, overview.institutionId)
  ).filter((id) => id !== actor.userId);
  if (recipients.length === 0) return;
  await deps.notifier.gather(tx, {
    trustId: overview.trustId,
    userIds: recipients,
    kind: "overview.changed",
    topic: overview.id,
    context: { overviewId: overview.id, document: overview.name },
    items: entries.map((e) => ({
      kind: e.kind,
      sheetId: e.sheetId,
      sheet: e.sheetName,
      rowId: e.rowId,
      name: e.personName ?? "",
      field: e.field,
      from: e.from,
      to: e.to,
    })),
  });
}

/** Audit rows for row changes: entity, id, action and the field names, never values. */
export async function auditRow(
  tx: DbOrTx,
  actor: Actor,
  institutionId: string,
  rowId: string,
  action: string,
  fields: string[],
): Promise<void> {
  await writeAudit(tx, auditContext(actor), {
    entity: "placement_row",
    entityId: rowId,
    action,
    fields: fields.map(columnName),
    institutionId,
  });
}
