import { expect, test } from "@playwright/test";
import { demoUsers, expectGoodPage, mainHeading, mainMenu, signIn } from "./support.ts";

test("FOU sends the students waiting for a Læringsportalen user in a batch and marks a user created", async ({
  page,
}) => {
  await signIn(page, demoUsers.fou.email);
  // The start page's number opens the list of those waiting, as many as it says.
  const card = page.getByRole("link", { name: /venter på bruker i Læringsportalen/ });
  const count = Number((await card.innerText()).match(/\d+/)?.[0]);
  expect(count).toBeGreaterThan(0);
  await card.click();
  await expect(page).toHaveURL(/\/laeringsportalen\?status=needed/);
  await expect(mainHeading(page)).toHaveText("Læringsportalen");
  await expect(mainMenu(page).getByRole("link", { name: "Læringsportalen", exact: true })).toBeVisible();
  const table = page.getByRole("table", { name: "Studenter som trenger bruker i Læringsportalen" });
  await expect(table.getByRole("row")).toHaveCount(Math.min(count, 50) + 1);
  await expect(page.getByText("Bestillinger sendes til laeringsportalen@helse-vest.test.")).toBeVisible();
  await expectGoodPage(page, "19 læringsportalen");

  // Two students in one batch: the dialog names the address and says no ID number is sent.
  const rows = table.getByRole("row");
  await rows.nth(1).getByRole("checkbox").check();
  await rows.nth(2).getByRole("checkbox").check();
  await page.getByRole("button", { name: "Send bestilling (2)" }).click();
  const dialog = page.getByRole("dialog", { name: "Send bestilling for 2 studenter?" });
  await expect(dialog).toContainText("laeringsportalen@helse-vest.test");
  await expect(dialog).toContainText("Fødselsnummer og D-nummer sendes ikke.");
  await expectGoodPage(page, "19 læringsportalen bestilling");
  const sent = page.waitForResponse((r) => r.url().endsWith("/api/learning-portal/batches"));
  await dialog.getByRole("button", { name: "Send bestilling (2)" }).click();
  expect((await sent).status()).toBe(201);
  await expect(page.getByText(/er sendt til laeringsportalen@helse-vest\.test/)).toBeVisible();
  await expect(table.getByRole("row")).toHaveCount(Math.min(count - 2, 50) + 1);

  // The ordered ones: one user is marked created.
  await page.getByLabel("Status", { exact: true }).selectOption({ label: "Bestilt" });
  await expect(page).toHaveURL(/status=requested/);
  await expect(table.getByRole("row").nth(1)).toContainText(/Bestilling \d, \d\d\.\d\d\.\d{4}/);
  await table.getByRole("row").nth(1).getByRole("checkbox").check();
  const marked = page.waitForResponse((r) => r.url().endsWith("/api/learning-portal/mark-created"));
  await page.getByRole("button", { name: "Merk bruker opprettet (1)" }).click();
  expect((await marked).status()).toBe(200);
  await expect(page.getByText("1 bruker merket opprettet.")).toBeVisible();
});

test("the settings offer the seed's Læringsportalen address while the field is empty, never as a default", async ({
  page,
}) => {
  await signIn(page, demoUsers.admin.email);
  await page.goto("/admin/innstillinger");
  const field = page.getByLabel("E-postadresse til Læringsportalen");
  await expect(field).toHaveValue("laeringsportalen@helse-vest.test");
  const suggestion = page.getByRole("button", { name: "Bruk laeringsportalen@helse-vest.no" });
  await expect(suggestion).toHaveCount(0);
  await field.fill("");
  await suggestion.click();
  await expect(field).toHaveValue("laeringsportalen@helse-vest.no");
  await expect(field).toBeFocused();
  await expect(suggestion).toHaveCount(0);
});
