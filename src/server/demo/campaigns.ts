import { todayInOslo } from "../../domain/dates.ts";
import { createNotifier } from "../modules/notifications/notifications.public.ts";
import { createOutbox, type Outbox } from "../modules/outbox/outbox.public.ts";
import { createPersonLinks } from "../modules/overviews/overviews.public.ts";
import { createPersonsUsecases } from "../modules/persons/persons.public.ts";
import { createHrTransferUsecases } from "../modules/registrations/hr-transfer.usecases.ts";
import { createRegistrationsUsecases } from "../modules/registrations/registrations.public.ts";
import type { Clock } from "../shared/clock.ts";
import type { DataCrypto } from "../shared/crypto.ts";
import type { Db } from "../shared/database.ts";
import { type CampaignPlan, campaignPlan } from "./campaign-plan.ts";
import { type DemoWorld, demoActor, demoClock } from "./demo-world.ts";
import type { DemoSheet } from "./semester.ts";
import { seededRandom } from "./students.ts";

/**
 * FOU's registration campaigns in the demo trust (`campaign-plan.ts`): one open campaign per
 * institution, tied to its upcoming sheet, and a closed one of the period before. Everything goes
 * through the app's use-cases on a demo clock: FOU creates the campaign; the students send the
 * public form and follow the confirmation link in their e-mail (read from the outbox as it is
 * queued, so the link's token is the one only its hash is stored of); the matching is the real
 * matching; FOU exports the HR transfer file and marks it transferred.
 */

/** The outbox the students' e-mail goes through, remembering the latest confirmation link to each address. */
function studentMailbox(outbox: Outbox) {
  const confirmTokens = new Map<string, string>();
  return {
    outbox: {
      ...outbox,
      enqueueWrittenEmail(...args: Parameters<Outbox["enqueueWrittenEmail"]>) {
        const [, mail] = args;
        const token = /\/registrer\/bekreft\/([\w-]{43})/.exec(mail.text)?.[1];
        if (token) confirmTokens.set(mail.to, token);
        return outbox.enqueueWrittenEmail(...args);
      },
    } satisfies Outbox,
    confirmToken(address: string): string {
      const token = confirmTokens.get(address);
      if (!token) throw new Error(`no confirmation e-mail to ${address}`);
      return token;
    },
  };
}

export async function fillDemoCampaigns(
  db: Db,
  world: DemoWorld,
  sheets: DemoSheet[],
  deps: { crypto: DataCrypto; publicUrl: string; clock: Clock },
): Promise<{ transfers: Map<string, Date> }> {
  const clock = demoClock(deps.clock);
  const mailbox = studentMailbox(createOutbox({ publicUrl: deps.publicUrl, clock }));
  const persons = createPersonsUsecases({ db, crypto: deps.crypto, links: createPersonLinks() });
  const registrations = createRegistrationsUsecases({
    db,
    crypto: deps.crypto,
    clock,
    outbox: mailbox.outbox,
    persons,
  });
  const hrTransfer = createHrTransferUsecases({
    db,
    crypto: deps.crypto,
    clock,
    notifier: createNotifier({ outbox: mailbox.outbox, clock }),
  });
  const fou = demoActor(world, "fou@demo.test");
  const today = todayInOslo(deps.clock.now());
  /** When FOU transferred each campaign sheet's students to HR. */
  const transfers = new Map<string, Date>();

  for (const [i, sheet] of sheets.entries()) {
    if (!sheet.plan.campaign) continue;
    const institution = world.institutions.get(sheet.institution);
    if (!institution) throw new Error(`no demo institution ${sheet.institution}`);
    const plan = campaignPlan(sheet, sheet.plan.campaign, seededRandom(5000 + i), institution.name);
    if (plan.registrations.some((r) => todayInOslo(r.confirmedAt ?? r.registeredAt) >= today)) {
      throw new Error(`the demo campaign for ${sheet.name} would have registrations from today or later`);
    }
    clock.set(plan.createdAt);
    const campaign = await registrations.campaigns.create(fou, {
      institutionId: institution.id,
      overviewId: sheet.overviewId,
      sheetId: sheet.sheetId,
      name: sheet.name,
      deadline: plan.deadline,
    });
    transfers.set(sheet.sheetId, plan.transferAt);
    const token = campaign.publicUrl.slice(campaign.publicUrl.lastIndexOf("/") + 1);
    for (const step of stepsOf(plan, campaign.id, token)) {
      clock.set(step.at);
      await step.run();
    }
  }
  clock.set(null);
  return { transfers };

  /** The campaign's students registering and confirming, and FOU's transfer, in the order of their moments. */
  function stepsOf(plan: CampaignPlan, campaignId: string, token: string) {
    const steps: { at: Date; run: () => Promise<unknown> }[] = [];
    for (const r of plan.registrations) {
      steps.push({
        at: r.registeredAt,
        run: () => registrations.public.submit(token, { ...r.form, privacyAccepted: true }, { requestId: "demo-data" }),
      });
      const confirmedAt = r.confirmedAt;
      if (confirmedAt) {
        steps.push({
          at: confirmedAt,
          run: () => registrations.public.confirm(mailbox.confirmToken(r.form.email), "demo-data"),
        });
      }
    }
    steps.push({
      at: plan.transferAt,
      run: async () => {
        const ready = await hrTransfer.ready(fou, { campaignId, sort: "name", dir: "asc", limit: 200, offset: 0 });
        if (ready.items.length === 0) return;
        const file = await hrTransfer.export(fou, { personIds: ready.items.map((p) => p.personId), format: "xlsx" });
        await hrTransfer.mark(fou, { exportId: file.exportId });
      },
    });
    return steps.sort((a, b) => a.at.getTime() - b.at.getTime());
  }
}
