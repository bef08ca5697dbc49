import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, demoUsers, expectGoodPage, mainHeading, signIn, signOut } from "./support.ts";

// The VID coordinator's language choice is saved with her; no later story signs her in.
const user = demoUsers.vid;

test("nynorsk, then English: texts and <html lang> change, and the choice is kept", async ({ page, browser }) => {
  await signIn(page, user.email);
  const html = page.locator("html");
  const nav = page.getByRole("navigation");
  await expect(html).toHaveAttribute("lang", "nb");
  await expect(page.getByRole("navigation", { name: "Hovedmeny" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Hva du kan gjøre nå" })).toBeVisible();

  await page.getByLabel("Språk").selectOption({ label: "Nynorsk" });
  await expect(html).toHaveAttribute("lang", "nn");
  await expect(nav).toHaveAccessibleName("Hovudmeny");
  await expect(page.getByRole("heading", { name: "Kva du kan gjere no" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Institusjonar" })).toBeVisible();
  await expectGoodPage(page, "05 nynorsk start");

  await page.getByLabel("Språk").selectOption({ label: "English" });
  await expect(html).toHaveAttribute("lang", "en");
  await expect(nav).toHaveAccessibleName("Main menu");
  await expect(page.getByText(`Hello, ${user.name}!`)).toBeVisible();
  await expect(page.getByRole("heading", { name: "What you can do next" })).toBeVisible();
  await expect(
    page.getByText("Your roles at Helse Bergen: Placement coordinator for VID vitenskapelige høgskole."),
  ).toBeVisible();
  await expect(page.getByLabel("Language")).toHaveValue("en");
  await expectGoodPage(page, "05 english start");

  // A reload keeps English, and so do the other pages.
  await page.reload();
  await expect(page.getByText(`Hello, ${user.name}!`)).toBeVisible();
  await expect(html).toHaveAttribute("lang", "en");
  await nav.getByRole("link", { name: "Institutions" }).click();
  await expect(mainHeading(page)).toHaveText("Institutions");
  await expect(page).toHaveTitle("Institutions – Praksistilgang");
  await expectGoodPage(page, "05 english institutions");

  // Signed out on this device, the sign-in page stays in English.
  await signOut(page);
  await expect(mainHeading(page)).toHaveText("Sign in");
  await expect(html).toHaveAttribute("lang", "en");
  await expectGoodPage(page, "05 english sign-in");

  // On another device (nothing remembered there) the sign-in page is bokmål, and signing in
  // brings her own choice back: English.
  const context = await browser.newContext();
  const other = await context.newPage();
  await other.goto("/logg-inn");
  await expect(other.locator("html")).toHaveAttribute("lang", "nb");
  await other.getByLabel("E-postadresse").fill(user.email);
  await other.getByLabel("Passord").fill(DEMO_PASSWORD);
  await other.getByRole("button", { name: "Logg inn" }).click();
  await expect(other.getByText(`Hello, ${user.name}!`)).toBeVisible();
  await expect(other.locator("html")).toHaveAttribute("lang", "en");
  await expect(other.getByLabel("Language")).toHaveValue("en");

  // Back to bokmål, so that the demo person is as she was.
  await other.getByLabel("Language").selectOption({ label: "Bokmål" });
  await expect(other.locator("html")).toHaveAttribute("lang", "nb");
  await expect(other.getByText(`Hei, ${user.name}!`)).toBeVisible();
  await context.close();
});

test("a language chosen on the sign-in page carries on after signing in", async ({ page }) => {
  await page.goto("/logg-inn");
  await page.getByLabel("Språk").selectOption({ label: "Nynorsk" });
  await expect(page.locator("html")).toHaveAttribute("lang", "nn");
  await expect(page.getByText("Logg inn med e-postadressa og passordet for Praksistilgang.")).toBeVisible();
  await expectGoodPage(page, "05 nynorsk innlogging");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "nn");

  // E-Helse has not chosen a language of her own: what she chose here stays.
  await page.getByLabel("E-postadresse").fill(demoUsers.ehelse.email);
  await page.getByLabel("Passord").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Logg inn" }).click();
  await expect(page.getByRole("heading", { name: "Kva du kan gjere no" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "nn");
  await expect(page.getByLabel("Språk")).toHaveValue("nn");
});
