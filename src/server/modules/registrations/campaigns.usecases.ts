import { randomUUID } from "node:crypto";
import QRCode from "qrcode";
import type { z } from "zod";
import type {
  Campaign,
  campaignsQuery,
  createCampaignBody,
  createPersonalLinkBody,
  updateCampaignBody,
} from "../../../contracts/registrations.ts";
import { addDays, todayInOslo } from "../../../domain/dates.ts";
import { campaignState, personalLinkMaxDays } from "../../../domain/registration/campaigns.ts";
import { type Actor, requirePolicy, seesWholeTrust } from "../../shared/actor.ts";
import { auditContext } from "../../shared/audit-context.ts";
import type { Clock } from "../../shared/clock.ts";
import type { DataCrypto } from "../../shared/crypto.ts";
import type { Db } from "../../shared/database.ts";
import { writeAudit } from "../audit/audit.public.ts";
import { hasAgreement } from "../institutions/institutions.public.ts";
import { campaignToken, newSalt, newToken, publicPaths, tokenHash } from "./campaign-tokens.ts";
import { type CampaignRow, createCampaignsRepository } from "./campaigns.repository.ts";
import {
  campaignDeadlinePast,
  campaignNotFound,
  campaignSheetMismatch,
  personalLinkTooLong,
} from "./registrations.errors.ts";
import { createRegistrationsRepository } from "./registrations.repository.ts";

export interface CampaignsDeps {
  db: Db;
  crypto: DataCrypto;
  clock: Clock;
  /** The app's public address without a trailing slash. */
  appUrl: string;
}

type Listed = Awaited<ReturnType<ReturnType<typeof createCampaignsRepository>["find"]>> & {};

/** The default name: the institution's short name and the deadline's term ("UiB høst 2026"). */
const defaultName = (shortName: string, deadline: string) =>
  `${shortName} ${Number(deadline.slice(5, 7)) >= 7 ? "høst" : "vår"} ${deadline.slice(0, 4)}`;

/** FOU's registration campaigns (SPEC §3.1): created, listed, extended, closed, their link and QR code. */
export function createCampaignsUsecases({ db, crypto, clock, appUrl }: CampaignsDeps) {
  const repo = createCampaignsRepository({ db });
  const publicUrlOf = (c: CampaignRow) => `${appUrl}${publicPaths.campaign(campaignToken(crypto, c.id, c.tokenSalt))}`;

  /** Coordinators reach their institutions' campaigns only; another's is not found. */
  function scope(actor: Actor, policy: "campaigns.read" | "campaigns.manage") {
    const trustId = requirePolicy(actor, policy);
    return { trustId, institutionIds: seesWholeTrust(actor, policy) ? undefined : actor.institutionIds };
  }

  async function toCampaigns(rows: Listed[]): Promise<Campaign[]> {
    const counts = await createRegistrationsRepository({ db }).countsByCampaign(rows.map((r) => r.campaign.id));
    const now = clock.now();
    return rows.map(({ campaign: c, institutionName, overviewName, sheetName }) => {
      const of = (state: string) => counts.find((n) => n.campaignId === c.id && n.state === state)?.n ?? 0;
      return {
        id: c.id,
        institutionId: c.institutionId,
        institutionName,
        overviewId: c.overviewId,
        overviewName,
        sheetId: c.sheetId,
        sheetName,
        name: c.name,
        deadline: c.deadline,
        state: campaignState(c, now),
        closedAt: c.closedAt?.toISOString() ?? null,
        publicUrl: publicUrlOf(c),
        counts: {
          unconfirmed: of("unconfirmed"),
          confirmed: of("confirmed"),
          matched: of("matched"),
          transferred: of("transferred"),
        },
        createdAt: c.createdAt.toISOString(),
      };
    });
  }

  async function load(actor: Actor, id: string, policy: "campaigns.read" | "campaigns.manage") {
    const { trustId, institutionIds } = scope(actor, policy);
    const row = await repo.find(trustId, id, institutionIds);
    if (!row) throw campaignNotFound();
    return { trustId, row };
  }

  async function get(actor: Actor, id: string): Promise<Campaign> {
    const { row } = await load(actor, id, "campaigns.read");
    return (await toCampaigns([row]))[0] as Campaign;
  }

  return {
    get,

    async list(actor: Actor, query: z.infer<typeof campaignsQuery>) {
      const { trustId, institutionIds } = scope(actor, "campaigns.read");
      const { items, total } = await repo.list(
        {
          trustId,
          institutionIds,
          institutionId: query.institutionId,
          state: query.state,
          q: query.q,
          today: todayInOslo(clock.now()),
        },
        query,
      );
      return { items: await toCampaigns(items), total };
    },

    /** The document (and sheet) must be the institution's; a sheet alone names its document. */
    async create(actor: Actor, input: z.infer<typeof createCampaignBody>): Promise<Campaign> {
      const trustId = requirePolicy(actor, "campaigns.manage");
      if (!(await hasAgreement(db, trustId, input.institutionId))) throw campaignNotFound();
      if (input.deadline < todayInOslo(clock.now())) throw campaignDeadlinePast();
      const { overview, sheet } = await repo.placeOf(trustId, input);
      if (input.overviewId && overview?.institutionId !== input.institutionId) throw campaignSheetMismatch();
      if (
        input.sheetId &&
        (sheet?.institutionId !== input.institutionId || (input.overviewId && sheet.overviewId !== input.overviewId))
      ) {
        throw campaignSheetMismatch();
      }
      const id = await db.transaction(async (tx) => {
        const r = createCampaignsRepository({ db: tx });
        const salt = newSalt();
        const campaignId = randomUUID();
        const shortName = (await r.institutionShortName(input.institutionId)) ?? "";
        const created = await r.insert({
          id: campaignId,
          trustId,
          createdAt: clock.now(),
          institutionId: input.institutionId,
          overviewId: input.overviewId ?? sheet?.overviewId ?? null,
          sheetId: input.sheetId ?? null,
          name: input.name ?? defaultName(shortName, input.deadline),
          deadline: input.deadline,
          tokenSalt: salt,
          tokenHash: tokenHash(campaignToken(crypto, campaignId, salt)),
          createdBy: actor.userId || null,
        });
        await writeAudit(tx, auditContext(actor), {
          entity: "campaign",
          entityId: created.id,
          action: "create",
          fields: ["name", "deadline", "institution_id", "overview_id", "sheet_id"],
          institutionId: created.institutionId,
        });
        return created.id;
      });
      return get(actor, id);
    },

    /** A new deadline, a new name, closing early (`closed: true`) or reopening. */
    async update(actor: Actor, id: string, input: z.infer<typeof updateCampaignBody>): Promise<Campaign> {
      const { row } = await load(actor, id, "campaigns.manage");
      const before = row.campaign;
      const patch: Partial<Pick<CampaignRow, "name" | "deadline" | "closedAt">> = {};
      const fields: string[] = [];
      if (input.name !== undefined && input.name !== before.name) {
        patch.name = input.name;
        fields.push("name");
      }
      if (input.deadline !== undefined && input.deadline !== before.deadline) {
        if (input.deadline < todayInOslo(clock.now())) throw campaignDeadlinePast();
        patch.deadline = input.deadline;
        fields.push("deadline");
      }
      if (input.closed !== undefined && input.closed !== (before.closedAt !== null)) {
        patch.closedAt = input.closed ? clock.now() : null;
        fields.push("closed_at");
      }
      if (fields.length > 0) {
        await db.transaction(async (tx) => {
          await createCampaignsRepository({ db: tx }).update(id, patch);
          await writeAudit(tx, auditContext(actor), {
            entity: "campaign",
            entityId: id,
            action: "update",
            fields,
            institutionId: before.institutionId,
          });
        });
      }
      return get(actor, id);
    },

    /** The public link as a QR code. */
    async qr(actor: Actor, id: string, format: "svg" | "png"): Promise<{ body: string | Buffer; fileName: string }> {
      const { row } = await load(actor, id, "campaigns.read");
      const url = publicUrlOf(row.campaign);
      const fileName = `QR ${row.campaign.name}.${format}`;
      if (format === "svg") return { body: await QRCode.toString(url, { type: "svg", margin: 2 }), fileName };
      return { body: await QRCode.toBuffer(url, { type: "png", margin: 2, width: 1024 }), fileName };
    },

    /** A link for one late student, working after the deadline until its last day; shown only now. */
    async createPersonalLink(actor: Actor, id: string, input: z.infer<typeof createPersonalLinkBody>) {
      const { row } = await load(actor, id, "campaigns.manage");
      const today = todayInOslo(clock.now());
      if (input.validUntil < today || input.validUntil > addDays(today, personalLinkMaxDays)) {
        throw personalLinkTooLong();
      }
      const token = newToken();
      return db.transaction(async (tx) => {
        const link = await createCampaignsRepository({ db: tx }).insertPersonalLink({
          campaignId: id,
          tokenHash: tokenHash(token),
          note: input.note,
          validUntil: input.validUntil,
          createdBy: actor.userId || null,
        });
        await writeAudit(tx, auditContext(actor), {
          entity: "campaign",
          entityId: id,
          action: "create_personal_link",
          fields: ["note", "valid_until"],
          institutionId: row.campaign.institutionId,
        });
        return {
          id: link.id,
          note: link.note,
          validUntil: link.validUntil,
          url: `${appUrl}${publicPaths.campaign(token)}`,
          usedAt: null,
        };
      });
    },
  };
}
export type CampaignsUsecases = ReturnType<typeof createCampaignsUsecases>;
