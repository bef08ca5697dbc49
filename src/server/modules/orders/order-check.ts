import type { z } from "zod";
import type { createOrderBody, OrderReason, OrderRowCheck } from "../../../contracts/orders.ts";
import { resolveAccessProfile } from "../../../domain/access-profile.ts";
import { type ChangedLine, planChangeLines } from "../../../domain/change-orders.ts";
import { daysBetween, todayInOslo } from "../../../domain/dates.ts";
import type { LineChange } from "../../../domain/line-changes.ts";
import type { Clock } from "../../shared/clock.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { programmesOfInstitution } from "../catalog/catalog.public.ts";
import { currentProfilesOf } from "../clinical-systems/clinical-systems.public.ts";
import { findTrust } from "../trusts/trusts.public.ts";
import { createChangeOrdersRepository } from "./change-orders.repository.ts";
import { createOrderCheckRepository } from "./order-check.repository.ts";
import { orderSheetNotFound, sheetNotSubmitted, unknownRows } from "./orders.errors.ts";
import type { NewOrderLine } from "./orders.repository.ts";

const groupBy = <T>(items: readonly T[], key: (t: T) => string) => {
  const out = new Map<string, T[]>();
  for (const item of items) out.set(key(item), [...(out.get(key(item)) ?? []), item]);
  return out;
};

/**
 * Every row asked for, checked: refused (never ordered until fixed), warned about (FOU accepts),
 * ready, or — a row whose lines changed after its order — a change (`planChangeLines`: its changed
 * systems as `changed` lines, a new programme's other systems as `new`), with the systems and roles
 * it is ordered with. A constant number of statements whatever the number of rows.
 */
export async function checkOrderRows(tx: DbOrTx, clock: Clock, trustId: string, body: z.infer<typeof createOrderBody>) {
  const r = createOrderCheckRepository({ db: tx });
  const sheet = await r.findSheet(trustId, body.sheetId);
  if (!sheet) throw orderSheetNotFound();
  if (!sheet.submittedAt) throw sheetNotSubmitted();
  const rowIds = [...new Set(body.rowIds)];
  const rows = await r.rowsToOrder(sheet.sheetId, rowIds);
  if (rows.length < rowIds.length) {
    const found = new Set(rows.map((row) => row.rowId));
    throw unknownRows(rowIds.filter((id) => !found.has(id)));
  }
  const trust = await findTrust(tx, trustId);
  const programmes = await programmesOfInstitution(tx, { trustId, institutionId: sheet.institutionId });
  const profiles = await currentProfilesOf(tx, trustId);
  const held = groupBy(await r.liveLinesOf(rowIds), (l) => l.rowId);
  const changedOf = groupBy(await createChangeOrdersRepository({ db: tx }).changedLinesOf(rowIds), (l) => l.rowId);
  const leadDays = trust?.orderLeadDays ?? 14;
  const today = todayInOslo(clock.now());
  const systemNames = new Map(profiles.flatMap((p) => p.items.map((i) => [i.systemId, i.systemName] as const)));
  const lines: Omit<NewOrderLine, "orderId">[] = [];
  const checks: OrderRowCheck[] = rows.map((row) => {
    const start = row.startDate ?? sheet.startDate;
    const end = row.endDate ?? sheet.endDate;
    const refused: OrderReason[] = [];
    const warnings: OrderReason[] = [];
    const heldSystems = new Set((held.get(row.rowId) ?? []).map((l) => l.systemId));
    const changed: ChangedLine[] = (changedOf.get(row.rowId) ?? [])
      .filter((l) => !heldSystems.has(l.systemId))
      .map((l) => ({ id: l.id, systemId: l.systemId, changes: (l.changes ?? []) as LineChange[] }));
    const isChange = changed.length > 0;
    if (row.rowAnonymisedAt || row.personAnonymisedAt) refused.push({ code: "anonymised" });
    else if (!row.personId) refused.push({ code: "no_person" });
    if (row.withdrawnOn) refused.push({ code: "withdrawn" });
    if (row.errorCount > 0) refused.push({ code: "row_errors" });
    if (row.personId && !row.personAnonymisedAt && !row.hrTransferredAt) refused.push({ code: "not_in_hr" });
    const resolution = resolveAccessProfile({
      documentProgrammeId: sheet.programmeId,
      studyProgramme: row.studyProgramme,
      period: { start, end },
      programmes,
      profiles,
      exceptions: [],
    });
    let items = resolution.ok ? resolution.items : [];
    if (!resolution.ok) {
      refused.push(
        resolution.reason === "unknown_programme"
          ? { code: "unknown_programme", programme: resolution.studyProgramme }
          : { code: "no_profile" },
      );
    } else {
      items = items.filter((item) => !heldSystems.has(item.systemId));
      if (items.length === 0) refused.push({ code: "already_ordered" });
    }
    const plan = planChangeLines(items, isChange ? changed : []);
    // A change is ordered whatever its lead time: the student has (or is getting) access already.
    if (!isChange) {
      const days = daysBetween(today, start);
      if (days < leadDays) warnings.push({ code: "lead_time", days });
      if (row.personId && !row.emailConfirmedAt) warnings.push({ code: "email_unconfirmed" });
    }
    const outcome = refused.length > 0 ? "refused" : isChange ? "change" : warnings.length > 0 ? "warning" : "ready";
    if (outcome !== "refused" && resolution.ok && row.personId) {
      for (const planned of plan.lines) {
        lines.push({
          trustId,
          institutionId: sheet.institutionId,
          sheetId: sheet.sheetId,
          rowId: row.rowId,
          personId: row.personId,
          systemId: planned.item.systemId,
          role: planned.item.role,
          profileVersionId: resolution.profileVersionId,
          exceptionId: planned.item.exceptionId,
          validFrom: start,
          validTo: end,
          acceptedWarnings: warnings.map((w) => w.code),
          changeType: planned.changeType,
          replacesLineId: planned.replacesLineId,
          changes: isChange ? planned.changes : null,
        });
      }
    }
    return {
      rowId: row.rowId,
      name: `${row.firstName} ${row.lastName}`.trim(),
      startDate: start,
      endDate: end,
      outcome,
      reasons: [...refused, ...warnings],
      systems: plan.lines.map((p) => ({
        systemId: p.item.systemId,
        systemName: systemNames.get(p.item.systemId) ?? "",
        role: p.item.role,
        changeType: p.changeType,
      })),
      changes: isChange ? plan.changes : [],
    } satisfies OrderRowCheck;
  });
  const counts = { ready: 0, warning: 0, refused: 0, change: 0 };
  for (const c of checks) counts[c.outcome]++;
  return { sheet, checks, counts, lines };
}
