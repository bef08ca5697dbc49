import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { WebcruiterField } from "../../../contracts/hr-transfer.ts";
import type { MatchedBy } from "../../../contracts/registrations.ts";
import type { Language } from "../../../contracts/vocabulary.ts";
import type { WebcruiterImportReport, webcruiterRowReportSchema } from "../../../contracts/webcruiter-import.ts";
import { parseDate } from "../../../domain/dates.ts";
import { checkRegistrationForm } from "../../../domain/registration/form.ts";
import { type Actor, requirePolicy } from "../../shared/actor.ts";
import { auditContext } from "../../shared/audit-context.ts";
import type { Clock } from "../../shared/clock.ts";
import type { DataCrypto } from "../../shared/crypto.ts";
import type { Db, DbOrTx } from "../../shared/database.ts";
import type { Upload } from "../../shared/upload.ts";
import { writeAudit } from "../audit/audit.public.ts";
import type { ParsePool } from "../overviews/overviews.public.ts";
import type { PersonsUsecases } from "../persons/persons.public.ts";
import { findTrust } from "../trusts/trusts.public.ts";
import { filledFields } from "./public.usecases.ts";
import type { RegistrationMatching } from "./registration-matching.ts";
import { createRegistrationsRepository, registrationNationalIdPlace } from "./registrations.repository.ts";
import { campaignNotFound } from "./registrations-staff.errors.ts";
import { createStaffRegistrationsRepository } from "./registrations-staff.repository.ts";
import { type ApplicantRow, applicantsOf, formatOf, layoutOf, type WebcruiterLayout } from "./webcruiter-file.ts";

export interface WebcruiterImportDeps {
  db: Db;
  crypto: DataCrypto;
  clock: Clock;
  persons: PersonsUsecases;
  matching: RegistrationMatching;
  /** Reads the file in a worker thread (the overviews' parse pool). */
  parsePool: ParsePool;
}

type RowReport = z.infer<typeof webcruiterRowReportSchema>;
type Campaign = NonNullable<Awaited<ReturnType<ReturnType<typeof createStaffRegistrationsRepository>["findCampaign"]>>>;
interface ImportContext {
  actor: Actor;
  campaign: Campaign;
  testMode: boolean;
  language: Language;
  layout: WebcruiterLayout;
}

/** Ends a dry run's transaction: all it wrote is rolled back, its report is kept. */
class DryRunDone {
  constructor(readonly report: WebcruiterImportReport) {}
}

/**
 * Webcruiter's applicant export for a campaign (SPEC §3.1), FOU's (`hrTransfer.manage`), of the
 * caller's trust (another trust's campaign is 404). Each row is checked by the form's rules
 * (`checkRegistrationForm`, the trust's test mode) and, unless it has problems or the campaign has
 * the applicant already, saved as a registration with source `webcruiter` and its e-mail confirmed
 * (Webcruiter has verified the applicant; no e-mail is sent), then matched as at the form's
 * confirmation. A known national ID with another e-mail address than its registration on record is
 * saved as a change that waits for FOU, as the form's is; nothing of an existing person is changed.
 * A dry run does all of it in a transaction that is rolled back, so its report is the save's.
 */
export function createWebcruiterImportUsecases(deps: WebcruiterImportDeps) {
  const { db, crypto, clock, persons, matching } = deps;

  async function campaignOf(actor: Actor, campaignId: string): Promise<Campaign> {
    const trustId = requirePolicy(actor, "hrTransfer.manage");
    const campaign = await createStaffRegistrationsRepository({ db }).findCampaign(
      { trustId, institutionIds: null },
      campaignId,
    );
    if (!campaign) throw campaignNotFound();
    return campaign;
  }

  async function importRow(tx: DbOrTx, ctx: ImportContext, row: ApplicantRow): Promise<RowReport> {
    const v = row.values;
    const { campaign } = ctx;
    const report: RowReport = {
      rowNumber: row.rowNumber,
      name: [v.lastName, v.firstName].filter(Boolean).join(", "),
      email: v.email ?? "",
      outcome: "skipped",
      matchedBy: null,
      waitsForConfirmation: false,
      problems: [],
    };
    const input = {
      firstName: v.firstName ?? "",
      lastName: v.lastName ?? "",
      email: v.email ?? "",
      mobile: v.mobile ?? "",
      nationalId: v.nationalId || null,
      birthDate: v.birthDate ? (parseDate(v.birthDate) ?? v.birthDate) : null,
      nationality: v.nationality || null,
      homeInstitution: v.homeInstitution || null,
    };
    const checked = checkRegistrationForm(input, { testMode: ctx.testMode });
    if (!checked.ok) {
      report.problems = checked.issues.map((issue) => {
        const field = issue.path as WebcruiterField;
        return { field, column: ctx.layout.columns.get(field)?.header ?? null, code: issue.message };
      });
      return report;
    }
    report.email = checked.email;
    const { nationalId } = checked;
    const hash = nationalId ? crypto.hash(nationalId) : null;
    const repo = createRegistrationsRepository({ db: tx });
    if (await repo.findLiveInCampaign(campaign.id, { nationalIdHash: hash, email: checked.email })) {
      return { ...report, outcome: "already_registered" };
    }
    const known = hash ? await repo.findLatestByNationalIdHash(campaign.trustId, hash) : undefined;
    const change = known && known.email !== checked.email ? known : undefined;
    const person = nationalId ? await persons.findByNationalId(campaign.trustId, nationalId, { tx }) : undefined;
    const id = randomUUID();
    const inserted = await repo.insert({
      id,
      createdAt: clock.now(),
      trustId: campaign.trustId,
      campaignId: campaign.id,
      institutionId: campaign.institutionId,
      source: "webcruiter",
      firstName: input.firstName.trim(),
      lastName: input.lastName.trim(),
      email: checked.email,
      mobile: checked.mobile,
      nationalIdEnc: nationalId ? crypto.encrypt(nationalId, registrationNationalIdPlace(id)) : null,
      nationalIdHash: hash,
      birthDate: nationalId ? null : input.birthDate,
      nationality: nationalId ? null : (input.nationality?.trim() ?? null),
      homeInstitution: nationalId ? null : (input.homeInstitution?.trim() ?? null),
      earlierUsername: v.earlierUsername?.trim() || null,
      language: ctx.language,
      emailConfirmedAt: clock.now(),
      supersedesId: change?.id ?? null,
    });
    await writeAudit(tx, auditContext(ctx.actor), {
      entity: "registration",
      entityId: inserted.id,
      action: "import",
      fields: [...filledFields(inserted), "email_confirmed_at", ...(change ? ["supersedes_id"] : [])],
      institutionId: campaign.institutionId,
    });
    if (change) return { ...report, outcome: "created", waitsForConfirmation: true };
    const r = await matching.match(tx, ctx.actor, inserted);
    // A person made by the match from a new national ID is no match to someone known.
    const matched = r.personId !== null && (r.matchedBy !== "national_id" || person !== undefined);
    return {
      ...report,
      outcome: matched ? "matched" : "created",
      matchedBy: matched ? (r.matchedBy as MatchedBy) : null,
      waitsForConfirmation: await matching.waits(tx, r),
    };
  }

  return {
    /** The campaign, or 404 (another trust's, or none): checked before the upload is read. */
    async check(actor: Actor, campaignId: string): Promise<void> {
      await campaignOf(actor, campaignId);
    },

    /**
     * Reads the upload (in a parse worker, with the upload limits), maps its columns by the trust's
     * setting, and imports each row; a missing required column is 400 `webcruiter.column_missing`.
     * Audited: a row per registration (`registration`/`import`) and one for the import
     * (`campaign`/`import`); never a value.
     */
    async importFile(
      actor: Actor,
      campaignId: string,
      input: { upload: Upload; dryRun: boolean },
    ): Promise<WebcruiterImportReport> {
      const campaign = await campaignOf(actor, campaignId);
      const trust = await findTrust(db, campaign.trustId);
      if (!trust) throw campaignNotFound();
      const table = await deps.parsePool.readTable(input.upload.file, formatOf(input.upload));
      const layout = layoutOf(table, trust.webcruiterColumns);
      const applicants = applicantsOf(table, layout);
      const ctx: ImportContext = { actor, campaign, testMode: trust.testMode, language: trust.defaultLanguage, layout };
      try {
        return await db.transaction(async (tx) => {
          const rows: RowReport[] = [];
          for (const applicant of applicants) rows.push(await importRow(tx, ctx, applicant));
          const count = (outcome: RowReport["outcome"]) => rows.filter((r) => r.outcome === outcome).length;
          const report: WebcruiterImportReport = {
            dryRun: input.dryRun,
            saved: false,
            rowsRead: applicants.length,
            totals: {
              created: count("created"),
              matched: count("matched"),
              alreadyRegistered: count("already_registered"),
              skipped: count("skipped"),
              waitsForConfirmation: rows.filter((r) => r.waitsForConfirmation).length,
            },
            rows,
            missingColumns: layout.missing,
          };
          if (input.dryRun) throw new DryRunDone(report);
          await writeAudit(tx, auditContext(actor), {
            entity: "campaign",
            entityId: campaign.id,
            action: "import",
            fields: ["registrations"],
            institutionId: campaign.institutionId,
          });
          return { ...report, saved: true };
        });
      } catch (error) {
        if (error instanceof DryRunDone) return error.report;
        throw error;
      }
    },
  };
}
export type WebcruiterImportUsecases = ReturnType<typeof createWebcruiterImportUsecases>;
