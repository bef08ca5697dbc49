import type { z } from "zod";
import {
  defaultHrTransferColumns,
  type HrTransferColumn,
  type hrTransferExportBody,
  type hrTransferExportsQuery,
  type hrTransferMarkBody,
  type hrTransferReadyQuery,
} from "../../../contracts/hr-transfer.ts";
import type { Language } from "../../../contracts/vocabulary.ts";
import { todayInOslo } from "../../../domain/dates.ts";
import { type Actor, requirePolicy } from "../../shared/actor.ts";
import { auditContext } from "../../shared/audit-context.ts";
import type { Clock } from "../../shared/clock.ts";
import type { DataCrypto } from "../../shared/crypto.ts";
import type { Db } from "../../shared/database.ts";
import { norwegianDate } from "../../shared/table-file.ts";
import { writeAudit, writeAudits } from "../audit/audit.public.ts";
import type { Notifier } from "../notifications/notifications.public.ts";
import { markTransferredToHr, nationalIdPlace } from "../persons/persons.public.ts";
import { findTrust } from "../trusts/trusts.public.ts";
import { activeCoordinatorsOf } from "../users/users.public.ts";
import { createHrTransferRepository } from "./hr-transfer.repository.ts";
import { type HrTransferLine, writeHrTransferFile } from "./hr-transfer-file.ts";
import { registrationNationalIdPlace } from "./registration-dtos.ts";
import { hrTransferExportNotFound, hrTransferNotReady } from "./registrations-staff.errors.ts";

export interface HrTransferDeps {
  db: Db;
  crypto: DataCrypto;
  clock: Clock;
  notifier: Notifier;
}

const contentTypes = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
} as const;

/** What the coordinators are told when their students are transferred (no names, no national IDs). */
const transferredTexts = (count: number): Record<Language, string> => ({
  nb: `${count} ${count === 1 ? "student" : "studenter"} fra din institusjon er overført til HR-systemet`,
  nn: `${count} ${count === 1 ? "student" : "studentar"} frå institusjonen din er overført til HR-systemet`,
  en: `${count} ${count === 1 ? "student" : "students"} of your institution have been transferred to the HR system`,
});

/**
 * FOU's HR transfer (SPEC §3.1): the persons ready, the file for the HR system (it holds national
 * IDs, so each export is audited), and marking an export's persons transferred.
 */
export function createHrTransferUsecases({ db, crypto, clock, notifier }: HrTransferDeps) {
  const repo = createHrTransferRepository({ db });

  return {
    ready(actor: Actor, q: z.infer<typeof hrTransferReadyQuery>) {
      const trustId = requirePolicy(actor, "hrTransfer.manage");
      return repo.ready(trustId, todayInOslo(clock.now()), q);
    },

    exports(actor: Actor, q: z.infer<typeof hrTransferExportsQuery>) {
      const trustId = requirePolicy(actor, "hrTransfer.manage");
      return repo.exports(trustId, q.limit, q.offset);
    },

    /** The file of these persons, every one ready, in the trust's column order; stored as an export. */
    async export(actor: Actor, body: z.infer<typeof hrTransferExportBody>) {
      const trustId = requirePolicy(actor, "hrTransfer.manage");
      const personIds = [...new Set(body.personIds)];
      const today = todayInOslo(clock.now());
      return db.transaction(async (tx) => {
        const r = createHrTransferRepository({ db: tx });
        const ready = await r.ready(trustId, today, { personIds, sort: "name", dir: "asc" });
        const readyIds = new Set(ready.items.map((p) => p.personId));
        const notReady = personIds.filter((id) => !readyIds.has(id));
        if (notReady.length > 0) throw hrTransferNotReady(notReady);
        const columns = ((await findTrust(tx, trustId))?.hrTransferColumns ??
          defaultHrTransferColumns) as HrTransferColumn[];
        const lines = (await r.fileLines(trustId, personIds, today)).map(
          ({ person, registration, institutionName, placement }): HrTransferLine => {
            const nationalId = person.nationalIdEnc
              ? crypto.decrypt(person.nationalIdEnc, nationalIdPlace(person.id))
              : registration.nationalIdEnc
                ? crypto.decrypt(registration.nationalIdEnc, registrationNationalIdPlace(registration.id))
                : "";
            return {
              lastName: person.lastName,
              firstName: person.firstName,
              nationalId,
              birthDate: norwegianDate(person.birthDate ?? registration.birthDate),
              email: registration.email,
              mobile: registration.mobile ?? person.mobile ?? "",
              earlierUsername: registration.earlierUsername ?? "",
              institution: institutionName,
              programme: placement?.programme ?? "",
              placementStart: norwegianDate(placement?.startDate ?? null),
              placementEnd: norwegianDate(placement?.endDate ?? null),
              placementSite: placement?.site ?? "",
            };
          },
        );
        const created = await r.createExport({
          trustId,
          format: body.format,
          createdBy: actor.userId,
          createdAt: clock.now(),
          personIds,
        });
        await writeAudit(tx, auditContext(actor), {
          entity: "hr_transfer_export",
          entityId: created.id,
          action: "export",
          fields: columns,
        });
        return {
          exportId: created.id,
          fileName: `HR-overføring ${today}.${body.format}`,
          contentType: contentTypes[body.format],
          buffer: await writeHrTransferFile(body.format, columns, lines),
        };
      });
    },

    /**
     * Marks the export's persons transferred (their Registrert cells turn green in every sheet) and
     * tells the coordinators of their institutions. A person already transferred is not marked again.
     */
    async mark(actor: Actor, body: z.infer<typeof hrTransferMarkBody>) {
      const trustId = requirePolicy(actor, "hrTransfer.manage");
      return db.transaction(async (tx) => {
        const r = createHrTransferRepository({ db: tx });
        const found = await r.findExport(trustId, body.exportId);
        if (!found) throw hrTransferExportNotFound();
        const now = clock.now();
        const marked = await markTransferredToHr(tx, trustId, found.personIds, now);
        const ctx = auditContext(actor);
        if (!found.markedAt) {
          await r.markExport(found.id, now, actor.userId);
          await writeAudit(tx, ctx, {
            entity: "hr_transfer_export",
            entityId: found.id,
            action: "update",
            fields: ["marked_at"],
          });
        }
        if (marked.length === 0) return { marked: 0 };
        await writeAudits(
          tx,
          ctx,
          marked.map((id) => ({
            entity: "person" as const,
            entityId: id,
            action: "update",
            fields: ["hr_transferred_at"],
          })),
        );
        for (const { institutionId, persons } of await r.institutionsOf(trustId, marked)) {
          await notifier.notify(tx, {
            trustId,
            userIds: await activeCoordinatorsOf(tx, trustId, institutionId),
            kind: "registration.hr_transferred",
            link: "/oversikter",
            texts: transferredTexts(persons),
          });
        }
        return { marked: marked.length };
      });
    },
  };
}
export type HrTransferUsecases = ReturnType<typeof createHrTransferUsecases>;
