import AxeBuilder from "@axe-core/playwright";
import { type Browser, expect, type Page } from "@playwright/test";

/** Password of every demo sign-in (README, `DEMO_PASSWORD`). */
export const DEMO_PASSWORD = "demo-passord";

export const WIDE = { width: 1280, height: 900 };
export const NARROW = { width: 320, height: 800 };

/** The demo people, by e-mail (src/server/demo/demo-data.ts). */
export const demoUsers = {
  admin: { email: "admin@demo.test", name: "Ingrid Haugland" },
  fou: { email: "fou@demo.test", name: "Marit Solberg" },
  uib: { email: "koordinator.uib@demo.test", name: "Kari Nordvik" },
  hvl: { email: "koordinator.hvl@demo.test", name: "Ola Brekke" },
  vid: { email: "koordinator.vid@demo.test", name: "Sigrid Lunde" },
  ikt: { email: "ikt@demo.test", name: "Thomas Vik" },
  ehelse: { email: "ehelse@demo.test", name: "Hanne Myklebust" },
} as const;

/** The h1 of the page shown now. */
export function mainHeading(page: Page) {
  return page.locator("#main-heading");
}

/** Waits until the page has its heading and nothing on it is still loading. */
export async function settled(page: Page) {
  await expect(mainHeading(page)).toBeVisible();
  await expect(page.locator(".loading, .ds-spinner")).toHaveCount(0);
  // A dialog fading in has blended colours for a moment: check what people see once it is open.
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== "running" || a.effect?.getTiming().iterations === Number.POSITIVE_INFINITY),
  );
}

/**
 * Signs in on the sign-in page and waits for the page after it. Works in every UI language: the
 * fields are found by their autocomplete purpose, not by their (translated) labels.
 */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/logg-inn");
  await page.locator('input[autocomplete="username"]').fill(email);
  await page.locator('input[autocomplete="current-password"]').fill(password);
  await page.locator('form button[type="submit"]').click();
  await expect(page).not.toHaveURL(/\/logg-inn/);
  await expect(page.getByRole("navigation")).toBeVisible();
  await settled(page);
}

/** A new browser context (its own cookies) signed in as `email`, at a desktop width. */
export async function signedIn(browser: Browser, email: string, viewport = { width: 1400, height: 900 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

/** The main menu, and the administration's sub-navigation (on its pages, for people who administer). */
export function mainMenu(page: Page) {
  return page.getByRole("navigation", { name: "Hovedmeny" });
}
export function adminMenu(page: Page) {
  return page.getByRole("navigation", { name: "Administrasjon" });
}

/**
 * Opens an administration page as a person does: "Administrasjon" in the main menu, then the page
 * by its name among the groups on the administration's landing page.
 */
export async function openAdminPage(page: Page, name: string) {
  await mainMenu(page).getByRole("link", { name: "Administrasjon", exact: true }).click();
  await expect(mainHeading(page)).toHaveText("Administrasjon");
  await page.getByRole("main").getByRole("link", { name, exact: true }).click();
  await expect(mainHeading(page)).toHaveText(name);
}

/** Signs out with the button in the header (any language) and waits for the sign-in page. */
export async function signOut(page: Page) {
  await page.locator(".app-header").getByRole("button").last().click();
  await expect(page).toHaveURL(/\/logg-inn/);
  await expect(page.locator('input[autocomplete="username"]')).toBeVisible();
}

/** A file name made of a page name: "Brukere (admin)" → "brukere-admin". */
function fileName(name: string): string {
  return name
    .toLowerCase()
    .replaceAll("æ", "ae")
    .replaceAll("ø", "o")
    .replaceAll("å", "a")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/**
 * Saves a screenshot into test-results/screenshots/<name>.png: the whole page, or only the
 * viewport (for an open modal dialog, whose backdrop covers only the viewport).
 */
export async function screenshot(page: Page, name: string, { fullPage = true } = {}) {
  await page.screenshot({ path: `test-results/screenshots/${fileName(name)}.png`, fullPage });
}

/** Zero axe violations of WCAG 2.0/2.1 A and AA; on failure the violations are listed readably. */
export async function expectAccessible(page: Page, name: string) {
  await settled(page);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const report = results.violations
    .map((v) => {
      const nodes = v.nodes
        .map((n) => `    - ${n.target.join(" ")}\n      ${n.failureSummary?.replaceAll("\n", "\n      ") ?? ""}`)
        .join("\n");
      return `  [${v.impact ?? "?"}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}`;
    })
    .join("\n");
  expect(results.violations, `axe violations on ${name} (${page.url()}):\n${report}`).toEqual([]);
}

/**
 * At 320 × 800 CSS px the document does not scroll sideways (WCAG 1.4.10). Wide data tables may
 * scroll inside their own box. Leaves the viewport narrow; `expectPage` sets it back.
 */
export async function expectReflow(page: Page, name = "page") {
  await page.setViewportSize(NARROW);
  await settled(page);
  const { scrollWidth, clientWidth, culprits } = await page.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    // The elements that stick out, outside scrolling boxes: named in the failure message.
    const culprits = [...document.querySelectorAll<HTMLElement>("body *")]
      .filter((el) => el.getBoundingClientRect().right > width + 1 && !el.closest(".table-scroller"))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}.${[...el.classList].join(".")}`);
    return { scrollWidth: root.scrollWidth, clientWidth: width, culprits };
  });
  expect(
    scrollWidth,
    `${name} scrolls sideways at 320 px (${page.url()}): ${scrollWidth} > ${clientWidth}; sticking out: ${culprits.join(", ")}`,
  ).toBeLessThanOrEqual(clientWidth + 1);
}

/**
 * One page, fully checked: screenshot and axe at 1280 px, then reflow and a screenshot at 320 px,
 * then back to 1280 px.
 */
export async function expectGoodPage(page: Page, name: string) {
  await page.setViewportSize(WIDE);
  await settled(page);
  await screenshot(page, name);
  await expectAccessible(page, name);
  await expectReflow(page, name);
  await screenshot(page, `${name} 320`);
  await page.setViewportSize(WIDE);
}
