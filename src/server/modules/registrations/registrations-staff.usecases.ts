import type { z } from "zod";
import type {
  MatchingView,
  matchingQuery,
  matchRegistrationBody,
  missingStudentsQuery,
  registrationsQuery,
} from "../../../contracts/registrations.ts";
import { nameSimilarity } from "../../../domain/similarity.ts";
import { type Actor, requirePolicy, seesWholeTrust } from "../../shared/actor.ts";
import { auditContext } from "../../shared/audit-context.ts";
import type { Clock } from "../../shared/clock.ts";
import type { DataCrypto } from "../../shared/crypto.ts";
import type { Db, DbOrTx } from "../../shared/database.ts";
import { writeAudit } from "../audit/audit.public.ts";
import { findPersonOfTrust } from "../persons/persons.public.ts";
import { syncRegistered } from "./person-registered.ts";
import { registrationDto } from "./registration-dtos.ts";
import {
  campaignNotFound,
  matchPersonNotFound,
  matchRowNotFound,
  nothingToConfirm,
  notMatched,
  registrationNotFound,
  rowWithoutPerson,
} from "./registrations-staff.errors.ts";
import {
  type CampaignScope,
  createStaffRegistrationsRepository,
  type RegistrationRow,
} from "./registrations-staff.repository.ts";

export interface StaffRegistrationsDeps {
  db: Db;
  crypto: DataCrypto;
  clock: Clock;
}

/** The campaigns the caller sees under `policy`: the trust's, or their institutions'. */
export function campaignScopeOf(actor: Actor, policy: "campaigns.read" | "registrations.match"): CampaignScope {
  const trustId = requirePolicy(actor, policy);
  return { trustId, institutionIds: seesWholeTrust(actor, policy) ? null : actor.institutionIds };
}

/** FOU's and the coordinators' side of registration: lists, manual matching, FOU's confirmation. */
export function createStaffRegistrationsUsecases({ db, crypto, clock }: StaffRegistrationsDeps) {
  const repo = createStaffRegistrationsRepository({ db });
  const dto = (row: RegistrationRow) => registrationDto(crypto, row);

  /** Runs `change` on a locked registration of the trust, then brings its persons' Registrert in line. */
  async function changeRegistration(
    actor: Actor,
    id: string,
    change: (
      tx: DbOrTx,
      row: RegistrationRow,
      r: ReturnType<typeof createStaffRegistrationsRepository>,
    ) => Promise<{ action: string; fields: string[]; resultId?: string }>,
  ) {
    const trustId = requirePolicy(actor, "registrations.match");
    return db.transaction(async (tx) => {
      const r = createStaffRegistrationsRepository({ db: tx });
      const before = await r.findRegistration(trustId, id, { forUpdate: true });
      if (!before) throw registrationNotFound();
      const { action, fields, resultId = id } = await change(tx, before, r);
      const ctx = auditContext(actor);
      const institutionId = before.registration.institutionId;
      await writeAudit(tx, ctx, { entity: "registration", entityId: id, action, fields, institutionId });
      const after = (await r.findRegistration(trustId, resultId)) as RegistrationRow;
      await syncRegistered(tx, ctx, {
        trustId,
        personIds: [before.registration.personId, after.registration.personId].filter((p) => p !== null),
        at: clock.now(),
        institutionId,
        clearWithout: true,
      });
      return dto(after);
    });
  }

  return {
    async list(actor: Actor, campaignId: string, q: z.infer<typeof registrationsQuery>) {
      const campaign = await repo.findCampaign(campaignScopeOf(actor, "campaigns.read"), campaignId);
      if (!campaign) throw campaignNotFound();
      const { items, total } = await repo.listRegistrations(campaign.id, q);
      return { items: items.map(dto), total };
    },

    /** A manual match to a person of the trust, or to a row of the campaign's institution (its person). */
    match(actor: Actor, id: string, body: z.infer<typeof matchRegistrationBody>) {
      return changeRegistration(actor, id, async (tx, row, r) => {
        const reg = row.registration;
        let personId: string;
        let matchedRowId: string | null = null;
        if ("personId" in body) {
          const person = await findPersonOfTrust(tx, reg.trustId, body.personId);
          if (!person) throw matchPersonNotFound();
          personId = person.id;
        } else {
          const found = await r.findRowAt(reg.trustId, reg.institutionId, body.rowId);
          if (!found) throw matchRowNotFound();
          if (!found.personId) throw rowWithoutPerson();
          personId = found.personId;
          matchedRowId = found.id;
        }
        await r.updateRegistration(reg.id, {
          personId,
          matchedBy: "manual",
          matchedAt: clock.now(),
          matchedRowId,
          unmatchedAt: null,
        });
        return { action: "match", fields: ["person_id", "matched_by", "matched_row_id"] };
      });
    },

    unmatch(actor: Actor, id: string) {
      return changeRegistration(actor, id, async (_tx, row, r) => {
        if (!row.registration.personId) throw notMatched();
        await r.updateRegistration(row.registration.id, {
          personId: null,
          matchedBy: null,
          matchedAt: null,
          matchedRowId: null,
          fouConfirmedAt: null,
          fouConfirmedBy: null,
          unmatchedAt: clock.now(),
        });
        return { action: "unmatch", fields: ["person_id", "matched_by", "matched_row_id", "unmatched_at"] };
      });
    },

    /**
     * FOU confirms a registration that needs it: a match by a typed national ID with an e-mail the
     * person's rows do not have, or a waiting change, which is then applied to the registration it
     * supersedes (the answer is that registration).
     */
    confirm(actor: Actor, id: string) {
      return changeRegistration(actor, id, async (tx, row, r) => {
        const reg = row.registration;
        if (!row.needsConfirmation) throw nothingToConfirm();
        const now = clock.now();
        if (reg.supersedesId && !reg.appliedAt) {
          const original = await r.findRegistration(reg.trustId, reg.supersedesId, { forUpdate: true });
          if (!original) throw registrationNotFound();
          await r.updateRegistration(original.registration.id, {
            email: reg.email,
            mobile: reg.mobile,
            language: reg.language,
            earlierUsername: reg.earlierUsername ?? original.registration.earlierUsername,
            emailConfirmedAt: reg.emailConfirmedAt ?? original.registration.emailConfirmedAt,
            fouConfirmedAt: now,
            fouConfirmedBy: actor.userId,
          });
          await r.updateRegistration(reg.id, { appliedAt: now, fouConfirmedAt: now, fouConfirmedBy: actor.userId });
          await writeAudit(tx, auditContext(actor), {
            entity: "registration",
            entityId: original.registration.id,
            action: "update",
            fields: ["email", "mobile", "language", "earlier_username"],
            institutionId: original.registration.institutionId,
          });
          return { action: "confirm", fields: ["applied_at"], resultId: original.registration.id };
        }
        await r.updateRegistration(reg.id, { fouConfirmedAt: now, fouConfirmedBy: actor.userId });
        return { action: "confirm", fields: ["fou_confirmed_at"] };
      });
    },

    /**
     * FOU's matching view: the campaign's registrations with no person or waiting for confirmation,
     * each with up to three rows by name similarity, beside the rows still without a registration.
     */
    async matching(actor: Actor, q: z.infer<typeof matchingQuery>): Promise<MatchingView> {
      const campaign = await repo.findCampaign(campaignScopeOf(actor, "registrations.match"), q.campaignId);
      if (!campaign) throw campaignNotFound();
      const regs = await repo.listRegistrations(campaign.id, {
        unmatched: true,
        needsConfirmation: true,
        q: q.q,
        sort: "name",
        dir: "asc",
        limit: q.limit,
        offset: q.offset,
      });
      const rows = await repo.rowsWithoutRegistration(campaign, { confirmedOnly: false });
      const suggestionsFor = (first: string, last: string) =>
        rows.items
          .map((row) => ({
            row,
            score: Math.round(nameSimilarity(`${first} ${last}`, `${row.firstName} ${row.lastName}`) * 100) / 100,
          }))
          .filter((s) => s.score >= 0.5)
          .sort((a, b) => b.score - a.score)
          .slice(0, 3);
      return {
        registrations: {
          items: regs.items.map((row) => ({
            ...dto(row),
            suggestions: suggestionsFor(row.registration.firstName, row.registration.lastName),
          })),
          total: regs.total,
        },
        rows: { items: rows.items.slice(q.offset, q.offset + q.limit), total: rows.total },
      };
    },

    /** The students the campaign expects who have not registered (an unconfirmed e-mail counts as not). */
    async missing(actor: Actor, campaignId: string, q: z.infer<typeof missingStudentsQuery>) {
      const campaign = await repo.findCampaign(campaignScopeOf(actor, "campaigns.read"), campaignId);
      if (!campaign) throw campaignNotFound();
      return repo.rowsWithoutRegistration(campaign, { confirmedOnly: true, ...q });
    },
  };
}
export type StaffRegistrationsUsecases = ReturnType<typeof createStaffRegistrationsUsecases>;
