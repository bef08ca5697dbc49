import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, demoUsers, expectGoodPage, mainHeading, screenshot } from "./support.ts";

test.describe("sign-in page", () => {
  test("is accessible and reflows", async ({ page }) => {
    await page.goto("/logg-inn");
    await expect(mainHeading(page)).toHaveText("Logg inn");
    await expect(page).toHaveTitle("Logg inn – Praksistilgang");
    await expect(page.locator("html")).toHaveAttribute("lang", "nb");
    await expectGoodPage(page, "01 innlogging");
  });

  test("an anonymous visit to a page is sent to sign-in and back afterwards", async ({ page }) => {
    await page.goto("/institusjoner");
    await expect(page).toHaveURL(/\/logg-inn\?neste=%2Finstitusjoner$/);
    await page.getByLabel("E-postadresse").fill(demoUsers.uib.email);
    await page.getByLabel("Passord").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Logg inn" }).click();
    await expect(page).toHaveURL(/\/institusjoner$/);
    await expect(mainHeading(page)).toHaveText("Institusjoner");
  });

  test("empty fields and a wrong password give clear Norwegian messages and stay on the page", async ({ page }) => {
    await page.goto("/logg-inn");
    await page.getByRole("button", { name: "Logg inn" }).click();
    await expect(page.getByText("Skriv inn e-postadressen din.").first()).toBeVisible();
    await expect(page.getByText("Skriv inn passordet ditt.").first()).toBeVisible();

    await page.getByLabel("E-postadresse").fill(demoUsers.uib.email);
    await page.getByLabel("Passord").fill("feil-passord");
    await page.getByRole("button", { name: "Logg inn" }).click();
    await expect(page.getByText("E-postadressen eller passordet er feil.")).toBeVisible();
    await expect(page).toHaveURL(/\/logg-inn$/);
    await expect(mainHeading(page)).toHaveText("Logg inn");
    // The e-mail address is kept, so only the password needs typing again.
    await expect(page.getByLabel("E-postadresse")).toHaveValue(demoUsers.uib.email);
    await screenshot(page, "01 innlogging feil passord");
  });

  test("signs in by keyboard alone", async ({ page }) => {
    await page.goto("/logg-inn");
    await expect(mainHeading(page)).toBeVisible();
    // Focus order: skip link, product name, language, e-mail, password, the button.
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Hopp til hovedinnholdet" })).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Praksistilgang" })).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("Språk")).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("E-postadresse")).toBeFocused();
    await page.keyboard.type(demoUsers.uib.email);
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("Passord")).toBeFocused();
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press("Enter");

    await expect(page).toHaveURL(/\/$/);
    await expect(mainHeading(page)).toHaveText("Start");
    await expect(page.getByText(`Hei, ${demoUsers.uib.name}!`)).toBeVisible();
  });
});
