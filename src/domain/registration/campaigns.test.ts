import { describe, expect, it } from "vitest";
import { campaignState, isCampaignOpen, personalLinkOpen } from "./campaigns.ts";

const campaign = { deadline: "2026-08-20", closedAt: null };

describe("a campaign's link", () => {
  it("is open until 23:59:59 Europe/Oslo on the deadline date (summer time: UTC+2)", () => {
    expect(isCampaignOpen(campaign, new Date("2026-08-20T21:59:59Z"))).toBe(true);
    expect(isCampaignOpen(campaign, new Date("2026-08-20T22:00:00Z"))).toBe(false);
  });

  it("follows Oslo's winter time too (UTC+1)", () => {
    const winter = { deadline: "2027-01-15", closedAt: null };
    expect(campaignState(winter, new Date("2027-01-15T22:59:59Z"))).toBe("open");
    expect(campaignState(winter, new Date("2027-01-15T23:00:00Z"))).toBe("closed");
  });

  it("is closed once FOU closes it early, whatever the deadline", () => {
    expect(
      campaignState({ ...campaign, closedAt: new Date("2026-08-01T10:00:00Z") }, new Date("2026-08-02T10:00:00Z")),
    ).toBe("closed");
  });
});

describe("a personal link", () => {
  it("works after the campaign's deadline until 23:59 Oslo on its own last day", () => {
    const link = { validUntil: "2026-09-01" };
    expect(personalLinkOpen(link, campaign, new Date("2026-09-01T21:59:00Z"))).toBe(true);
    expect(personalLinkOpen(link, campaign, new Date("2026-09-01T22:00:00Z"))).toBe(false);
  });

  it("stops when the campaign is closed early", () => {
    expect(
      personalLinkOpen(
        { validUntil: "2026-09-01" },
        { closedAt: new Date("2026-08-25T10:00:00Z") },
        new Date("2026-08-26T10:00:00Z"),
      ),
    ).toBe(false);
  });
});
