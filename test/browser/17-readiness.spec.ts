import { expect, test } from "@playwright/test";
import { demoUsers, expectGoodPage, mainHeading, mainMenu, signIn } from "./support.ts";

test("FOU reads every student's status before the placement and checks a status report from the portal", async ({
  page,
}) => {
  await signIn(page, demoUsers.fou.email);
  await mainMenu(page).getByRole("link", { name: "Status før praksis", exact: true }).click();
  await expect(mainHeading(page)).toHaveText("Status før praksis");
  const table = page.getByRole("table", { name: "Studentenes status før praksis" });
  await expect(table.getByRole("row").nth(1)).toBeVisible();
  await expect(page.locator(".readiness-counts")).toContainText("studenter");
  await expectGoodPage(page, "15 status før praksis");

  // Not ready 14 days before the start: the filter is in the URL, and every line shown is red.
  const answer = page.waitForResponse((r) => r.url().includes("/api/readiness") && r.url().includes("notReadyDays=14"));
  await page.getByLabel("Vis", { exact: true }).selectOption({ label: "Ikke klare 14 dager før start" });
  await answer;
  await expect(page).toHaveURL(/ikkeKlar=14/);
  const rows = table.getByRole("row");
  const shown = (await rows.count()) - 1;
  for (let i = 1; i <= shown; i++) await expect(rows.nth(i)).toContainText("Ikke klar – starter om");

  // The portal's status report is checked before anything is saved; a reference no order has is named.
  await page.getByRole("button", { name: "Last opp statusrapport" }).click();
  const dialog = page.getByRole("dialog", { name: "Statusrapport fra bestillingsportalen" });
  await dialog.getByLabel("Statusrapport").setInputFiles({
    name: "status.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(
      "Referanse;Fødselsnummer;System;Status;Brukernavn;Begrunnelse\r\nSP-404;;DIPS Arena;Godkjent;;\r\n",
    ),
  });
  const checked = page.waitForResponse((r) => r.url().includes("/api/orders/status-import"));
  await dialog.getByRole("button", { name: "Sjekk filen" }).click();
  expect((await checked).status()).toBe(200);
  await expect(dialog.getByRole("heading", { name: "Dette vil endres" })).toBeFocused();
  await expect(dialog.getByRole("table", { name: "Rader som ikke ble brukt" })).toContainText(
    "Ingen bestilling har referansen «SP-404».",
  );
  await expect(dialog.getByText("Filen har ingenting å lagre.")).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Lagre" })).toHaveCount(0);
  await expectGoodPage(page, "15 statusrapport");
});

test("a coordinator sees only their own students, without the portal's reference", async ({ page }) => {
  await signIn(page, demoUsers.uib.email);
  await page.goto("/klar");
  await expect(mainHeading(page)).toHaveText("Status før praksis");
  const table = page.getByRole("table", { name: "Studentenes status før praksis" });
  await expect(table.getByRole("row").nth(1)).toBeVisible();
  const institutions = await table
    .getByRole("row")
    .evaluateAll((rows) => rows.slice(1).map((r) => r.querySelectorAll("td")[2]?.textContent?.trim() ?? ""));
  expect(new Set(institutions)).toEqual(new Set(["UiB"]));
  await expect(page.getByText("Referanse:")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Last opp statusrapport" })).toHaveCount(0);
});
