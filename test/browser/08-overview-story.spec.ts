import { expect, type Page, test } from "@playwright/test";
import { testNationalId } from "../helpers/national-ids.ts";
import { cellOf, grid, rowOf, typeInto } from "./grid.ts";
import { demoUsers, expectAccessible, screenshot, settled, signedIn } from "./support.ts";

/**
 * Issue 4's story: a coordinator imports a workbook with mistakes into a new document (its sheets
 * are new, so the dialog asks for their periods and checks the dates against them before offering
 * "Lagre"), fixes them in the grid and submits; FOU signs in and sees the change in red and the
 * notification.
 */
const fixture = "../shared/fixtures/praksisoversikt-eksempel.xlsx";
/** A cohort the demo's living semester has no document for (its cohorts are the last four years). */
const cohort = 2020;
const documentName = `HVL Sykepleie kull ${cohort}`;
/** A synthetic test number (month + 80) for the demo trust, which is in test mode. */
const correctedId = testNationalId({ year: 2003, month: 2, day: 17, kind: "tnr" });

/** Types a period into each new sheet's fields of the import report. */
async function typePeriods(page: Page, start: string, end: string) {
  const periods = page.locator(".period-fieldset");
  await expect(periods.first()).toBeVisible();
  for (let i = 0; i < (await periods.count()); i++) {
    await periods.nth(i).getByLabel("Første dag i perioden").fill(start);
    await periods.nth(i).getByLabel("Siste dag i perioden").fill(end);
  }
}

/** Clicks and waits for the import's answer, as the coordinator waits for the check (the parse pool may be starting). */
async function answered(page: Page, click: () => Promise<void>) {
  const response = page.waitForResponse((r) => r.request().method() === "POST" && /\/import\b/.test(r.url()));
  await click();
  await response;
}

test("a coordinator imports a workbook with mistakes, fixes them, submits; FOU sees the change in red", async ({
  browser,
}) => {
  const coordinator = await signedIn(browser, demoUsers.hvl.email);

  await coordinator.getByRole("link", { name: "Praksisoversikter" }).first().click();
  await settled(coordinator);
  await coordinator.getByRole("button", { name: "Ny praksisoversikt" }).first().click();
  await coordinator.getByLabel("Studieprogram").selectOption({ label: "Sykepleie" });
  await coordinator.getByLabel("Kull (opptaksår)").fill(String(cohort));
  await coordinator.getByRole("button", { name: "Lag praksisoversikt" }).click();
  await expect(coordinator.getByRole("heading", { level: 1 })).toHaveText(documentName);

  // Import into the new document: its sheets are new, their periods not known yet. The first check
  // reports the mistakes the file's comment column announces, and says the dates are checked later.
  await coordinator.getByRole("button", { name: "Importer fra Excel" }).first().click();
  await coordinator.getByLabel("Excel-fil").setInputFiles(fixture);
  await answered(coordinator, () => coordinator.getByRole("button", { name: "Kontroller filen" }).click());
  const report = coordinator.locator(".import-flow");
  const summary = report.locator(".import-report [role=status]");
  const pending = report.getByText("Datoene kontrolleres når periodene er fylt inn");
  await expect(report.getByText("Resultat av kontrollen")).toBeVisible();
  await expect(summary).toContainText("3 rader har feil (3 feil i alt).");
  await expect(pending).toBeVisible();
  await expect(report.getByText(/Ugyldig fødselsnummer/).first()).toBeVisible();
  await expect(report.getByText(/E-postadressen mangler/).first()).toBeVisible();
  await expect(report.getByText(/Hjerteavdelinga, post 1/).first()).toBeVisible();
  await expect(report.getByText(/Fant ingen feil/)).toHaveCount(0);
  await expect(report.getByRole("button", { name: "Lagre", exact: true })).toHaveCount(0);
  await screenshot(coordinator, "oversikt import-rapport uten perioder", { fullPage: false });
  await expectAccessible(coordinator, "import report before the periods");

  // A period too short: the dates are checked against it before anything can be saved.
  await typePeriods(coordinator, "01.03.2027", "31.03.2027");
  await answered(coordinator, () => report.getByRole("button", { name: "Kontroller datoene" }).click());
  await expect(report.getByText(/Datoen er utenfor praksisperioden 01\.03\.2027–31\.03\.2027/).first()).toBeVisible();
  await expect(pending).toHaveCount(0);
  await expect(summary).not.toContainText("3 rader har feil");
  await expect(report.getByRole("button", { name: "Lagre", exact: true })).toBeVisible();

  // The right period: changed dates are checked again, and the final report comes before "Lagre".
  await typePeriods(coordinator, "01.03.2027", "09.04.2027");
  await expect(report.getByText(/Du har endret periodene etter kontrollen/)).toBeVisible();
  await expect(report.getByRole("button", { name: "Lagre", exact: true })).toHaveCount(0);
  await answered(coordinator, () => report.getByRole("button", { name: "Kontroller datoene" }).click());
  await expect(report.getByText(/Datoen er utenfor praksisperioden/)).toHaveCount(0);
  await expect(summary).toContainText("3 rader har feil (3 feil i alt).");
  await expect(report.getByText(/Fant ingen feil/)).toHaveCount(0);
  // Each new report is read from its top: the focus moves to its heading.
  await expect(report.getByRole("heading", { name: "Resultat av kontrollen" })).toBeFocused();
  await screenshot(coordinator, "oversikt import-rapport med perioder", { fullPage: false });
  await expectAccessible(coordinator, "import report with the periods");
  const save = report.getByRole("button", { name: "Lagre", exact: true });
  await save.scrollIntoViewIfNeeded();
  await screenshot(coordinator, "oversikt import-rapport klar til lagring", { fullPage: false });
  await answered(coordinator, () => save.click());
  await expect(report.getByText("Importen er lagret")).toBeVisible();
  await expect(report.getByText("3 rader har feil som må rettes i tabellen før arket kan leveres.")).toBeVisible();
  await coordinator.getByRole("button", { name: "Lukk", exact: true }).last().click();

  await expect(rowOf(coordinator, "Johansen")).toBeVisible();
  // The grid finds what the report said before "Lagre".
  await expect(coordinator.getByText("3 rader med feil").first()).toBeVisible();
  await expect(grid(coordinator).locator("[aria-invalid=true]")).toHaveCount(3);
  await screenshot(coordinator, "oversikt med feil");
  await expectAccessible(coordinator, "grid with mistakes");

  // Fix the three problems in the grid, by keyboard and with a suggestion.
  await typeInto(coordinator, "Johansen", "Fødselsnummer", correctedId);
  await typeInto(coordinator, "Larsen", "E-post", "sindre.larsen@stud.hvl.no");
  const site = await cellOf(coordinator, "Pedersen", "Praksissted");
  await site.getByRole("button", { name: "Hjerteavdelinga, post 1" }).click();
  await expect(grid(coordinator).locator("[aria-invalid=true]")).toHaveCount(0);

  await coordinator.getByRole("button", { name: "Lever arket til FOU" }).click();
  await coordinator.getByRole("button", { name: "Lever arket", exact: true }).click();
  await expect(coordinator.getByText(/Levert \d\d\.\d\d\.\d{4}/)).toBeVisible();

  // A change after submission: it is kept and announced to FOU.
  await typeInto(coordinator, "Hansen", "Mobil", "41 00 00 01");
  await expect(await cellOf(coordinator, "Hansen", "Mobil")).toContainText("41 00 00 01");

  const fou = await signedIn(browser, demoUsers.fou.email);
  const bell = fou.locator(".app-header").getByRole("link", { name: /^Varsler/ });
  await expect(bell).toHaveAttribute("aria-label", /[1-9]\d* ulest/);
  await bell.click();
  await settled(fou);
  const notification = fou.getByRole("link", { name: /Hansen/ }).first();
  await expect(notification).toContainText(/41 ?00 ?00 ?01|4741000001/);
  await notification.click();
  await expect(fou.getByRole("heading", { level: 1 })).toHaveText(documentName);
  const changed = await cellOf(fou, "Hansen", "Mobil");
  await changed.focus();
  await expect(fou.getByText(/Endret av Ola Brekke/).first()).toBeVisible();
  await expect(changed).toHaveClass(/cell-changed/);
  const [red, green, blue] = await changed
    .locator(".cell-value")
    .evaluate((el) => getComputedStyle(el).color.match(/\d+/g)?.map(Number) ?? [0, 0, 0]);
  expect(red).toBeGreaterThan((green ?? 0) + 60);
  expect(red).toBeGreaterThan((blue ?? 0) + 60);
  await screenshot(fou, "oversikt endret i rødt (FOU)");
  await expectAccessible(fou, "document as FOU");
});
