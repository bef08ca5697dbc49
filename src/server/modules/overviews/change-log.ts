import type { Change, RowField } from "../../../contracts/overviews.ts";
import { rowLabel } from "../../../domain/placement-row/changes.ts";
import type { RowData } from "../../../domain/placement-row/fields.ts";
import type { Actor } from "../../shared/actor.ts";
import type { Clock } from "../../shared/clock.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { fouContactsOf } from "../institutions/institutions.public.ts";
import type { Notifier } from "../notifications/notifications.public.ts";
import { activeCoordinatorsOf } from "../users/users.public.ts";
import { actsAsInstitution } from "./access-scope.ts";
import type { OverviewRecord, SheetRecord } from "./overviews.repository.ts";
import { createRowsRepository } from "./rows.repository.ts";

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
 * What the overviews tell a module above them, in the saving transaction, of the changes they keep
 * after submission (the change log's entries: cells changed, rows removed, …): the orders module
 * makes the access follow the placement (wired in app.ts).
 */
export type RowsChanged = (
  tx: DbOrTx,
  actor: Actor,
  q: { trustId: string; institutionId: string; overviewId: string; entries: ChangeEntry[] },
) => Promise<void>;

type Document = Pick<OverviewRecord, "id" | "trustId" | "institutionId" | "name">;

export const personName = (d: Pick<RowData, "firstName" | "lastName">) =>
  [d.firstName, d.lastName].filter(Boolean).join(" ");

/** A change of a row of `sheet`, named by the row's values `d`. */
export const rowChange = (
  sheet: Pick<SheetRecord, "id" | "name">,
  rowId: string,
  d: RowData,
  e: Pick<ChangeEntry, "kind" | "field" | "from" | "to">,
): ChangeEntry => ({
  sheetId: sheet.id,
  sheetName: sheet.name,
  rowId,
  rowLabel: rowLabel(d),
  personName: personName(d),
  ...e,
});

/** A new sheet in a document that has a submitted sheet. */
export const sheetAdded = (sheet: Pick<SheetRecord, "id" | "name">): ChangeEntry => ({
  sheetId: sheet.id,
  sheetName: sheet.name,
  rowId: null,
  rowLabel: null,
  personName: null,
  kind: "sheet_added",
  field: null,
  from: null,
  to: sheet.name,
});

/**
 * Who hears of what the actor does in a document: a coordinator's changes and submissions go to
 * the agreement's FOU contacts (main and deputy), FOU's and admins' to the institution's active
 * coordinators; never the actor.
 */
export async function otherSideOf(tx: DbOrTx, actor: Actor, overview: Document): Promise<string[]> {
  const recipients = actsAsInstitution(actor)
    ? await fouContactsOf(tx, overview.trustId, overview.institutionId)
    : await activeCoordinatorsOf(tx, overview.trustId, overview.institutionId);
  return recipients.filter((id) => id !== actor.userId);
}

/**
 * The change log of documents: keeps the changes (one statement per part) and tells the other side
 * (`otherSideOf`), in the caller's transaction. They are gathered per recipient and document
 * (`notifier.gather`): one notification, rewritten as changes arrive, and one e-mail listing every
 * change from → to when the window closes. A module above hears of them first (`rowsChanged`).
 */
export function createChangeLog(deps: { clock: Clock; notifier: Notifier; rowsChanged?: RowsChanged }) {
  return {
    async record(tx: DbOrTx, actor: Actor, overview: Document, entries: ChangeEntry[]): Promise<void> {
      if (entries.length === 0) return;
      const at = deps.clock.now();
      await createRowsRepository({ db: tx }).insertChanges(
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
      await deps.rowsChanged?.(tx, actor, {
        trustId: overview.trustId,
        institutionId: overview.institutionId,
        overviewId: overview.id,
        entries,
      });
      const recipients = await otherSideOf(tx, actor, overview);
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
    },
  };
}
export type ChangeLog = ReturnType<typeof createChangeLog>;
