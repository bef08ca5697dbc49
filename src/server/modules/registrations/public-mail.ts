import type { Language } from "../../../contracts/vocabulary.ts";
import type { Actor } from "../../shared/actor.ts";
import type { Clock } from "../../shared/clock.ts";
import type { DbOrTx } from "../../shared/database.ts";
import type { Outbox } from "../outbox/outbox.public.ts";
import { newToken, publicPaths, tokenHash } from "./campaign-tokens.ts";
import { type CampaignRow, createCampaignsRepository } from "./campaigns.repository.ts";
import {
  type RegistrationTemplateKey,
  type RegistrationTemplateParams,
  writeRegistrationMail,
} from "./registration.templates.ts";
import { createRegistrationsRepository, type RegistrationRow, type TokenPurpose } from "./registrations.repository.ts";

const day = 24 * 3_600_000;
/** How long the links in the e-mail work: the confirmations a week, the personal page two years. */
export const tokenLifetimeMs: Record<TokenPurpose, number> = {
  confirm_email: 7 * day,
  confirm_change: 7 * day,
  personal_page: 730 * day,
};

/** The public side acts as nobody: its audit rows name no actor, only the trust and the request. */
export const publicActor = (trustId: string, requestId: string | null): Actor => ({
  userId: "",
  isSystemAdmin: false,
  trustId,
  roles: [],
  institutionIds: [],
  requestId,
});

/** The single-purpose links of a registration and the e-mail that carries them. */
export function createRegistrationMail({ clock, outbox }: { clock: Clock; outbox: Outbox }) {
  const url = (path: string) => `${outbox.appUrl}${path}`;

  /** A new link of `purpose`; with `replace`, the registration's earlier ones of that purpose stop working. */
  async function issueToken(tx: DbOrTx, registrationId: string, purpose: TokenPurpose, replace = false) {
    const repo = createRegistrationsRepository({ db: tx });
    if (replace) await repo.deleteTokens(registrationId, purpose);
    const token = newToken();
    await repo.insertToken({
      registrationId,
      purpose,
      tokenHash: tokenHash(token),
      expiresAt: new Date(clock.now().getTime() + tokenLifetimeMs[purpose]),
    });
    return token;
  }

  async function send<K extends RegistrationTemplateKey>(
    tx: DbOrTx,
    to: { trustId: string; email: string; language: Language },
    template: K,
    params: RegistrationTemplateParams<K>,
  ) {
    const mail = writeRegistrationMail(template, to.language, params);
    await outbox.enqueueWrittenEmail(tx, {
      trustId: to.trustId,
      to: to.email,
      language: to.language,
      template,
      ...mail,
    });
  }

  return {
    url,
    issueToken,
    send,

    /**
     * The e-mail after the form (or to a new address): confirm it (an earlier confirmation link
     * stops working), a personal page link (earlier ones keep working), what happens next.
     */
    async sendConfirmation(tx: DbOrTx, campaign: CampaignRow, r: RegistrationRow) {
      const context = await createCampaignsRepository({ db: tx }).publicContext(campaign);
      await send(tx, r, "registration-confirm", {
        firstName: r.firstName,
        trustName: context.trustName,
        institutionName: context.institutionName,
        deadline: campaign.deadline,
        confirmUrl: url(publicPaths.confirm(await issueToken(tx, r.id, "confirm_email", true))),
        personalUrl: url(publicPaths.personal(await issueToken(tx, r.id, "personal_page"))),
        studentInfoUrl: context.studentInfoUrl,
      });
    },
  };
}
export type RegistrationMail = ReturnType<typeof createRegistrationMail>;
