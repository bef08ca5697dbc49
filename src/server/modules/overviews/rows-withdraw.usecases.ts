import type { z } from "zod";
import type { withdrawRowBody } from "../../../contracts/deactivations.ts";
import type { Row } from "../../../contracts/overviews.ts";
import { formatDate } from "../../../domain/dates.ts";
import type { Actor } from "../../shared/actor.ts";
import { auditContext } from "../../shared/audit-context.ts";
import { maskFreeText } from "../../shared/free-text.ts";
import { writeAudit } from "../audit/audit.public.ts";
import { createChangeLog, rowChange } from "./change-log.ts";
import type { OverviewsDeps } from "./overviews.deps.ts";
import { rowDtos } from "./overviews.dtos.ts";
import { rowAnonymised, rowConflict } from "./overviews.errors.ts";
import type { PlacementRowRecord } from "./overviews.repository.ts";
import { createCodec } from "./row-codec.ts";
import { createRowsRepository } from "./rows.repository.ts";
import { rowWithdrawn, withdrawAfterEnd, withdrawBeforeStart, withdrawNotSubmitted } from "./rows-withdraw.errors.ts";
import { withRow } from "./sheet-context.ts";
import { loadRowsAround, refreshErrorCounts } from "./sheet-rows.ts";

/** A row that may be changed: not anonymised (409 `rows.anonymised`), not withdrawn (409 `rows.withdrawn`). */
export function assertEditable(row: Pick<PlacementRowRecord, "anonymisedAt" | "withdrawnOn">): void {
  if (row.anonymisedAt) throw rowAnonymised();
  if (row.withdrawnOn) throw rowWithdrawn(formatDate(row.withdrawnOn));
}

/**
 * Withdrawing a student from a placement (`POST /api/rows/{id}/withdraw`, `rows.withdraw`: a
 * coordinator of the row's institution, FOU of the trust): the row of a submitted sheet stays,
 * marked withdrawn from `date` with the reason (national IDs masked), and is read-only from then
 * on. The withdrawal is a change kept after submission (`row_withdrawn`): the other side is told,
 * and the orders module puts the row's access on the deactivation list from the date.
 */
export function createRowWithdrawal(deps: OverviewsDeps) {
  const { db, clock } = deps;
  const codec = createCodec(deps.crypto);
  const changeLog = createChangeLog(deps);
  return {
    async withdraw(actor: Actor, rowId: string, input: z.infer<typeof withdrawRowBody>) {
      const reason = maskFreeText("reason", input.reason);
      return db.transaction(async (tx) => {
        const c = await withRow(tx, actor, rowId, { lock: true, policy: "rows.withdraw" });
        const { row, sheet, overview, sites } = c;
        assertEditable(row);
        if (!sheet.submittedAt) throw withdrawNotSubmitted();
        const data = codec.toData(row, sites);
        if (data.startDate && input.date < data.startDate) throw withdrawBeforeStart(formatDate(data.startDate));
        if (data.endDate && input.date > data.endDate) throw withdrawAfterEnd(formatDate(data.endDate));
        const now = clock.now();
        const updated = await createRowsRepository({ db: tx }).updateRow(rowId, row.version, {
          withdrawnOn: input.date,
          withdrawnReason: reason.text,
          withdrawnBy: actor.userId,
          withdrawnAt: now,
          updatedAt: now,
        });
        if (!updated) throw rowConflict(null);
        await writeAudit(tx, auditContext(actor), {
          entity: "placement_row",
          entityId: rowId,
          action: "withdraw",
          fields: ["withdrawn_on", "withdrawn_reason"],
          institutionId: overview.institutionId,
        });
        await changeLog.record(tx, actor, overview, [
          rowChange(sheet, rowId, data, {
            kind: "row_withdrawn",
            field: null,
            from: null,
            to: `${formatDate(input.date)}: ${reason.text}`,
          }),
        ]);
        const around = await loadRowsAround(tx, { codec, crypto: deps.crypto }, sheet.id, c.ctx, {
          ids: [rowId],
          like: [],
        });
        const problems = await refreshErrorCounts(tx, around, c.ctx);
        const [shown] = await rowDtos(tx, around, problems, sheet, c.settings, { onlyIds: new Set([rowId]) });
        return { row: shown as Row, notices: reason.notices };
      });
    },
  };
}
