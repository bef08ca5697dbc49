import { expect, test } from "@playwright/test";
import { demoUsers, expectGoodPage, mainHeading, signIn } from "./support.ts";

test("the UiB coordinator sees only UiB, with Marit Solberg as FOU contact", async ({ page }) => {
  await signIn(page, demoUsers.uib.email);
  await page.getByRole("navigation", { name: "Hovedmeny" }).getByRole("link", { name: "Institusjoner" }).click();
  await expect(mainHeading(page)).toHaveText("Institusjoner");

  const table = page.getByRole("table", { name: "Institusjoner og avtaler" });
  const rows = table.locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Universitetet i Bergen");
  const mainContact = rows.first().getByRole("cell").nth(2);
  await expect(mainContact).toContainText("Marit Solberg");
  await expect(mainContact.getByRole("link", { name: demoUsers.fou.email })).toHaveAttribute(
    "href",
    `mailto:${demoUsers.fou.email}`,
  );
  await expect(table).not.toContainText("Høgskulen på Vestlandet");
  await expect(table).not.toContainText("VID");

  // The search finds her by the contact's name, and says so when nothing matches.
  const search = page.getByLabel("Søk etter institusjon eller kontaktperson");
  await search.fill("Solberg");
  await expect(rows).toHaveCount(1);
  await search.fill("Høgskulen");
  await expect(page.getByText("Ingen treff på «Høgskulen».")).toBeVisible();
  await search.fill("");
  await expect(rows).toHaveCount(1);
  await expectGoodPage(page, "03 koordinator uib institusjoner");

  // The API behind the page agrees: one institution.
  const response = await page.request.get("/api/institutions");
  expect(response.status()).toBe(200);
  const institutions = (await response.json()) as { name: string; shortName: string }[];
  expect(institutions.map((i) => i.name)).toEqual(["Universitetet i Bergen"]);
});
