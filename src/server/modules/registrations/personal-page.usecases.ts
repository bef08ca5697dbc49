import type { z } from "zod";
import type {
  publicRegistrationSchema,
  publicResendBody,
  updatePublicRegistrationBody,
} from "../../../contracts/registrations-public.ts";
import { normalizeEmail, normalizeMobile } from "../../../domain/contact.ts";
import { isCampaignOpen } from "../../../domain/registration/campaigns.ts";
import { publicStep } from "../../../domain/registration/states.ts";
import { auditContext } from "../../shared/audit-context.ts";
import type { Clock } from "../../shared/clock.ts";
import type { Db, DbOrTx } from "../../shared/database.ts";
import { validationFailed } from "../../shared/errors.ts";
import { writeAudit } from "../audit/audit.public.ts";
import type { Outbox } from "../outbox/outbox.public.ts";
import { looksLikeToken, publicPaths, tokenHash } from "./campaign-tokens.ts";
import { type CampaignRow, createCampaignsRepository } from "./campaigns.repository.ts";
import { createRegistrationMail, publicActor } from "./public-mail.ts";
import { linkNotFound, registrationNotEditable } from "./registrations.errors.ts";
import { createRegistrationsRepository, type RegistrationRow } from "./registrations.repository.ts";

type PublicRegistration = z.infer<typeof publicRegistrationSchema>;

export interface PersonalPageDeps {
  db: Db;
  clock: Clock;
  outbox: Outbox;
  /** A campaign's public token or a personal link's, to its campaign. */
  resolve(tx: DbOrTx, token: string): Promise<{ campaign: CampaignRow } | null>;
}

/**
 * The student's own page (the personal link in the e-mail): the state of the registration, and
 * until the deadline corrections of the contact details; and the resend of lost links.
 */
export function createPersonalPageUsecases({ db, clock, outbox, resolve }: PersonalPageDeps) {
  const mail = createRegistrationMail({ clock, outbox });

  /** The registration of a personal page token that has not expired; 404 otherwise. */
  async function load(tx: DbOrTx, token: string) {
    if (!looksLikeToken(token)) throw linkNotFound();
    const found = await createRegistrationsRepository({ db: tx }).findToken(tokenHash(token), ["personal_page"]);
    if (!found || found.token.expiresAt <= clock.now()) throw linkNotFound();
    const campaign = await createCampaignsRepository({ db: tx }).findById(found.registration.campaignId);
    if (!campaign) throw linkNotFound();
    return { registration: found.registration, campaign };
  }

  async function view(tx: DbOrTx, r: RegistrationRow, campaign: CampaignRow): Promise<PublicRegistration> {
    const context = await createCampaignsRepository({ db: tx }).publicContext(campaign);
    const transferredAt = r.personId
      ? await createRegistrationsRepository({ db: tx }).personTransferredAt(r.personId)
      : null;
    return {
      firstName: r.firstName,
      lastName: r.lastName,
      email: r.email,
      mobile: r.mobile,
      emailConfirmed: r.emailConfirmedAt !== null,
      language: r.language,
      step: publicStep({ personTransferredAt: transferredAt }),
      trustName: context.trustName,
      institutionName: context.institutionName,
      deadline: campaign.deadline,
      editable: isCampaignOpen(campaign, clock.now()),
      studentInfoUrl: context.studentInfoUrl,
    };
  }

  return {
    async get(token: string): Promise<PublicRegistration> {
      const { registration, campaign } = await load(db, token);
      return view(db, registration, campaign);
    },

    /**
     * Corrects the contact details until the deadline. A new e-mail address must be confirmed
     * again: the confirmation goes there (the registration counts as not registered until then).
     */
    async update(
      token: string,
      input: z.infer<typeof updatePublicRegistrationBody>,
      requestId: string | null,
    ): Promise<PublicRegistration> {
      return db.transaction(async (tx) => {
        const { registration: before, campaign } = await load(tx, token);
        if (!isCampaignOpen(campaign, clock.now())) throw registrationNotEditable();
        const issues: { path: string; message: string }[] = [];
        const email = input.email === undefined ? undefined : normalizeEmail(input.email);
        const mobile = input.mobile === undefined ? undefined : normalizeMobile(input.mobile);
        if (email && !email.ok) issues.push({ path: "email", message: email.code });
        if (mobile && !mobile.ok) issues.push({ path: "mobile", message: mobile.code });
        if (issues.length > 0) throw validationFailed(issues);
        const patch: Partial<RegistrationRow> = {};
        if (email?.ok && email.value !== before.email) {
          patch.email = email.value;
          patch.emailConfirmedAt = null;
        }
        if (mobile?.ok && mobile.value !== before.mobile) patch.mobile = mobile.value;
        if (input.language !== undefined && input.language !== before.language) patch.language = input.language;
        const fields = Object.keys(patch).filter((k) => k !== "emailConfirmedAt");
        if (fields.length === 0) return view(tx, before, campaign);
        const after = await createRegistrationsRepository({ db: tx }).update(before.id, patch);
        await writeAudit(tx, auditContext(publicActor(before.trustId, requestId)), {
          entity: "registration",
          entityId: before.id,
          action: "update",
          fields: patch.email ? [...fields, "email_confirmed_at"] : fields,
          institutionId: before.institutionId,
        });
        if (patch.email) await mail.sendConfirmation(tx, campaign, after);
        return view(tx, after, campaign);
      });
    },

    /**
     * "I didn't get the e-mail" / "I lost my link": new links to the address on record of the
     * campaign's registration with this address (the old ones stop working). The answer is the
     * same whether or not the address is known; an unknown campaign is 404.
     */
    async resend(input: z.infer<typeof publicResendBody>): Promise<{ ok: true }> {
      const found = await resolve(db, input.campaignToken);
      if (!found) throw linkNotFound();
      const { campaign } = found;
      const email = normalizeEmail(input.email);
      if (!email.ok) return { ok: true };
      await db.transaction(async (tx) => {
        const [r] = await createRegistrationsRepository({ db: tx }).findByEmail([campaign.id], email.value);
        if (!r) return;
        const context = await createCampaignsRepository({ db: tx }).publicContext(campaign);
        const confirm = r.emailConfirmedAt ? null : await mail.issueToken(tx, r.id, "confirm_email", true);
        await mail.send(tx, r, "registration-links", {
          firstName: r.firstName,
          trustName: context.trustName,
          confirmUrl: confirm ? mail.url(publicPaths.confirm(confirm)) : null,
          personalUrl: mail.url(publicPaths.personal(await mail.issueToken(tx, r.id, "personal_page", true))),
          studentInfoUrl: context.studentInfoUrl,
        });
      });
      return { ok: true };
    },
  };
}
export type PersonalPageUsecases = ReturnType<typeof createPersonalPageUsecases>;
