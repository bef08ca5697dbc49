import { expect, type Page, test } from "@playwright/test";
import {
  demoUsers,
  expectAccessible,
  expectGoodPage,
  mainHeading,
  openAdminPage,
  screenshot,
  signIn,
} from "./support.ts";

// Last on purpose: it adds a trust to the demo data.

function trustSwitcher(page: Page) {
  return page.locator(".app-header").getByLabel("Helseforetak", { exact: true });
}

test("the system administrator creates Helse Fonna, switches to it and back", async ({ page }) => {
  await signIn(page, demoUsers.admin.email);
  await expect(trustSwitcher(page)).toHaveCount(0);

  await openAdminPage(page, "Helseforetak");
  const table = page.getByRole("table", { name: "Helseforetak" });
  await expect(table.locator("tbody tr")).toHaveCount(1);
  await expect(table).toContainText("Helse Bergen");

  // The form names what is missing.
  await page.getByRole("button", { name: "Opprett helseforetak" }).click();
  await expect(page.getByText("Skriv inn navnet på helseforetaket.").first()).toBeVisible();
  await expectAccessible(page, "helseforetak med feil i skjemaet");

  await page.getByLabel("Navn på helseforetaket").fill("Helse Fonna");
  const firstAdmin = page.getByRole("group", { name: "Første administrator" });
  await firstAdmin.getByLabel("Navn").fill(demoUsers.admin.name);
  await firstAdmin.getByLabel("E-postadresse").fill(demoUsers.admin.email);
  await page.getByRole("button", { name: "Opprett helseforetak" }).click();

  await expect(page.getByRole("status")).toHaveText("Helse Fonna er opprettet.");
  await expect(table.locator("tbody tr")).toHaveCount(2);
  await expect(table.getByRole("row").filter({ hasText: "Helse Fonna" })).toBeVisible();
  await expect(page.getByLabel("Navn på helseforetaket")).toHaveValue("");
  await expectGoodPage(page, "06 helseforetak opprettet");

  // She is the first admin of Helse Fonna too, so the header lets her switch trust.
  const switcher = trustSwitcher(page);
  await expect(switcher).toBeVisible();
  await expect(switcher.locator("option")).toHaveText(["Helse Bergen", "Helse Fonna"]);
  await expect(switcher).toHaveValue(/.+/);
  await switcher.selectOption({ label: "Helse Fonna" });

  await expect(page).toHaveURL(/\/$/);
  await expect(mainHeading(page)).toHaveText("Start");
  await expect(page.getByRole("status")).toHaveText("Du jobber nå i Helse Fonna.");
  await expect(page.getByText("Rollene dine i Helse Fonna: Administrator.")).toBeVisible();
  await expect(trustSwitcher(page).locator("option:checked")).toHaveText("Helse Fonna");
  // Empty state: nothing but herself, and a way to begin.
  const overview = page.getByRole("region", { name: "Dette finnes nå" });
  await expect(overview.getByRole("link", { name: "1 bruker" })).toBeVisible();
  await expect(overview.getByRole("link", { name: "Ingen avtaler ennå – registrer en avtale" })).toBeVisible();
  await expect(overview.getByRole("link", { name: "Ingen praksissteder ennå – legg til praksissteder" })).toBeVisible();
  await expectGoodPage(page, "06 helse fonna start");

  // The lists belong to Helse Fonna now: no placement sites.
  await openAdminPage(page, "Praksissteder");
  await expect(page.getByText("Ingen praksissteder ennå.")).toBeVisible();
  await screenshot(page, "06 helse fonna praksissteder");

  // Back to Helse Bergen.
  await trustSwitcher(page).selectOption({ label: "Helse Bergen" });
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("status")).toHaveText("Du jobber nå i Helse Bergen.");
  await expect(page.getByText("Rollene dine i Helse Bergen: Administrator.")).toBeVisible();
  await expect(
    page.getByRole("region", { name: "Dette finnes nå" }).getByRole("link", { name: /praksissteder$/ }),
  ).toHaveText(/^1[01] praksissteder$/);
  await expectGoodPage(page, "06 tilbake i helse bergen");
});
