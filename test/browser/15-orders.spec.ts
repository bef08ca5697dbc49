import { expect, test } from "@playwright/test";
import { demoUsers, expectGoodPage, mainHeading, mainMenu, settled, signedIn } from "./support.ts";

/**
 * FOU orders access for a submitted demo sheet: from the sheet, the check of every row (those to
 * accept and those refused, with why), the order, its file, and marking it ordered with the
 * portal's reference.
 */
test("FOU orders a submitted sheet, downloads the portal file and marks it ordered", async ({ browser }) => {
  const fou = await signedIn(browser, demoUsers.fou.email);
  const overviews = (await (await fou.request.get("/api/overviews")).json()) as {
    id: string;
    name: string;
    sheets: { id: string; name: string }[];
  }[];
  const document = overviews.find((o) => o.name === "HVL Sykepleie kull 2024");
  const sheet = document?.sheets.find((s) => s.name === "Periode 5");
  expect(sheet, "the demo's submitted HVL sheet").toBeDefined();
  await fou.goto(`/oversikter/${document?.id}?ark=${sheet?.id}`);
  await settled(fou);

  // 1: Bestill tilgang — the check of every row.
  await fou.getByRole("link", { name: "Bestill tilgang" }).click();
  await expect(mainHeading(fou)).toHaveText("Bestill tilgang: Periode 5");
  const toAccept = fou.getByRole("heading", { name: /^Må godtas \(\d+\)$/ });
  await expect(toAccept).toBeVisible();
  await expect(fou.getByRole("heading", { name: /^Kan ikke bestilles \(\d+\)$/ })).toBeVisible();
  await expect(fou.getByText("Studenten er ikke overført til HR ennå.").first()).toBeVisible();
  await expect(fou.getByText("E-postadressen for brukernavnet er ikke bekreftet.").first()).toBeVisible();
  const warned = Number((await toAccept.textContent())?.match(/\((\d+)\)/)?.[1]);
  await expectGoodPage(fou, "15 bestill tilgang");

  // 2–3: accept the warnings, order.
  await fou.getByRole("checkbox", { name: /Godta advarslene/ }).check();
  await fou.getByRole("button", { name: `Bestill ${warned} studenter` }).click();
  await expect(mainHeading(fou)).toHaveText(/^Bestilling \d+$/);
  await expect(fou.getByRole("status")).toContainText(`for ${warned} studenter`);
  await expect(fou.getByRole("table", { name: "Linjer" }).getByRole("row")).not.toHaveCount(1);
  await expectGoodPage(fou, "15 bestilling utkast");

  // 4: the portal's file.
  const download = fou.waitForEvent("download");
  await fou.getByRole("button", { name: "Last ned .xlsx" }).click();
  expect((await download).suggestedFilename()).toMatch(/^Bestilling \d+\.xlsx$/);

  // 5: marked ordered with the portal's reference.
  await fou.getByRole("button", { name: "Merk som bestilt" }).click();
  const dialog = fou.getByRole("dialog", { name: "Merk som bestilt" });
  await dialog.getByRole("button", { name: "Merk som bestilt" }).click();
  await expect(dialog.getByText("Skriv referansen fra portalen.").first()).toBeVisible();
  await dialog.getByLabel("Referanse i bestillingsportalen").fill("SP-DEMO-1");
  await dialog.getByRole("button", { name: "Merk som bestilt" }).click();
  await expect(dialog).toBeHidden();
  await expect(fou.getByRole("status")).toContainText("merket som bestilt (SP-DEMO-1)");
  await expect(fou.getByRole("button", { name: "Kanseller" })).toHaveCount(0);

  // The list has it, filtered by state.
  await mainMenu(fou).getByRole("link", { name: "Bestillinger" }).click();
  await expect(mainHeading(fou)).toHaveText("Bestillinger");
  await fou.getByLabel("Status").selectOption({ label: "Bestilt" });
  await expect(fou.getByRole("row").filter({ hasText: "Periode 5" }).first()).toContainText("Bestilt");
  await expectGoodPage(fou, "15 bestillinger");
});
