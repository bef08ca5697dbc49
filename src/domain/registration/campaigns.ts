import { type IsoDate, todayInOslo } from "../dates.ts";

/**
 * Registration campaigns (SPEC §3.1). Pure: no I/O, shared by server and web.
 *
 * A campaign's link is open until 23:59:59 Europe/Oslo on its deadline date, unless FOU closed it
 * early. A personal link for a late student works until 23:59:59 Europe/Oslo on its own last day,
 * whatever the campaign's deadline, as long as the campaign is not closed.
 */
export type CampaignState = "open" | "closed";

export function campaignState(campaign: { deadline: IsoDate; closedAt: Date | null }, now: Date): CampaignState {
  if (campaign.closedAt !== null) return "closed";
  return todayInOslo(now) <= campaign.deadline ? "open" : "closed";
}

export const isCampaignOpen = (campaign: { deadline: IsoDate; closedAt: Date | null }, now: Date) =>
  campaignState(campaign, now) === "open";

/** Whether a personal link still lets its student register. */
export function personalLinkOpen(
  link: { validUntil: IsoDate },
  campaign: { closedAt: Date | null },
  now: Date,
): boolean {
  return campaign.closedAt === null && todayInOslo(now) <= link.validUntil;
}

/** The longest a personal link may last, in days from today. */
export const personalLinkMaxDays = 60;
