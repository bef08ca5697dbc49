import { expect, type Page, test } from "@playwright/test";
import { dashboardItemKeySchema } from "../../src/contracts/dashboard.ts";
import { demoUsers, expectGoodPage, mainHeading, settled, signedIn, signIn, signOut } from "./support.ts";

/** What the browser's console reports as errors while the page is used, failed requests included. */
function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("response", (response) => {
    if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
  });
  return errors;
}

/** The start page's cards: the text and target of each count. */
async function cards(page: Page) {
  return page.locator(".count-card").evaluateAll((cards) =>
    cards.map((card) => {
      const link = card.querySelector("a");
      return { text: link?.textContent?.trim() ?? "", href: link?.getAttribute("href") ?? "" };
    }),
  );
}

test.describe("the sign-in page", () => {
  test("logs no errors in the console for an anonymous visitor, also after signing out", async ({ page }) => {
    const errors = consoleErrors(page);
    await page.goto("/logg-inn");
    await settled(page);
    await expect(mainHeading(page)).toHaveText("Logg inn");
    // An anonymous visit to a page inside is sent to sign-in, without an error on the way.
    await page.goto("/oversikter");
    await expect(page).toHaveURL(/\/logg-inn\?neste=/);
    await settled(page);
    expect(errors).toEqual([]);

    await signIn(page, demoUsers.uib.email);
    await signOut(page);
    await settled(page);
    expect(errors).toEqual([]);
  });
});

const startPages = [
  { who: "admin", email: demoUsers.admin.email },
  { who: "fou", email: demoUsers.fou.email },
  { who: "koordinator", email: demoUsers.uib.email },
] as const;

test.describe("the start page", () => {
  for (const { who, email } of startPages) {
    test(`speaks Norwegian to ${who} and links each number to what it counts`, async ({ browser }) => {
      const page = await signedIn(browser, email);
      await expect(mainHeading(page)).toHaveText("Start");
      const shown = await cards(page);
      expect(shown.length).toBeGreaterThan(0);
      for (const card of shown) {
        // A number followed by words, never a key of the API ("3 overviews", "0 sheetsDue").
        expect(card.text).toMatch(/\d/);
        for (const key of dashboardItemKeySchema.options) expect(card.text).not.toContain(key);
        expect(card.href).toMatch(/^\//);
        expect(card.href).not.toBe("/hjelp");
      }
      // What the person can do next: nothing that only leads to the help page, besides its own link.
      const next = page.getByRole("region", { name: "Hva du kan gjøre nå" });
      await expect(next.locator('a[href="/hjelp"]')).toHaveCount(1);
      await expect(next.getByRole("link", { name: "Se hjelpesiden" })).toBeVisible();
      await expectGoodPage(page, `10 start ${who}`);
      await page.context().close();
    });
  }

  test("a coordinator's deadline and error counts open the overviews they count", async ({ browser }) => {
    const page = await signedIn(browser, demoUsers.uib.email);
    const due = page.locator(".count-card a", { hasText: "ark med frist snart eller passert" });
    await due.click();
    await expect(page).toHaveURL(/\/oversikter\?vis=frist$/);
    await settled(page);
    await expect(page.getByLabel("Vis")).toHaveValue("frist");
    for (const states of await page.locator(".sheet-states").all()) {
      await expect(states).toContainText(/Frist snart|Frist passert/);
    }

    await page.goto("/");
    await settled(page);
    const problems = page.locator(".count-card a", { hasText: /rad(er)? med feil/ });
    const count = Number((await problems.textContent())?.match(/\d+/)?.[0]);
    await problems.click();
    await expect(page).toHaveURL(/\/oversikter\?vis=feil$/);
    await settled(page);
    await expect(page.getByLabel("Vis")).toHaveValue("feil");
    const listed = await page.locator(".problem-count").allTextContents();
    expect(listed.reduce((sum, text) => sum + Number(text.match(/\d+/)?.[0] ?? 0), 0)).toBe(count);
    await expect(page.locator("tbody tr")).toHaveCount(listed.length);
    await expectGoodPage(page, "10 oversikter med feil koordinator");

    // The filter is a choice on the page: all documents again.
    await page.getByLabel("Vis").selectOption({ label: "Alle praksisoversikter" });
    await expect(page).toHaveURL(/\/oversikter$/);
    await page.context().close();
  });

  test("FOU's contact count opens the institutions they are contact person for", async ({ browser }) => {
    const page = await signedIn(browser, demoUsers.fou.email);
    const contact = page.locator(".count-card a", { hasText: "Kontaktperson for" });
    const count = Number((await contact.textContent())?.match(/\d+/)?.[0]);
    await contact.click();
    await expect(page).toHaveURL(/\/institusjoner\?kontakt=meg$/);
    await settled(page);
    await expect(page.getByRole("switch", { name: "Bare institusjoner der jeg er kontaktperson" })).toBeChecked();
    await expect(page.locator("tbody tr")).toHaveCount(count);
    for (const row of await page.locator("tbody tr").all()) await expect(row).toContainText(demoUsers.fou.name);
    await expectGoodPage(page, "10 institusjoner fou mine");
    await page.context().close();
  });
});

test("the help page describes what the app does now, with the trust's names and deadline", async ({ page }) => {
  await signIn(page, demoUsers.uib.email);
  await page.goto("/hjelp");
  await expect(mainHeading(page)).toHaveText("Hjelp");
  const main = page.locator("main");
  await expect(main).toContainText("HVL Sykepleie kull 2024");
  await expect(main).toContainText("«Periode 1»");
  // The trust's own deadline setting (another story may have changed it from the default 28).
  const session = (await (await page.request.get("/api/auth/session")).json()) as {
    me: { activeTrust: { deadlineDays: number } };
  };
  await expect(main).toContainText(`senest ${session.me.activeTrust.deadlineDays} dager før praksisperioden starter`);
  await expect(main).toContainText("«Mulige duplikater»");
  await expect(main).toContainText("010190 *****");
  // Registration campaigns and orders exist now; nothing of what is still to come: change requests, inquiries.
  await expect(main.getByRole("heading", { name: "Registrering av studenter" })).toBeVisible();
  await expect(main.getByRole("heading", { name: "Bestilling av tilgang" })).toBeVisible();
  await expect(main).not.toContainText(/søknad om endring|endringsforespørsel|henvendelse|vedtak/i);
  await expectGoodPage(page, "10 hjelp");
});

test("the IT provider sees the institutions without contacts they may not read, and no refused request", async ({
  page,
}) => {
  const errors = consoleErrors(page);
  await signIn(page, demoUsers.ikt.email);
  await page.goto("/institusjoner");
  await settled(page);
  await expect(page.getByText("Utdanningsinstitusjonene helseforetaket har avtale med.")).toBeVisible();
  await expect(page.getByText(/kontaktperson/i)).toHaveCount(0);
  await expect(page.getByRole("columnheader")).toHaveText(["Institusjon", "Forkortelse"]);
  await expect(page.locator("tbody tr").first()).toBeVisible();
  expect(errors).toEqual([]);
  await expectGoodPage(page, "10 institusjoner ikt");
});
