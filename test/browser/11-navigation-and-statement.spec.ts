import { type Browser, expect, type Page, test } from "@playwright/test";
import {
  adminMenu,
  demoUsers,
  expectAccessible,
  expectGoodPage,
  mainHeading,
  mainMenu,
  NARROW,
  screenshot,
  settled,
  signIn,
  WIDE,
} from "./support.ts";

// In order: the statement before any trust has a contact, the admin setting one, then the statement again.
test.describe.configure({ mode: "serial" });

const contact = "tilgjengelighet@helse-bergen.test";

/** The statement, opened from the footer of the sign-in page by someone who is not signed in. */
async function statementSignedOut(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext({ viewport: WIDE })).newPage();
  await page.goto("/logg-inn");
  await settled(page);
  await page.getByRole("contentinfo").getByRole("link", { name: "Tilgjengelighetserklæring" }).click();
  await expect(page).toHaveURL(/\/tilgjengelighet$/);
  await expect(mainHeading(page)).toHaveText("Tilgjengelighetserklæring");
  await expect(mainMenu(page)).toHaveCount(0);
  return page;
}

/** An access request from the public form's API, so that one waits for the admin. */
async function requestAccess(browser: Browser, baseURL: string) {
  const context = await browser.newContext();
  const trusts = await (await context.request.get("/api/public/trusts")).json();
  const bergen = trusts.find((t: { name: string }) => t.name === "Helse Bergen");
  const res = await context.request.post("/api/account-requests", {
    headers: { Origin: new URL(baseURL).origin },
    data: { trustId: bergen.id, name: "Tone Tilgang", email: "tone.tilgang@helse-bergen.test", role: "student_admin" },
  });
  expect(res.status()).toBe(202);
  await context.close();
}

test("the statement is public: from the sign-in page's footer, in three languages, with a general contact", async ({
  browser,
}) => {
  const page = await statementSignedOut(browser);
  await expect(page.getByRole("heading", { level: 2 })).toHaveText([
    "Hvor godt kravene er oppfylt",
    "Dette er testet og i orden",
    "Dette er ikke i orden, eller ikke testet godt nok",
    "Slik er løsningen testet",
    "Si fra om det som ikke fungerer",
  ]);
  await expect(page.getByText("Praksistilgang oppfyller kravene delvis.")).toBeVisible();
  await expect(page.getByText("2.2.1 Justerbar hastighet (ikke oppfylt)")).toBeVisible();
  await expect(page.getByText("Erklæringen er datert 01.12.2026.")).toBeVisible();
  // No trust has named a contact yet: a general text, and where to complain.
  await expect(page.getByText("Kontakt helseforetaket du samarbeider med, for eksempel")).toBeVisible();
  await expect(page.getByRole("link", { name: "uutilsynet.no" })).toHaveAttribute("href", "https://www.uutilsynet.no/");
  await expectGoodPage(page, "11 tilgjengelighetserklaering uten innlogging");

  await page.getByLabel("Språk").selectOption({ label: "Nynorsk" });
  await expect(mainHeading(page)).toHaveText("Tilgjengelegheitserklæring");
  await expect(page.locator("html")).toHaveAttribute("lang", "nn");
  await expectAccessible(page, "tilgjengelegheitserklæring");
  await page.getByLabel("Språk").selectOption({ label: "English" });
  await expect(mainHeading(page)).toHaveText("Accessibility statement");
  await expect(page.getByRole("contentinfo").getByRole("link", { name: "Accessibility statement" })).toBeVisible();
  await expectGoodPage(page, "11 accessibility statement");
  await page.context().close();
});

test("the admin moves through the administration's sub-navigation by keyboard and sets the trust's accessibility contact", async ({
  page,
  browser,
  baseURL,
}) => {
  await requestAccess(browser, baseURL as string);
  await signIn(page, demoUsers.admin.email);

  // One entry in the main menu, with the number of waiting access requests.
  const administration = mainMenu(page).getByRole("link", { name: "Administrasjon", exact: true });
  await expect(administration).toHaveAccessibleDescription(/^\d+ tilgangsforespørsel(er)? venter på svar$/);
  await administration.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/admin$/);
  await expect(mainHeading(page)).toHaveText("Administrasjon");
  await expect(mainHeading(page)).toBeFocused();
  await expect(administration).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("main").getByRole("heading", { level: 2 })).toHaveText([
    "Personer og tilgang",
    "Organisasjon",
    "Katalog",
    "Tilgang til fagsystemer",
    "System",
  ]);
  await expect(
    page
      .getByRole("list", { name: "Personer og tilgang" })
      .getByRole("listitem")
      .filter({ hasText: "Tilgangsforespørsler" }),
  ).toContainText(/\d+ venter på svar/);
  await expectGoodPage(page, "11 administrasjon");

  // From the heading, Tab reaches the first page of the first group.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("main").getByRole("link", { name: "Brukere", exact: true })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(mainHeading(page)).toHaveText("Brukere");
  await expect(mainHeading(page)).toBeFocused();
  await expect(adminMenu(page).getByRole("link", { name: "Brukere", exact: true })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(administration).toHaveAttribute("aria-current", "page");
  await expect(adminMenu(page).locator('[aria-current="page"]')).toHaveCount(1);

  // The sub-navigation comes just before the page's heading: Shift+Tab walks up through it.
  for (const name of [
    "Helseforetak",
    "E-post",
    "Logg",
    "Tilgangsprofiler",
    "Fagsystemer",
    "Studieprogram og yrker",
    "Innstillinger",
  ]) {
    await page.keyboard.press("Shift+Tab");
    await expect(adminMenu(page).getByRole("link", { name, exact: true })).toBeFocused();
  }
  await page.keyboard.press("Enter");
  await expect(mainHeading(page)).toHaveText("Innstillinger");
  await expect(mainHeading(page)).toBeFocused();
  await expect(adminMenu(page).getByRole("link", { name: "Innstillinger", exact: true })).toHaveAttribute(
    "aria-current",
    "page",
  );

  // The contact for the accessibility statement: an e-mail or web address, checked before saving.
  const field = page.getByLabel("Kontakt for tilgjengelighet");
  await field.fill("ikke en adresse");
  await page.getByRole("button", { name: "Lagre innstillingene" }).click();
  await expect(
    page.getByText("Skriv en e-postadresse, eller en fullstendig adresse som begynner med https://.").first(),
  ).toBeVisible();
  await field.fill(contact);
  await page.getByRole("button", { name: "Lagre innstillingene" }).click();
  await expect(page.getByRole("status")).toHaveText("Innstillingene er lagret.");
  await page.reload();
  await expect(page.getByLabel("Kontakt for tilgjengelighet")).toHaveValue(contact);
  await expectGoodPage(page, "11 innstillinger med kontakt for tilgjengelighet");

  // On a narrow screen the sub-navigation folds behind a button, and opens by keyboard.
  await page.setViewportSize(NARROW);
  const toggle = adminMenu(page).getByRole("button", { name: "Sider i administrasjonen" });
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(adminMenu(page).getByRole("link", { name: "Brukere", exact: true })).toBeHidden();
  await toggle.focus();
  await page.keyboard.press("Enter");
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await expect(adminMenu(page).getByRole("link", { name: "Brukere", exact: true })).toBeVisible();
  await settled(page);
  await screenshot(page, "11 administrasjon undermeny apen 320");
  await expectAccessible(page, "undermeny åpen 320");
  await page.keyboard.press("Tab");
  await expect(adminMenu(page).getByRole("link", { name: "Brukere", exact: true })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(adminMenu(page).getByRole("link", { name: "Tilgangsforespørsler", exact: true })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(mainHeading(page)).toHaveText("Tilgangsforespørsler");
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await page.setViewportSize(WIDE);

  // The waiting requests are counted on the item too.
  await expect(
    adminMenu(page).getByRole("link", { name: "Tilgangsforespørsler", exact: true }),
  ).toHaveAccessibleDescription(/^\d+ venter på svar$/);
  await expectGoodPage(page, "11 tilgangsforesporsler med undermeny");

  // Signed in, the footer's statement keeps the menu and names the trust's own contact.
  await page.getByRole("contentinfo").getByRole("link", { name: "Tilgjengelighetserklæring" }).click();
  await expect(mainHeading(page)).toHaveText("Tilgjengelighetserklæring");
  await expect(mainMenu(page)).toBeVisible();
  await expect(page.getByText("Kontakt for Helse Bergen:")).toBeVisible();
  await expect(page.getByRole("link", { name: contact })).toHaveAttribute("href", `mailto:${contact}`);
  await expectGoodPage(page, "11 tilgjengelighetserklaering innlogget");
});

test("signed out, the statement lists the contacts the trusts have set", async ({ browser }) => {
  const page = await statementSignedOut(browser);
  await expect(page.getByText("Kontakt helseforetaket du samarbeider med:")).toBeVisible();
  const item = page.getByRole("listitem").filter({ hasText: "Helse Bergen:" });
  await expect(item.getByRole("link", { name: contact })).toHaveAttribute("href", `mailto:${contact}`);
  await expectGoodPage(page, "11 tilgjengelighetserklaering kontakter");
  await page.context().close();
});
