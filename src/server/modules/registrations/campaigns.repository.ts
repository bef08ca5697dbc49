import { and, asc, desc, eq, ilike, inArray, isNotNull, isNull, or, type SQL, sql } from "drizzle-orm";
import type { IsoDate } from "../../../domain/dates.ts";
import type { DbOrTx } from "../../shared/database.ts";
import { containsPattern } from "../../shared/like-pattern.ts";
import { institutions } from "../institutions/institutions.table.ts";
import { overviews, sheets } from "../overviews/overviews.table.ts";
import { trusts } from "../trusts/trusts.table.ts";
import { campaignPersonalLinks, campaigns } from "./registrations.table.ts";

export type CampaignRow = typeof campaigns.$inferSelect;

const columns = {
  campaign: campaigns,
  institutionName: institutions.name,
  institutionShortName: institutions.shortName,
  overviewName: overviews.name,
  sheetName: sheets.name,
};

export interface CampaignFilter {
  trustId: string;
  /** Coordinators: only these institutions. */
  institutionIds?: string[];
  institutionId?: string;
  state?: "open" | "closed";
  q?: string;
  today: IsoDate;
}

const sortColumns = {
  deadline: campaigns.deadline,
  name: campaigns.name,
  institution: institutions.name,
  created: campaigns.createdAt,
};

function where(f: CampaignFilter): SQL | undefined {
  const open = and(isNull(campaigns.closedAt), sql`${campaigns.deadline} >= ${f.today}::date`);
  const pattern = f.q ? containsPattern(f.q) : null;
  return and(
    eq(campaigns.trustId, f.trustId),
    f.institutionIds ? inArray(campaigns.institutionId, f.institutionIds) : undefined,
    f.institutionId ? eq(campaigns.institutionId, f.institutionId) : undefined,
    f.state === "open" ? open : undefined,
    f.state === "closed" ? or(isNotNull(campaigns.closedAt), sql`${campaigns.deadline} < ${f.today}::date`) : undefined,
    pattern ? or(ilike(campaigns.name, pattern), ilike(institutions.name, pattern)) : undefined,
  );
}

export function createCampaignsRepository({ db }: { db: DbOrTx }) {
  const select = () =>
    db
      .select(columns)
      .from(campaigns)
      .innerJoin(institutions, eq(institutions.id, campaigns.institutionId))
      .leftJoin(overviews, eq(overviews.id, campaigns.overviewId))
      .leftJoin(sheets, eq(sheets.id, campaigns.sheetId));

  return {
    async list(
      f: CampaignFilter,
      page: { sort: keyof typeof sortColumns; dir: "asc" | "desc"; limit: number; offset: number },
    ) {
      const order = page.dir === "desc" ? desc : asc;
      const items = await select()
        .where(where(f))
        .orderBy(order(sortColumns[page.sort]), asc(campaigns.id))
        .limit(page.limit)
        .offset(page.offset);
      const [total] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(campaigns)
        .innerJoin(institutions, eq(institutions.id, campaigns.institutionId))
        .where(where(f));
      return { items, total: total?.n ?? 0 };
    },
    /** The trust's campaign (of these institutions only, when given). */
    async find(trustId: string, id: string, institutionIds?: string[]) {
      const [row] = await select().where(
        and(
          eq(campaigns.trustId, trustId),
          eq(campaigns.id, id),
          institutionIds ? inArray(campaigns.institutionId, institutionIds) : undefined,
        ),
      );
      return row;
    },
    async institutionShortName(id: string) {
      const [row] = await db
        .select({ shortName: institutions.shortName })
        .from(institutions)
        .where(eq(institutions.id, id));
      return row?.shortName;
    },
    async findById(id: string) {
      const [row] = await db.select().from(campaigns).where(eq(campaigns.id, id));
      return row;
    },
    async findByTokenHash(hash: string) {
      const [row] = await db.select().from(campaigns).where(eq(campaigns.tokenHash, hash));
      return row;
    },
    async insert(values: typeof campaigns.$inferInsert) {
      const [row] = await db.insert(campaigns).values(values).returning();
      return row as CampaignRow;
    },
    async update(id: string, values: Partial<Pick<CampaignRow, "name" | "deadline" | "closedAt">>) {
      await db
        .update(campaigns)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(campaigns.id, id));
    },
    /** The document's institution, and the sheet's document, when they are the trust's. */
    async placeOf(trustId: string, q: { overviewId?: string | null; sheetId?: string | null }) {
      const overview = q.overviewId
        ? (
            await db
              .select({ id: overviews.id, institutionId: overviews.institutionId })
              .from(overviews)
              .where(and(eq(overviews.trustId, trustId), eq(overviews.id, q.overviewId)))
          )[0]
        : undefined;
      const sheet = q.sheetId
        ? (
            await db
              .select({ id: sheets.id, overviewId: sheets.overviewId, institutionId: overviews.institutionId })
              .from(sheets)
              .innerJoin(overviews, eq(overviews.id, sheets.overviewId))
              .where(and(eq(overviews.trustId, trustId), eq(sheets.id, q.sheetId)))
          )[0]
        : undefined;
      return { overview, sheet };
    },
    /** What the public form shows of the campaign's trust and institution. */
    async publicContext(campaign: CampaignRow) {
      const [row] = await db
        .select({
          trustName: trusts.name,
          testMode: trusts.testMode,
          retentionMonths: trusts.retentionMonths,
          unmatchedRetentionDays: trusts.unmatchedRegistrationDays,
          studentInfoUrl: trusts.studentInfoUrl,
          institutionName: institutions.name,
        })
        .from(trusts)
        .innerJoin(institutions, eq(institutions.id, campaign.institutionId))
        .where(eq(trusts.id, campaign.trustId));
      return row as NonNullable<typeof row>;
    },

    async insertPersonalLink(values: typeof campaignPersonalLinks.$inferInsert) {
      const [row] = await db.insert(campaignPersonalLinks).values(values).returning();
      return row as typeof campaignPersonalLinks.$inferSelect;
    },
    async findPersonalLinkByTokenHash(hash: string) {
      const [row] = await db
        .select({ link: campaignPersonalLinks, campaign: campaigns })
        .from(campaignPersonalLinks)
        .innerJoin(campaigns, eq(campaigns.id, campaignPersonalLinks.campaignId))
        .where(eq(campaignPersonalLinks.tokenHash, hash));
      return row;
    },
    async usePersonalLink(id: string, at: Date) {
      await db
        .update(campaignPersonalLinks)
        .set({ usedAt: at })
        .where(and(eq(campaignPersonalLinks.id, id), isNull(campaignPersonalLinks.usedAt)));
    },
  };
}
