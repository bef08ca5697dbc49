import type { z } from "zod";
import type {
  LearningPortalBatch,
  LearningPortalBatchBody,
  LearningPortalItem,
  LearningPortalList,
  LearningPortalListState,
  LearningPortalMarkBody,
  learningPortalQuery,
} from "../../../contracts/learning-portal.ts";
import type { Language } from "../../../contracts/vocabulary.ts";
import { todayInOslo } from "../../../domain/dates.ts";
import { type LearningPortalState, learningPortalStateOf } from "../../../domain/learning-portal.ts";
import type { SheetKind } from "../../../domain/sheet-kind.ts";
import { type Actor, requirePolicy } from "../../shared/actor.ts";
import { auditContext } from "../../shared/audit-context.ts";
import type { Clock } from "../../shared/clock.ts";
import type { DataCrypto } from "../../shared/crypto.ts";
import type { Db, DbOrTx } from "../../shared/database.ts";
import { writeAudits } from "../audit/audit.public.ts";
import type { Outbox } from "../outbox/outbox.public.ts";
import { rowPlaces } from "../overviews/overviews.public.ts";
import { lockLearningPortalPersons, setLearningPortalState } from "../persons/persons.public.ts";
import { findTrust } from "../trusts/trusts.public.ts";
import {
  learningPortalAlreadyCreated,
  learningPortalAlreadyRequested,
  learningPortalEmptyBatch,
  learningPortalNoAddress,
  learningPortalNotNeeded,
  learningPortalPersonNotFound,
} from "./learning-portal.errors.ts";
import { type CandidateRow, createLearningPortalRepository } from "./learning-portal.repository.ts";
import { batchMailTemplate } from "./learning-portal.templates.ts";

export type LearningPortalQuery = z.output<typeof learningPortalQuery>;

export interface LearningPortalDeps {
  db: Db;
  crypto: DataCrypto;
  clock: Clock;
  outbox: Outbox;
}

/** A row's Læringsportalen state by the one domain rule (its national ID and D-number decrypted in memory only). */
function stateOfRow(crypto: DataCrypto, r: CandidateRow): LearningPortalState {
  const place = rowPlaces(r.rowId);
  const d = {
    anonymised: false,
    nationalId: r.nationalIdEnc ? crypto.decrypt(r.nationalIdEnc, place.nationalId) : "",
    dNumber: r.dNumberEnc ? crypto.decrypt(r.dNumberEnc, place.dNumber) : "",
  };
  return learningPortalStateOf(d, r.sheetKind as SheetKind, r, r.personState);
}

/** Each row's state (rows the rule says need no user are `not_needed`). */
export function rowStatesOf(crypto: DataCrypto, rows: CandidateRow[]): Map<string, LearningPortalState> {
  return new Map(rows.map((r) => [r.rowId, stateOfRow(crypto, r)]));
}

/** One line per person who needs a user: the earliest of their rows that needs one (rows come by start date). */
function linesOf(crypto: DataCrypto, rows: CandidateRow[]): LearningPortalItem[] {
  const byPerson = new Map<string, LearningPortalItem>();
  for (const r of rows) {
    if (byPerson.has(r.personId)) continue;
    const state = stateOfRow(crypto, r);
    if (state === "not_needed") continue;
    byPerson.set(r.personId, {
      personId: r.personId,
      lastName: r.lastName,
      firstName: r.firstName,
      email: r.email,
      homeInstitution: r.homeInstitution,
      institution: { id: r.institutionId, shortName: r.institutionShortName },
      overviewId: r.overviewId,
      sheetId: r.sheetId,
      sheetName: r.sheetName,
      startDate: r.startDate,
      endDate: r.endDate,
      state,
      batch:
        r.batchId && r.batchNumber !== null && r.batchSentAt
          ? { id: r.batchId, number: r.batchNumber, sentAt: r.batchSentAt }
          : null,
    });
  }
  return [...byPerson.values()];
}

const stateOrder: Record<LearningPortalListState, number> = { needed: 0, requested: 1, created: 2 };
const collator = new Intl.Collator("nb", { sensitivity: "base" });
const nameOf = (i: { firstName: string; lastName: string }) => `${i.firstName} ${i.lastName}`.trim();

function compare(sort: LearningPortalQuery["sort"]) {
  const byName = (a: LearningPortalItem, b: LearningPortalItem) =>
    collator.compare(a.lastName, b.lastName) || collator.compare(a.firstName, b.firstName);
  const primary: Record<LearningPortalQuery["sort"], (a: LearningPortalItem, b: LearningPortalItem) => number> = {
    name: byName,
    start: (a, b) => a.startDate.localeCompare(b.startDate),
    institution: (a, b) => collator.compare(a.institution.shortName, b.institution.shortName),
    sheet: (a, b) => collator.compare(a.sheetName, b.sheetName),
    state: (a, b) => stateOrder[a.state] - stateOrder[b.state],
  };
  return (a: LearningPortalItem, b: LearningPortalItem) =>
    primary[sort](a, b) ||
    a.startDate.localeCompare(b.startDate) ||
    byName(a, b) ||
    a.personId.localeCompare(b.personId);
}

function matches(i: LearningPortalItem, q: string) {
  const needle = q.toLowerCase();
  return [`${i.lastName}, ${i.firstName}`, nameOf(i), i.email, i.homeInstitution, i.sheetName].some((v) =>
    v.toLowerCase().includes(needle),
  );
}

/**
 * Læringsportalen users (SPEC §3.3; policies `learningPortal.read` and `learningPortal.send`): the
 * persons of the trust's current and coming placements who need a user made by hand, FOU's batches
 * to the trust's Læringsportalen address and the users marked created. Who needs one is the domain
 * rule `learningPortalStateOf`, the same the sheet's column and the export show; the candidate rows
 * (international sheets', and rows with an ID where D-number holders need one) are read in one
 * statement and their IDs decrypted in memory only. Batches and marks take the trust's batch lock,
 * so two of them never cross.
 */
export function createLearningPortalUsecases({ db, crypto, clock, outbox }: LearningPortalDeps) {
  const today = () => todayInOslo(clock.now());

  async function currentLines(tx: DbOrTx, trustId: string, personIds?: string[]) {
    const repo = createLearningPortalRepository({ db: tx });
    const rows = personIds ? await repo.currentOf(trustId, today(), personIds) : await repo.current(trustId, today());
    return linesOf(crypto, rows);
  }

  /** The persons asked for, locked: another trust's (or no such) person is 404, the first one named. */
  async function lockAsked(tx: DbOrTx, trustId: string, personIds: string[]) {
    const locked = await lockLearningPortalPersons(tx, trustId, personIds);
    const found = new Map(locked.map((p) => [p.id, p]));
    const missing = personIds.find((id) => !found.has(id));
    if (missing) throw learningPortalPersonNotFound(missing);
    return found;
  }

  return {
    async list(actor: Actor, q: LearningPortalQuery): Promise<LearningPortalList> {
      const trustId = requirePolicy(actor, "learningPortal.read");
      const trust = await findTrust(db, trustId);
      const lines = (await currentLines(db, trustId))
        .filter((i) => (q.state ? i.state === q.state : true))
        .filter((i) => (q.institutionId ? i.institution.id === q.institutionId : true))
        .filter((i) => (q.q ? matches(i, q.q) : true))
        .sort(compare(q.sort));
      if (q.dir === "desc") lines.reverse();
      return {
        items: lines.slice(q.offset, q.offset + q.limit),
        total: lines.length,
        address: trust?.learningPortalEmail ?? null,
      };
    },

    /**
     * The start page's number: persons waiting for a batch (the list's `state=needed` total), read
     * from the rows of persons not yet requested or created only, the ones who can be `needed`.
     */
    async waitingCount(actor: Actor): Promise<number> {
      const trustId = requirePolicy(actor, "learningPortal.read");
      const rows = await createLearningPortalRepository({ db }).currentWaiting(trustId, today());
      return linesOf(crypto, rows).filter((i) => i.state === "needed").length;
    },

    /**
     * One e-mail through the outbox to the trust's Læringsportalen address with the persons given,
     * or every one still needed: names, e-mail addresses, home institutions and placement dates,
     * never an ID number. Their state becomes `requested`; a batch row with the trust's next
     * number, a request row and an audit row per person.
     */
    async sendBatch(actor: Actor, body: LearningPortalBatchBody): Promise<LearningPortalBatch> {
      const trustId = requirePolicy(actor, "learningPortal.send");
      return db.transaction(async (tx) => {
        const trust = await findTrust(tx, trustId);
        const address = trust?.learningPortalEmail?.trim();
        if (!trust || !address) throw learningPortalNoAddress();
        const repo = createLearningPortalRepository({ db: tx });
        await repo.lockNumbers(trustId);
        let lines: LearningPortalItem[];
        if (body.personIds) {
          const asked = [...new Set(body.personIds)];
          if (asked.length === 0) throw learningPortalEmptyBatch();
          const locked = await lockAsked(tx, trustId, asked);
          const byPerson = new Map((await currentLines(tx, trustId, asked)).map((i) => [i.personId, i]));
          lines = asked.map((id) => {
            const line = byPerson.get(id);
            const person = locked.get(id);
            const name = person ? nameOf(person) : "";
            if (!line) throw learningPortalNotNeeded({ personId: id, name });
            if (line.state !== "needed")
              throw learningPortalAlreadyRequested({ personId: id, name, state: line.state });
            return line;
          });
        } else {
          lines = (await currentLines(tx, trustId)).filter((i) => i.state === "needed");
          if (lines.length === 0) throw learningPortalEmptyBatch();
          await lockAsked(
            tx,
            trustId,
            lines.map((i) => i.personId),
          );
        }
        lines.sort(compare("name"));
        const personIds = lines.map((i) => i.personId);
        const now = clock.now();
        const batch = await repo.insertBatch({
          trustId,
          toAddress: address,
          personCount: lines.length,
          sentBy: actor.userId || null,
        });
        await repo.insertRequests(trustId, batch.id, personIds);
        await setLearningPortalState(tx, trustId, personIds, "requested", now);
        const language = trust.defaultLanguage as Language;
        await outbox.enqueueWrittenEmail(tx, {
          trustId,
          to: address,
          language,
          template: "learning-portal-batch",
          ...batchMailTemplate[language]({ trustName: trust.name, number: batch.number, students: lines }),
        });
        await writeAudits(
          tx,
          auditContext(actor),
          personIds.map((id) => ({
            entity: "person",
            entityId: id,
            action: "learning_portal_request",
            fields: ["learning_portal_state", "learning_portal_batch"],
          })),
        );
        return {
          id: batch.id,
          number: batch.number,
          toAddress: address,
          personCount: lines.length,
          sentAt: batch.createdAt.toISOString(),
          personIds,
        };
      });
    },

    /** Marks the persons' users made: requested (or needed) → `created`; created twice is 409, nothing changed. */
    async markCreated(actor: Actor, body: LearningPortalMarkBody) {
      const trustId = requirePolicy(actor, "learningPortal.send");
      return db.transaction(async (tx) => {
        const repo = createLearningPortalRepository({ db: tx });
        await repo.lockNumbers(trustId);
        const asked = [...new Set(body.personIds)];
        const locked = await lockAsked(tx, trustId, asked);
        const byPerson = new Map((await currentLines(tx, trustId, asked)).map((i) => [i.personId, i]));
        for (const id of asked) {
          const person = locked.get(id);
          const name = person ? nameOf(person) : "";
          if (person?.learningPortalState === "created") throw learningPortalAlreadyCreated({ personId: id, name });
          if (person?.learningPortalState !== "requested" && !byPerson.has(id)) {
            throw learningPortalNotNeeded({ personId: id, name });
          }
        }
        const now = clock.now();
        await setLearningPortalState(tx, trustId, asked, "created", now);
        await repo.markRequestsCreated(trustId, asked, actor.userId || null, now);
        await writeAudits(
          tx,
          auditContext(actor),
          asked.map((id) => ({
            entity: "person",
            entityId: id,
            action: "learning_portal_created",
            fields: ["learning_portal_state"],
          })),
        );
        return { created: asked.length, personIds: asked };
      });
    },
  };
}
export type LearningPortalUsecases = ReturnType<typeof createLearningPortalUsecases>;
