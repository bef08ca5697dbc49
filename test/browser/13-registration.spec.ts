import { expect, type Page, test } from "@playwright/test";
import { cellOf } from "./grid.ts";
import {
  demoUsers,
  expectAccessible,
  expectGoodPage,
  expectReflow,
  mainHeading,
  openAdminPage,
  screenshot,
  settled,
  signedIn,
} from "./support.ts";

/**
 * Issue 12's story: FOU creates a campaign for HVL, tied to the coordinator's document and sheet; a student with neither a national ID nor a
 * D-number registers on a phone in English (the browser's language), sees a mistake explained next
 * to its field, and confirms the e-mail address from the link in the e-mail. FOU matches the
 * registration by hand to the student's row, exports the HR transfer file and marks it
 * transferred; the coordinator sees the row's Registrert cell turn green.
 */
const student = { firstName: "Adaeze", lastName: "Okonkwo", email: "adaeze.okonkwo@example.com" };
/** A cohort the demo's living semester has no document for (08 and 09 use 2020). */
const cohort = 2019;
const phone = { width: 390, height: 844 };

/** A date `days` ahead in Oslo, as the forms take it (dd.mm.yyyy). */
function osloDate(days: number): string {
  const day = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat("nb-NO", {
    timeZone: "Europe/Oslo",
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
  })
    .format(day)
    .replaceAll("/", ".");
}

/** The coordinator's document with one sheet and the student's row (the school's e-mail, no birth date), through the API. */
async function addRow(page: Page): Promise<string> {
  const headers = { origin: new URL(page.url()).origin };
  const programmes = (await (await page.request.get("/api/programmes")).json()) as { id: string; name: string }[];
  const programmeId = programmes.find((p) => p.name === "Radiografi")?.id;
  expect(programmeId, "Radiografi").toBeTruthy();
  const created = await page.request.post("/api/overviews", { headers, data: { programmeId, cohort } });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const sheet = await page.request.post(`/api/overviews/${id}/sheets`, {
    headers,
    data: { kind: "norwegian", label: "Periode", number: 1, startDate: "2027-08-16", endDate: "2027-09-24" },
  });
  expect(sheet.status(), await sheet.text()).toBe(201);
  const { id: sheetId } = (await sheet.json()) as { id: string };
  const row = { firstName: student.firstName, lastName: student.lastName, email: "adaeze.okonkwo@stud.hvl.no" };
  const added = await page.request.post(`/api/sheets/${sheetId}/rows`, { headers, data: row });
  expect(added.status(), await added.text()).toBe(201);
  return id;
}

test("a student registers and confirms, FOU matches and transfers, the coordinator sees the cell turn green", async ({
  browser,
}) => {
  // Four people and nine pages, each checked with axe: longer than one page's story.
  test.setTimeout(180_000);
  const coordinator = await signedIn(browser, demoUsers.hvl.email);
  const overviewId = await addRow(coordinator);

  // FOU creates the campaign and finds its public link.
  const fou = await signedIn(browser, demoUsers.fou.email);
  await fou.getByRole("link", { name: "Registrering", exact: true }).first().click();
  await expect(mainHeading(fou)).toHaveText("Registreringskampanjer");
  await expectGoodPage(fou, "13 kampanjer");
  await fou.getByRole("button", { name: "Ny kampanje" }).click();
  const dialog = fou.getByRole("dialog");
  await dialog.getByLabel("Institusjon", { exact: true }).selectOption({ label: "Høgskulen på Vestlandet" });
  // Tied to the coordinator's document and its sheet, picked from the institution's documents.
  await dialog.getByLabel("Praksisoversikt (valgfritt)").selectOption({ label: `HVL Radiografi kull ${cohort}` });
  await dialog.getByLabel("Ark (valgfritt)").selectOption({ label: "Periode 1" });
  await dialog.getByLabel("Frist", { exact: true }).fill(osloDate(30));
  await dialog.getByLabel("Navn (valgfritt)").fill(`HVL Radiografi kull ${cohort}`);
  await expectAccessible(fou, "new campaign dialog");
  await screenshot(fou, "13 ny kampanje med ark", { fullPage: false });
  await dialog.getByRole("button", { name: "Lag kampanjen" }).click();
  await expect(mainHeading(fou)).toHaveText(`HVL Radiografi kull ${cohort}`);
  const sheetLink = fou.getByRole("link", { name: `Periode 1 i HVL Radiografi kull ${cohort}` });
  await expect(sheetLink).toHaveAttribute("href", new RegExp(`^/oversikter/${overviewId}\\?ark=`));
  const campaignUrl = fou.url();
  await expect(fou.getByRole("img", { name: /QR-kode/ })).toBeVisible();
  await expectGoodPage(fou, "13 kampanje");
  const link = await fou.getByLabel("Lenke til registreringsskjemaet").inputValue();
  expect(link).toMatch(/\/registrer\/[\w-]{22,}$/);

  // The student, on a phone whose browser asks for English.
  const context = await browser.newContext({ viewport: phone, locale: "en-GB" });
  const phonePage = await context.newPage();
  await phonePage.goto(new URL(link).pathname);
  await expect(mainHeading(phonePage)).toHaveText("Registration for placement – Høgskulen på Vestlandet");
  await expectAccessible(phonePage, "registration form");
  await screenshot(phonePage, "13 registreringsskjema");
  await expectReflow(phonePage, "registration form");
  await phonePage.setViewportSize(phone);
  await phonePage.getByLabel("First name", { exact: true }).first().fill(student.firstName);
  await phonePage.getByLabel("Last name", { exact: true }).first().fill(student.lastName);
  await phonePage.getByLabel("E-mail", { exact: true }).first().fill(student.email);
  await phonePage.getByLabel("Mobile number", { exact: true }).first().fill("12345");
  await phonePage.getByLabel("No, I have neither", { exact: true }).first().check();
  await phonePage.getByLabel("Date of birth", { exact: true }).first().fill("12.03.2001");
  await phonePage.getByLabel("Nationality", { exact: true }).first().fill("Nigerian");
  await phonePage.getByLabel("Institution in your home country", { exact: true }).first().fill("University of Lagos");
  await phonePage.getByLabel("I have read what is stored about me", { exact: true }).first().check();
  await phonePage.getByRole("button", { name: "Send the registration" }).click();
  await expect(
    phonePage.getByText(/The mobile number has 5 digits, but a Norwegian number has 8/).first(),
  ).toBeVisible();
  await expectAccessible(phonePage, "registration form with an error");
  await screenshot(phonePage, "13 registreringsskjema feil");
  await phonePage.getByLabel("Mobile number", { exact: true }).first().fill("+234 803 123 4567");
  await phonePage.getByRole("button", { name: "Send the registration" }).click();
  await expect(mainHeading(phonePage)).toHaveText("Check your e-mail");
  await expect(phonePage.getByText(`We have sent an e-mail to ${student.email}.`)).toBeVisible();
  await expectAccessible(phonePage, "check your e-mail");
  await screenshot(phonePage, "13 sjekk e-posten");

  // Without SMTP the confirmation is kept in the dev mailbox.
  const admin = await signedIn(browser, demoUsers.admin.email);
  await openAdminPage(admin, "E-post");
  const mail = admin.locator(".mail-item").filter({ hasText: student.email }).first();
  await mail.locator("summary").click();
  const confirmation = mail.getByRole("link", { name: /\/registrer\/bekreft\// });
  await expect(confirmation).toBeVisible();
  const confirmUrl = new URL((await confirmation.getAttribute("href")) ?? "");
  const personal = mail.getByRole("link", { name: /\/registrer\/min\// });
  const personalUrl = new URL((await personal.getAttribute("href")) ?? "");

  await phonePage.goto(confirmUrl.pathname);
  await expect(mainHeading(phonePage)).toHaveText("Your e-mail address is confirmed");
  await expect(phonePage.getByText(/on the first morning/)).toBeVisible();
  await expectAccessible(phonePage, "confirmation");
  await screenshot(phonePage, "13 bekreftet");
  await expectReflow(phonePage, "confirmation");

  // The personal page from the same e-mail: registered, and contact details to correct until the deadline.
  await phonePage.setViewportSize(phone);
  await phonePage.goto(personalUrl.pathname);
  await expect(mainHeading(phonePage)).toHaveText(`Your registration – ${student.firstName} ${student.lastName}`);
  await expect(phonePage.locator(".registration-steps [aria-current=step]")).toContainText("Registered");
  await expect(phonePage.getByLabel("E-mail", { exact: true })).toHaveValue(student.email);
  await expectAccessible(phonePage, "personal page");
  await screenshot(phonePage, "13 min side");
  await expectReflow(phonePage, "personal page");

  // FOU matches the registration to the student's row, suggested by the name.
  await fou.goto(campaignUrl);
  await settled(fou);
  await fou.getByRole("link", { name: "Koble registreringer" }).click();
  await expect(mainHeading(fou)).toHaveText("Koble registreringer");
  await fou.getByLabel("Søk i navn eller e-post").fill(student.lastName);
  const match = fou.getByRole("button", {
    name: new RegExp(`^Koble ${student.lastName}, ${student.firstName} til ${student.lastName}, ${student.firstName}`),
  });
  await expect(match.first()).toBeVisible();
  await expectGoodPage(fou, "13 koble registreringer");
  await match.first().click();
  await expect(fou.getByRole("status")).toHaveText(`${student.lastName}, ${student.firstName} er koblet.`);

  // FOU exports the HR transfer file and marks it transferred.
  await fou.goto("/registrering/overfoering");
  await expect(mainHeading(fou)).toHaveText("Overføring til HR");
  await fou.getByLabel("Søk i navn eller e-post").fill(student.lastName);
  await fou.getByRole("checkbox", { name: `Velg ${student.lastName}, ${student.firstName}` }).check();
  await fou.getByLabel("Filformat").selectOption("csv");
  await expectGoodPage(fou, "13 overforing til hr");
  const download = fou.waitForEvent("download");
  await fou.getByRole("button", { name: "Last ned fil (1 valgt)" }).click();
  expect((await download).suggestedFilename()).toMatch(/\.csv$/);
  await fou.getByRole("button", { name: "Marker som overført", exact: true }).click();
  await expect(fou.getByRole("status")).toHaveText("1 student er markert som overført.");

  // The coordinator sees the row's Registrert cell green.
  await coordinator.goto(`/oversikter/${overviewId}`);
  await settled(coordinator);
  const cell = await cellOf(coordinator, student.lastName, "Registrert");
  await expect(cell).toHaveText("Overført");
  await expect(cell).toHaveClass(/state-green/);
  await context.close();
});
