import type { z } from "zod";
import type {
  StatusImportReport,
  statusImportChangeSchema,
  statusImportProblemSchema,
} from "../../../contracts/orders.ts";
import { nextLineState, type OrderLineState, statesFor } from "../../../domain/order-lines.ts";
import { type Actor, requirePolicy } from "../../shared/actor.ts";
import { auditContext } from "../../shared/audit-context.ts";
import type { Clock } from "../../shared/clock.ts";
import type { DataCrypto } from "../../shared/crypto.ts";
import type { Db, Tx } from "../../shared/database.ts";
import type { Upload } from "../../shared/upload.ts";
import { type AuditEntry, writeAudits } from "../audit/audit.public.ts";
import type { ParsePool } from "../overviews/overviews.public.ts";
import { findTrust } from "../trusts/trusts.public.ts";
import { syncRowOrderStates } from "./row-order-states.ts";
import { createStatusImportRepository, type ReportLine } from "./status-import.repository.ts";
import { actionOfStatus, formatOf, type StatusRow, statusLayoutOf, statusRowsOf } from "./status-import-file.ts";
import { createUsernamesRepository } from "./usernames.repository.ts";

type Change = z.infer<typeof statusImportChangeSchema>;
type Problem = z.infer<typeof statusImportProblemSchema>;
type Action = "approve" | "implement" | "reject" | "mark_deactivated" | "mark_extended";

export interface StatusImportDeps {
  db: Db;
  crypto: DataCrypto;
  clock: Clock;
  /** Reads the file in a worker thread (the overviews' parse pool). */
  parsePool: ParsePool;
}

/** Ends a transaction that must not commit (a dry run, or nothing to apply): its report is kept. */
class RolledBack {
  constructor(readonly report: StatusImportReport) {}
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const key = (value: string) => value.normalize("NFC").toLowerCase().replace(/\s+/g, "");
/** A national ID's 11 digits (a spreadsheet that took it for a number may have dropped the leading zero). */
const nationalIdOf = (value: string) => {
  const digits = value.replace(/\D/g, "");
  return digits.length === 10 ? `0${digits}` : digits;
};

/** The audit fields each action changes (never a value). */
const auditFields: Record<Action, string[]> = {
  approve: ["status"],
  implement: ["status", "username"],
  reject: ["status", "reject_reason"],
  mark_deactivated: ["state", "deactivated_at"],
  mark_extended: ["state", "extension_done_at"],
};

/**
 * The ordering portal's status report (`POST /api/orders/status-import`, FOU's `orders.create`): each
 * row finds its line of the caller's trust (by line ID, or by the order's reference, the national
 * ID's keyed hash and the system's name) and takes the IT provider's action it names (approve,
 * implement with the username, reject with the reason) by `nextLineState`, recorded on the line as
 * the uploading FOU user's, audited as `order_line`/`import`. The report is made by the same code for
 * a dry run and a save, in a transaction that a dry run (or a file with nothing to apply) rolls back.
 */
export function createStatusImportUsecases(deps: StatusImportDeps) {
  const { db, crypto, clock } = deps;

  async function importRows(tx: Tx, actor: Actor, trustId: string, rows: StatusRow[]) {
    const repo = createStatusImportRepository({ db: tx });
    const problems: Problem[] = [];
    const problem = (rowNumber: number, code: Problem["code"], more: Partial<Problem> = {}) =>
      problems.push({ rowNumber, code, lineId: null, state: null, value: null, ...more });

    // Each row's action, and how it names its line.
    const wanted = rows.flatMap((row) => {
      const v = row.values;
      const action = actionOfStatus(v.status ?? "");
      if (!action) {
        problem(row.rowNumber, "unknown_status", { value: v.status ?? "" });
        return [];
      }
      const lineId = v.lineId && uuidPattern.test(v.lineId) ? v.lineId.toLowerCase() : null;
      const nationalId = v.nationalId ? nationalIdOf(v.nationalId) : "";
      return [
        {
          row,
          action,
          lineId,
          byIdAsked: Boolean(v.lineId),
          reference: v.reference ? v.reference.toLowerCase() : "",
          hash: nationalId ? crypto.hash(nationalId) : null,
          system: key(v.system ?? ""),
        },
      ];
    });
    const byId = new Map(
      (
        await repo.byIds(
          trustId,
          wanted.flatMap((w) => (w.lineId ? [w.lineId] : [])),
        )
      ).map((l) => [l.id, l]),
    );
    const byReference = wanted.filter((w) => !w.byIdAsked);
    const references = [...new Set(byReference.map((w) => w.reference).filter(Boolean))];
    const known = await repo.knownReferences(trustId, references);
    const referenced = await repo.byReferences(
      trustId,
      [...known],
      [...new Set(byReference.flatMap((w) => (w.hash ? [w.hash] : [])))],
    );
    const lineKey = (reference: string, hash: string, system: string) => `${reference}\u0000${hash}\u0000${system}`;
    const byKey = new Map<string, ReportLine>();
    for (const l of referenced) {
      if (l.nationalIdHash)
        byKey.set(lineKey((l.reference ?? "").toLowerCase(), l.nationalIdHash, key(l.systemName)), l);
    }

    // Rows with their lines; a line named by two rows is applied by neither.
    const found = wanted.flatMap((w) => {
      if (w.byIdAsked) {
        const line = w.lineId ? byId.get(w.lineId) : undefined;
        if (!line) {
          problem(w.row.rowNumber, "unknown_line", { value: w.row.values.lineId ?? null });
          return [];
        }
        return [{ ...w, line }];
      }
      if (!known.has(w.reference)) {
        problem(w.row.rowNumber, "unknown_reference", { value: w.row.values.reference ?? "" });
        return [];
      }
      const line = w.hash ? byKey.get(lineKey(w.reference, w.hash, w.system)) : undefined;
      if (!line) {
        problem(w.row.rowNumber, "unknown_line");
        return [];
      }
      return [{ ...w, line }];
    });
    const rowsPerLine = new Map<string, number>();
    for (const f of found) rowsPerLine.set(f.line.id, (rowsPerLine.get(f.line.id) ?? 0) + 1);
    const usernameOf = new Map<string, string>();
    const planned = found.flatMap((f) => {
      const { rowNumber } = f.row;
      const lineId = f.line.id;
      if ((rowsPerLine.get(lineId) ?? 0) > 1) {
        problem(rowNumber, "duplicate_line", { lineId });
        return [];
      }
      const username = f.action === "implement" ? f.row.values.username || null : null;
      const reason = f.action === "reject" ? f.row.values.reason || null : null;
      if (f.action === "implement" && !username) {
        problem(rowNumber, "username_missing", { lineId });
        return [];
      }
      if (f.action === "reject" && !reason) {
        problem(rowNumber, "reason_missing", { lineId });
        return [];
      }
      const to = nextLineState(f.line.state, f.action);
      if (!to) {
        problem(rowNumber, "not_applicable", { lineId, state: f.line.state });
        return [];
      }
      if (username && f.line.nationalIdHash) usernameOf.set(f.line.nationalIdHash, username);
      return [{ ...f, to, username, reason }];
    });

    // The moves, one statement per action; a line moved meanwhile is reported where it is.
    const at = clock.now();
    const moved = new Set<string>();
    for (const action of ["approve", "implement", "reject", "mark_deactivated", "mark_extended"] as const) {
      const these = planned.filter((p) => p.action === action);
      const to = these[0]?.to as OrderLineState;
      if (these.length === 0) continue;
      const ids = await repo.move(
        these.map((p) => ({ id: p.line.id, username: p.username, reason: p.reason })),
        { action, from: statesFor(action), to, by: actor.userId, at },
      );
      for (const id of ids) moved.add(id);
    }
    const changes: Change[] = [];
    for (const p of planned) {
      if (!moved.has(p.line.id)) {
        problem(p.row.rowNumber, "not_applicable", { lineId: p.line.id, state: p.line.state });
        continue;
      }
      changes.push({
        rowNumber: p.row.rowNumber,
        lineId: p.line.id,
        lastName: p.line.lastName,
        firstName: p.line.firstName,
        system: p.line.systemName,
        reference: p.line.reference,
        from: p.line.state,
        to: p.to,
        username: p.username,
      });
    }
    const applied = planned.filter((p) => moved.has(p.line.id));
    await createUsernamesRepository({ db: tx }).record(
      [...usernameOf].map(([nationalIdHash, username]) => ({ nationalIdHash, username })),
      actor.userId,
      at,
    );
    await writeAudits(
      tx,
      auditContext(actor),
      applied.map(
        (p): AuditEntry => ({
          entity: "order_line",
          entityId: p.line.id,
          action: "import",
          fields: auditFields[p.action],
          institutionId: p.line.institutionId,
        }),
      ),
    );
    await syncRowOrderStates(tx, [...new Set(applied.map((p) => p.line.rowId))]);
    problems.sort((a, b) => a.rowNumber - b.rowNumber);
    return { changes, problems };
  }

  return {
    /** 403 before the upload is read, for a caller who may not upload it. */
    check(actor: Actor): void {
      requirePolicy(actor, "orders.create");
    },

    /**
     * Reads the upload (in a parse worker, with the upload limits), maps its columns by the trust's
     * `portalStatusColumns` (a missing one: 400 `status_import.column_missing`) and reports each
     * row; saves only when asked and something applies.
     */
    async importFile(actor: Actor, input: { upload: Upload; dryRun: boolean }): Promise<StatusImportReport> {
      const trustId = requirePolicy(actor, "orders.create");
      const trust = await findTrust(db, trustId);
      if (!trust) throw new Error("The caller's trust is gone");
      const table = await deps.parsePool.readTable(input.upload.file, formatOf(input.upload));
      const layout = statusLayoutOf(table, trust.portalStatusColumns);
      const rows = statusRowsOf(table, layout);
      try {
        return await db.transaction(async (tx) => {
          const { changes, problems } = await importRows(tx, actor, trustId, rows);
          const report: StatusImportReport = {
            dryRun: input.dryRun,
            saved: false,
            rowsRead: rows.length,
            changes,
            problems,
            missingColumns: layout.missing,
          };
          if (input.dryRun || changes.length === 0) throw new RolledBack(report);
          return { ...report, saved: true };
        });
      } catch (error) {
        if (error instanceof RolledBack) return error.report;
        throw error;
      }
    },
  };
}
export type StatusImportUsecases = ReturnType<typeof createStatusImportUsecases>;
