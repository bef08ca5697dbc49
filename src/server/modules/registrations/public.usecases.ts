import type { z } from "zod";
import type {
  PublicCampaign,
  publicConfirmationResponse,
  publicRegistrationBody,
} from "../../../contracts/registrations-public.ts";
import { isCampaignOpen, personalLinkOpen } from "../../../domain/registration/campaigns.ts";
import { checkRegistrationForm } from "../../../domain/registration/form.ts";
import type { Actor } from "../../shared/actor.ts";
import { auditContext } from "../../shared/audit-context.ts";
import type { Clock } from "../../shared/clock.ts";
import type { DataCrypto } from "../../shared/crypto.ts";
import type { Db, DbOrTx } from "../../shared/database.ts";
import { validationFailed } from "../../shared/errors.ts";
import { writeAudit } from "../audit/audit.public.ts";
import type { Outbox } from "../outbox/outbox.public.ts";
import { looksLikeToken, publicPaths, tokenHash } from "./campaign-tokens.ts";
import { type CampaignRow, createCampaignsRepository } from "./campaigns.repository.ts";
import { idportenTokenInvalid } from "./idporten.errors.ts";
import { peekIdportenIdentity, takeIdportenIdentity } from "./idporten-identities.ts";
import { createRegistrationMail, publicActor } from "./public-mail.ts";
import type { RegistrationMatching } from "./registration-matching.ts";
import { campaignClosed, linkNotFound } from "./registrations.errors.ts";
import {
  createRegistrationsRepository,
  type RegistrationRow,
  registrationNationalIdPlace,
} from "./registrations.repository.ts";

export interface PublicDeps {
  db: Db;
  crypto: DataCrypto;
  clock: Clock;
  outbox: Outbox;
  matching: RegistrationMatching;
  /** Where "Logg inn med ID-porten" starts for this campaign's trust, when it has ID-porten. */
  idportenStartUrl?: (trustId: string, token: string) => Promise<string | null>;
}

/** The fields a registration fills, by their column names (for the audit trail; never values). */
export const filledFields = (r: RegistrationRow) =>
  (
    [
      ["first_name", r.firstName],
      ["last_name", r.lastName],
      ["email", r.email],
      ["mobile", r.mobile],
      ["national_id", r.nationalIdHash],
      ["birth_date", r.birthDate],
      ["nationality", r.nationality],
      ["home_institution", r.homeInstitution],
      ["earlier_username", r.earlierUsername],
      ["language", r.language],
    ] as const
  )
    .filter(([, v]) => v !== null && v !== "")
    .map(([k]) => k);

/**
 * The students' side (no account): the campaign's form, registering, confirming the e-mail. Every
 * unknown, expired or used link is the same 404 `registration.link_not_found`.
 */
export function createPublicRegistrationUsecases(deps: PublicDeps) {
  const { db, crypto, clock, matching } = deps;
  const mail = createRegistrationMail(deps);
  const { url, issueToken, send } = mail;

  /** A campaign's public token or a personal link's. */
  async function resolve(tx: DbOrTx, token: string) {
    if (!looksLikeToken(token)) return null;
    const repo = createCampaignsRepository({ db: tx });
    const hash = tokenHash(token);
    const campaign = await repo.findByTokenHash(hash);
    if (campaign) return { campaign, link: null };
    const personal = await repo.findPersonalLinkByTokenHash(hash);
    return personal ? { campaign: personal.campaign, link: personal.link } : null;
  }

  const openNow = (found: NonNullable<Awaited<ReturnType<typeof resolve>>>) =>
    found.link
      ? personalLinkOpen(found.link, found.campaign, clock.now())
      : isCampaignOpen(found.campaign, clock.now());

  return {
    resolve,

    async getCampaign(token: string): Promise<PublicCampaign> {
      const found = await resolve(db, token);
      if (!found) throw linkNotFound();
      const context = await createCampaignsRepository({ db }).publicContext(found.campaign);
      return {
        trustName: context.trustName,
        institutionName: context.institutionName,
        name: found.campaign.name,
        deadline: found.link?.validUntil ?? found.campaign.deadline,
        open: openNow(found),
        testMode: context.testMode,
        retentionMonths: context.retentionMonths,
        unmatchedRetentionDays: context.unmatchedRetentionDays,
        studentInfoUrl: context.studentInfoUrl,
        idportenStartUrl: (await deps.idportenStartUrl?.(found.campaign.trustId, token)) ?? null,
      };
    },

    /**
     * A student's registration through a campaign's link or a personal link. Checked as the form
     * checks it (`checkRegistrationForm`, the trust's test mode), in the form's language by the
     * codes of `details.issues`. The answer is the same whether or not the national ID is known: a
     * second registration with a known national ID is stored as a change that waits for a
     * confirmation from the address on record (`supersedes_id`), and nothing is overwritten.
     * With `idportenToken` (a sign-in with ID-porten, taken here so it works once) the name and
     * national ID are ID-porten's, the typed ones ignored, and the registration is verified.
     */
    async submit(
      token: string,
      body: z.infer<typeof publicRegistrationBody>,
      opts: { requestId: string | null },
    ): Promise<{ ok: true; email: string }> {
      const found = await resolve(db, token);
      if (!found) throw linkNotFound();
      if (!openNow(found)) throw campaignClosed();
      const { campaign, link } = found;
      const context = await createCampaignsRepository({ db }).publicContext(campaign);
      const idporten = body.idportenToken ? { token: body.idportenToken, campaignId: campaign.id } : null;
      const verified = idporten ? await peekIdportenIdentity(db, crypto, { ...idporten, now: clock.now() }) : null;
      if (idporten && !verified) throw idportenTokenInvalid();
      const input = verified ? { ...body, ...verified } : body;
      const checked = checkRegistrationForm(input, { testMode: context.testMode });
      if (!checked.ok) throw validationFailed(checked.issues);
      const actor = publicActor(campaign.trustId, opts.requestId);
      const nationalId = checked.nationalId;
      await db.transaction(async (tx) => {
        // The sign-in works once: a second registration with the same token (or a race) is refused.
        if (idporten && !(await takeIdportenIdentity(tx, crypto, { ...idporten, now: clock.now() }))) {
          throw idportenTokenInvalid();
        }
        const repo = createRegistrationsRepository({ db: tx });
        const hash = nationalId ? crypto.hash(nationalId) : null;
        const known = hash ? await repo.findLatestByNationalIdHash(campaign.trustId, hash) : undefined;
        const id = globalThis.crypto.randomUUID();
        const r = await repo.insert({
          id,
          createdAt: clock.now(),
          trustId: campaign.trustId,
          campaignId: campaign.id,
          institutionId: campaign.institutionId,
          source: verified ? "idporten" : link ? "personal_link" : "form",
          firstName: input.firstName.trim(),
          lastName: input.lastName.trim(),
          email: checked.email,
          mobile: checked.mobile,
          nationalIdEnc: nationalId ? crypto.encrypt(nationalId, registrationNationalIdPlace(id)) : null,
          nationalIdHash: hash,
          birthDate: nationalId ? null : (input.birthDate ?? null),
          nationality: nationalId ? null : (input.nationality?.trim() ?? null),
          homeInstitution: nationalId ? null : (input.homeInstitution?.trim() ?? null),
          earlierUsername: input.earlierUsername?.trim() || null,
          language: input.language,
          verifiedAt: verified ? clock.now() : null,
          supersedesId: known?.id ?? null,
        });
        if (link) await createCampaignsRepository({ db: tx }).usePersonalLink(link.id, clock.now());
        await writeAudit(tx, auditContext(actor), {
          entity: "registration",
          entityId: r.id,
          action: "create",
          fields: [...filledFields(r), ...(known ? ["supersedes_id"] : [])],
          institutionId: r.institutionId,
        });
        if (known) {
          await send(tx, known, "registration-confirm-change", {
            firstName: known.firstName,
            trustName: context.trustName,
            confirmUrl: url(publicPaths.confirm(await issueToken(tx, r.id, "confirm_change"))),
          });
        } else {
          await mail.sendConfirmation(tx, campaign, r);
        }
      });
      return { ok: true as const, email: checked.email };
    },

    /**
     * A link from the e-mail: `confirm_email` confirms the address, then the registration is matched
     * and its person marked registered; `confirm_change` applies a waiting change to the
     * registration on record. One-time and expiring.
     */
    async confirm(token: string, requestId: string | null): Promise<z.infer<typeof publicConfirmationResponse>> {
      if (!looksLikeToken(token)) throw linkNotFound();
      return db.transaction(async (tx) => {
        const repo = createRegistrationsRepository({ db: tx });
        const found = await repo.findToken(tokenHash(token), ["confirm_email", "confirm_change"]);
        const now = clock.now();
        if (!found || found.token.usedAt || found.token.expiresAt <= now) throw linkNotFound();
        await repo.useToken(found.token.id, now);
        const actor = publicActor(found.registration.trustId, requestId);
        const applied =
          found.token.purpose === "confirm_change"
            ? await applyChange(tx, actor, found.registration)
            : await confirmEmail(tx, actor, found.registration);
        const campaign = await createCampaignsRepository({ db: tx }).findById(applied.campaignId);
        const context = await createCampaignsRepository({ db: tx }).publicContext(campaign as CampaignRow);
        return {
          confirmed: found.token.purpose === "confirm_change" ? ("change" as const) : ("email" as const),
          language: applied.language,
          studentInfoUrl: context.studentInfoUrl,
          trustName: context.trustName,
        };
      });
    },
  };

  async function confirmEmail(tx: DbOrTx, actor: Actor, registration: RegistrationRow) {
    let r = registration;
    if (!r.emailConfirmedAt) {
      r = await createRegistrationsRepository({ db: tx }).update(r.id, { emailConfirmedAt: clock.now() });
      await writeAudit(tx, auditContext(actor), {
        entity: "registration",
        entityId: r.id,
        action: "confirm_email",
        fields: ["email_confirmed_at"],
        institutionId: r.institutionId,
      });
    }
    return matching.match(tx, actor, r);
  }

  /**
   * The owner of the address on record confirmed a second registration: in the same campaign its
   * details replace the first one's (and the change is deleted); in another campaign it becomes a
   * registration of its own, its address vouched for.
   */
  async function applyChange(tx: DbOrTx, actor: Actor, change: RegistrationRow) {
    const repo = createRegistrationsRepository({ db: tx });
    const original = change.supersedesId ? await repo.find(change.trustId, change.supersedesId) : undefined;
    const now = clock.now();
    if (original && original.campaignId === change.campaignId) {
      const details = {
        firstName: change.firstName,
        lastName: change.lastName,
        email: change.email,
        mobile: change.mobile,
        earlierUsername: change.earlierUsername,
        language: change.language,
        emailConfirmedAt: original.emailConfirmedAt ?? now,
        verifiedAt: original.verifiedAt ?? change.verifiedAt,
      };
      const updated = await repo.update(original.id, details);
      await repo.delete(change.id);
      await writeAudit(tx, auditContext(actor), {
        entity: "registration",
        entityId: original.id,
        action: "apply_change",
        fields: ["first_name", "last_name", "email", "mobile", "earlier_username", "language"],
        institutionId: original.institutionId,
      });
      return matching.match(tx, actor, updated);
    }
    const own = await repo.update(change.id, { appliedAt: now, emailConfirmedAt: now });
    await writeAudit(tx, auditContext(actor), {
      entity: "registration",
      entityId: change.id,
      action: "apply_change",
      fields: ["applied_at", "email_confirmed_at"],
      institutionId: change.institutionId,
    });
    return matching.match(tx, actor, own);
  }
}
export type PublicRegistrationUsecases = ReturnType<typeof createPublicRegistrationUsecases>;
