import { expect, type Page, test } from "@playwright/test";
import { demoUsers, expectAccessible, expectGoodPage, openAdminPage, screenshot, signIn } from "./support.ts";

function navigation(page: Page) {
  return page.getByRole("navigation", { name: "Hovedmeny" });
}

test("the admin creates a coordinator for HVL, who can then sign in", async ({ page, browser }) => {
  const person = { name: "Eirik Vangsnes", email: "eirik.vangsnes@hvl.test", password: "fjellbekk-2024-vår" };

  await signIn(page, demoUsers.admin.email);
  await openAdminPage(page, "Brukere");
  await page.getByRole("button", { name: "Ny bruker" }).click();

  const dialog = page.getByRole("dialog", { name: "Ny bruker" });
  await expect(dialog).toBeVisible();
  await expectAccessible(page, "dialog Ny bruker");
  await screenshot(page, "04 ny bruker dialog", { fullPage: false });

  // Missing fields are named in a summary before anything is sent.
  await dialog.getByRole("button", { name: "Legg til bruker" }).click();
  await expect(dialog.getByText("Skriv inn navnet.").first()).toBeVisible();
  await expect(dialog.getByText("Velg en rolle.").first()).toBeVisible();

  await dialog.getByLabel("Navn").fill(person.name);
  await dialog.getByLabel("E-postadresse").fill(person.email);
  await dialog.getByLabel("Passord (valgfritt)").fill(person.password);
  await dialog.getByLabel("Rolle").selectOption({ label: "Praksiskoordinator" });
  await dialog.getByRole("button", { name: "Legg til bruker" }).click();
  await expect(dialog.getByText("Velg institusjonen praksiskoordinatoren hører til.").first()).toBeVisible();
  await dialog.getByLabel("Institusjon").selectOption({ label: "Høgskulen på Vestlandet (HVL)" });
  await screenshot(page, "04 ny bruker dialog utfylt", { fullPage: false });
  await dialog.getByRole("button", { name: "Legg til bruker" }).click();

  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status")).toHaveText(`${person.name} er lagt til.`);
  const row = page.getByRole("row").filter({ hasText: person.email });
  await expect(row).toContainText(person.name);
  await expect(row).toContainText("Praksiskoordinator – HVL");
  await expect(row).toContainText("Aktiv");
  await expectGoodPage(page, "04 brukere med ny koordinator");

  // The new coordinator signs in with the password given, in a browser of their own.
  const context = await browser.newContext();
  const theirs = await context.newPage();
  await signIn(theirs, person.email, person.password);
  await expect(theirs.getByText(`Hei, ${person.name}!`)).toBeVisible();
  await expect(
    theirs.getByText("Rollene dine i Helse Bergen: Praksiskoordinator for Høgskulen på Vestlandet."),
  ).toBeVisible();
  await navigation(theirs).getByRole("link", { name: "Institusjoner" }).click();
  const rows = theirs.getByRole("table", { name: "Institusjoner og avtaler" }).locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Høgskulen på Vestlandet");
  await context.close();
});

test("the admin adds a placement site, finds it by searching and sorts the list", async ({ page }) => {
  await signIn(page, demoUsers.admin.email);
  await openAdminPage(page, "Praksissteder");
  const table = page.getByRole("table", { name: "Praksissteder" });
  const rows = table.locator("tbody tr");
  await expect(rows).toHaveCount(10);

  await page.getByRole("button", { name: "Nytt praksissted" }).click();
  const dialog = page.getByRole("dialog", { name: "Nytt praksissted" });
  await dialog.getByLabel("Praksissted", { exact: true }).fill("Øyeavdelinga, sengepost 2");
  await dialog.getByLabel("Avdeling (valgfritt)").fill("Augeavdelinga");
  await expectAccessible(page, "dialog Nytt praksissted");
  await dialog.getByRole("button", { name: "Legg til praksissted" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status")).toHaveText("Øyeavdelinga, sengepost 2 er lagt til.");
  await expect(rows).toHaveCount(11);

  // Search: as one types, the list narrows, and the URL keeps it.
  const search = page.getByLabel("Søk etter praksissted eller avdeling");
  await search.fill("sengepost 2");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Øyeavdelinga, sengepost 2");
  await expect(page.getByText("Viser 1 av 11")).toBeVisible();
  await expect(page).toHaveURL(/q=sengepost/);
  await search.fill("");
  await expect(rows).toHaveCount(11);

  // Sort by name: Norwegian order puts Ø after the other letters; a second click turns it round.
  const nameHeader = table.getByRole("columnheader", { name: "Praksissted" });
  const departmentHeader = table.getByRole("columnheader", { name: "Avdeling (valgfritt)" });
  await expect(nameHeader).toHaveAttribute("aria-sort", "ascending");
  await expect(departmentHeader).toHaveAttribute("aria-sort", "none");
  await expect(rows.first().getByRole("cell").first()).toHaveText("Akuttmottaket");
  await expect(rows.last().getByRole("cell").first()).toHaveText("Øyeavdelinga, sengepost 2");

  await nameHeader.getByRole("button").click();
  await expect(nameHeader).toHaveAttribute("aria-sort", "descending");
  await expect(rows.first().getByRole("cell").first()).toHaveText("Øyeavdelinga, sengepost 2");
  await expect(page).toHaveURL(/dir=desc/);

  // By keyboard, on another column.
  await departmentHeader.getByRole("button").focus();
  await page.keyboard.press("Enter");
  await expect(departmentHeader).toHaveAttribute("aria-sort", "ascending");
  await expect(nameHeader).toHaveAttribute("aria-sort", "none");
  await expect(rows.first().getByRole("cell").nth(1)).toHaveText("Akuttklinikken");

  // The sort survives a reload (it lives in the URL).
  await page.reload();
  await expect(table.getByRole("columnheader", { name: "Avdeling (valgfritt)" })).toHaveAttribute(
    "aria-sort",
    "ascending",
  );
  await expectGoodPage(page, "04 praksissteder sortert");

  // Paging: at ten rows a page (the size is in the URL) the eleven sites fill two pages.
  await page.goto("/admin/praksissteder?antall=10");
  await expect(rows).toHaveCount(10);
  await expect(page.getByText("Viser 1–10 av 11")).toBeVisible();
  const pager = page.getByRole("navigation", { name: "Bla i sider" });
  await expect(pager.getByRole("button", { name: "Side 1" })).toHaveAttribute("aria-current", "true");
  await expect(pager.getByRole("button", { name: "Forrige" })).toHaveCount(0);
  await pager.getByRole("button", { name: "Neste" }).click();
  await expect(page).toHaveURL(/side=2/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByRole("cell").first()).toHaveText("Øyeavdelinga, sengepost 2");
  await expect(page.getByText("Viser 11–11 av 11")).toBeVisible();
  await expect(pager.getByRole("button", { name: "Side 2" })).toHaveAttribute("aria-current", "true");
  await expect(pager.getByRole("button", { name: "Neste" })).toHaveCount(0);
  await expectGoodPage(page, "04 praksissteder side 2");

  // A page turn is a step back in the browser's history; the page buttons work by keyboard.
  await page.goBack();
  await expect(rows).toHaveCount(10);
  await pager.getByRole("button", { name: "Side 2" }).focus();
  await page.keyboard.press("Enter");
  await expect(rows).toHaveCount(1);

  // A new search starts on page 1; another page size keeps the search.
  await page.getByLabel("Søk etter praksissted eller avdeling").fill("post");
  await expect(page).not.toHaveURL(/side=/);
  await expect(rows).toHaveCount(5);
  await expect(page.getByText("Viser 5 av 11")).toBeVisible();
  await page.getByLabel("Søk etter praksissted eller avdeling").fill("");
  await expect(rows).toHaveCount(10);
  await page.getByLabel("Rader per side").selectOption("25");
  await expect(page).toHaveURL(/antall=25/);
  await expect(rows).toHaveCount(11);
  await expect(page.getByText("Viser 11 av 11")).toBeVisible();
});

test("the admin changes a trust setting and sees it saved", async ({ page }) => {
  await signIn(page, demoUsers.admin.email);
  await openAdminPage(page, "Innstillinger");
  await expect(page.getByText("Innstillingene gjelder for Helse Bergen.")).toBeVisible();

  const deadline = page.getByLabel("Frist i dager");
  await expect(deadline).not.toHaveValue("");
  const before = await deadline.inputValue();
  const after = before === "21" ? "28" : "21";

  // A value out of range is refused with a message at the field.
  await deadline.fill("500");
  await page.getByRole("button", { name: "Lagre innstillingene" }).click();
  await expect(page.getByText("Skriv et helt tall fra 0 til 180.").first()).toBeVisible();

  await deadline.fill(after);
  await page.getByRole("button", { name: "Lagre innstillingene" }).click();
  await expect(page.getByRole("status")).toHaveText("Innstillingene er lagret.");
  await screenshot(page, "04 innstillinger lagret");

  await page.reload();
  await expect(page.getByLabel("Frist i dager")).toHaveValue(after);
  await expectGoodPage(page, "04 innstillinger");
});

test("the admin sets the registration settings by keyboard, and they come back after saving", async ({ page }) => {
  await signIn(page, demoUsers.admin.email);
  await openAdminPage(page, "Innstillinger");
  const save = page.getByRole("button", { name: "Lagre innstillingene" });
  // The HR file's column list (the ordering portal's file has one like it further down).
  const hr = page.getByRole("group", { name: "Kolonner i HR-overføringsfilen" });
  const columns = hr.locator(".column-order > li .column-order-name");
  await expect(columns.first()).toHaveText("Etternavn");

  // Days before unmatched registrations are deleted: out of range is refused at the field.
  const days = page.getByLabel("Dager før registreringer uten treff slettes");
  await expect(days).toHaveValue("90");
  await days.fill("0");
  await save.click();
  await expect(page.getByText("Skriv et helt tall fra 1 til 730.").first()).toBeVisible();
  await days.fill("45");

  // The HR file's columns: moved and removed with buttons; the focus stays with the moved column.
  const upNationalId = hr.getByRole("button", { name: "Flytt Fødselsnummer opp" });
  await upNationalId.focus();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await expect(columns.nth(0)).toHaveText("Fødselsnummer");
  await expect(hr.getByRole("button", { name: "Flytt Fødselsnummer ned" })).toBeFocused();
  await hr.getByRole("button", { name: "Fjern Praksissted" }).click();
  await expect(columns).toHaveCount(11);
  await hr.getByLabel("Legg til kolonne").selectOption({ label: "Praksissted" });
  await hr.getByRole("button", { name: "Legg til", exact: true }).click();
  await expect(columns.last()).toHaveText("Praksissted");
  await hr.getByRole("button", { name: "Fjern Mobil" }).click();

  // Webcruiter's headers: the default is shown; a required one cannot be empty.
  const firstName = page.getByRole("textbox", { name: "Fornavn" });
  await expect(firstName).toHaveValue("Fornavn");
  await expect(page.getByText("Webcruiters overskrift: «Fornavn»")).toBeVisible();
  await firstName.fill("");
  await save.click();
  await expect(page.getByText("Skriv overskriften i Webcruiter-eksporten.").first()).toBeVisible();
  await firstName.fill("Given name");

  await save.click();
  await expect(page.getByRole("status")).toHaveText("Innstillingene er lagret.");
  await page.reload();
  await expect(page.getByLabel("Dager før registreringer uten treff slettes")).toHaveValue("45");
  await expect(columns).toHaveText([
    "Fødselsnummer",
    "Etternavn",
    "Fornavn",
    "Fødselsdato",
    "E-post",
    "Tidligere brukernavn",
    "Utdanningsinstitusjon",
    "Studieprogram",
    "Praksisstart",
    "Praksisslutt",
    "Praksissted",
  ]);
  await expect(page.getByRole("textbox", { name: "Fornavn" })).toHaveValue("Given name");
  await expectGoodPage(page, "04 innstillinger registrering");

  // Back to the defaults.
  await hr.getByRole("button", { name: "Tilbake til standard" }).click();
  await page.getByRole("button", { name: "Bruk Webcruiters overskrifter" }).click();
  await page.getByLabel("Dager før registreringer uten treff slettes").fill("90");
  await save.click();
  await expect(page.getByRole("status")).toHaveText("Innstillingene er lagret.");
  await page.reload();
  await expect(columns).toHaveCount(12);
  await expect(columns.nth(2)).toHaveText("Fødselsnummer");
  await expect(page.getByRole("textbox", { name: "Fornavn" })).toHaveValue("Fornavn");
});
