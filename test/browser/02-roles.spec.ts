import { expect, type Page, test } from "@playwright/test";
import { adminMenu, demoUsers, expectGoodPage, mainHeading, settled, signIn } from "./support.ts";

type Story = {
  who: keyof typeof demoUsers;
  /** Role names shown on the start page. */
  roles: string;
  /** Navigation, in order: label → path. */
  nav: [string, string][];
  /** One of the next steps the start page offers, and where it leads. */
  nextStep: [string, string];
};

const adminNav: [string, string][] = [
  ["Start", "/"],
  ["Praksisoversikter", "/oversikter"],
  ["Søk", "/sok"],
  ["Administrasjon", "/admin"],
  ["Hjelp", "/hjelp"],
];
/** The administration's sub-navigation of the demo admin, who is also a system administrator. */
const adminPages: [string, string][] = [
  ["Brukere", "/admin/brukere"],
  ["Tilgangsforespørsler", "/admin/tilgangsforesporsler"],
  ["Mulige duplikater", "/personer/duplikater"],
  ["Innlogging med jobbkonto", "/admin/innlogging"],
  ["Institusjoner og avtaler", "/admin/institusjoner"],
  ["Praksissteder", "/admin/praksissteder"],
  ["Innstillinger", "/admin/innstillinger"],
  ["Studieprogram og yrker", "/admin/studieprogram"],
  ["Fagsystemer", "/admin/fagsystemer"],
  ["Tilgangsprofiler", "/admin/tilgangsprofiler"],
  ["Logg", "/admin/logg"],
  ["E-post", "/admin/e-post"],
  ["Helseforetak", "/admin/foretak"],
];
const readerNav: [string, string][] = [
  ["Start", "/"],
  ["Institusjoner", "/institusjoner"],
  ["Studieprogram", "/studieprogram"],
  ["Hjelp", "/hjelp"],
];
const regionalNav: [string, string][] = [
  ["Start", "/"],
  ["Institusjoner", "/institusjoner"],
  ["Hjelp", "/hjelp"],
];
const coordinatorStep: [string, string] = ["Finn kontaktpersonen din ved FOU", "/institusjoner"];

const stories: Story[] = [
  {
    who: "admin",
    roles: "Administrator",
    nav: adminNav,
    nextStep: ["Legg til brukere og gi dem roller", "/admin/brukere"],
  },
  {
    who: "fou",
    roles: "Studentadministrator (FOU)",
    nav: readerNav,
    nextStep: ["Se institusjonene og hvem som er kontaktperson for hver", "/institusjoner"],
  },
  { who: "uib", roles: "Praksiskoordinator for Universitetet i Bergen", nav: readerNav, nextStep: coordinatorStep },
  { who: "hvl", roles: "Praksiskoordinator for Høgskulen på Vestlandet", nav: readerNav, nextStep: coordinatorStep },
  {
    who: "vid",
    roles: "Praksiskoordinator for VID vitenskapelige høgskole",
    nav: readerNav,
    nextStep: coordinatorStep,
  },
  {
    who: "ikt",
    roles: "Helse Vest IKT",
    nav: regionalNav,
    nextStep: ["Se institusjonene helseforetaket har avtale med", "/institusjoner"],
  },
  {
    who: "ehelse",
    roles: "E-helse",
    nav: regionalNav,
    nextStep: ["Se institusjonene helseforetaket har avtale med", "/institusjoner"],
  },
];

function navigation(page: Page) {
  return page.getByRole("navigation", { name: "Hovedmeny" });
}

for (const story of stories) {
  const user = demoUsers[story.who];

  test(`${user.email} signs in and reaches every page of their navigation`, async ({ page }) => {
    await signIn(page, user.email);

    // Start page: who they are, where, and what they can do next.
    await expect(mainHeading(page)).toHaveText("Start");
    await expect(page.getByText(`Hei, ${user.name}!`)).toBeVisible();
    await expect(page.getByText(`Rollene dine i Helse Bergen: ${story.roles}.`)).toBeVisible();
    await expect(page.locator(".app-header")).toContainText("Helse Bergen");
    await expect(page.locator(".app-header")).toContainText(user.name);
    await expect(page.getByRole("heading", { name: "Dette finnes nå" })).toBeVisible();
    const next = page.getByRole("region", { name: "Hva du kan gjøre nå" });
    await expect(next.getByRole("link", { name: story.nextStep[0] })).toHaveAttribute("href", story.nextStep[1]);

    // The navigation of their role: its pages, and no admin pages for anyone else. (Pages added
    // later for a role are visited too, below.)
    const links = navigation(page).getByRole("link");
    await expect(links.first()).toHaveText("Start");
    const present = await links.evaluateAll((as) =>
      as.map((a) => [a.textContent?.trim() ?? "", a.getAttribute("href") ?? ""] as [string, string]),
    );
    expect(present).toEqual(expect.arrayContaining(story.nav));
    if (story.who !== "admin") {
      await expect(navigation(page).locator('a[href^="/admin"]')).toHaveCount(0);
    }

    // Every page reachable from the navigation: axe at 1280 px, reflow at 320 px. The admin has
    // many pages, so the story's time-out grows with the number of pages, not a fixed minute.
    test.setTimeout(30_000 + present.length * 15_000);
    for (const [label, path] of present) {
      const link = navigation(page).getByRole("link", { name: label, exact: true });
      await link.click();
      await expect(page).toHaveURL(new RegExp(`${path === "/" ? "" : path}/?$`));
      await expect(link).toHaveAttribute("aria-current", "page");
      await settled(page);
      await expectGoodPage(page, `02 ${story.who} ${label}`);
    }
    if (story.who !== "admin") return;

    // The administration's pages, from the landing page's first link on through their own
    // sub-navigation; on each, that item and the main menu's "Administrasjon" are the current page.
    await navigation(page).getByRole("link", { name: "Administrasjon", exact: true }).click();
    await page.getByRole("main").getByRole("link").first().click();
    // The page behind the link loads first: wait for its sub-navigation, as a person does.
    const subLinks = adminMenu(page).getByRole("link");
    await expect(subLinks.first()).toBeVisible();
    await settled(page);
    const pages = await subLinks.evaluateAll((as) =>
      as.map((a) => [a.textContent?.trim() ?? "", a.getAttribute("href") ?? ""] as [string, string]),
    );
    expect(pages).toEqual(expect.arrayContaining(adminPages));
    test.setTimeout(30_000 + (present.length + pages.length) * 15_000);
    for (const [label, path] of pages) {
      const link = adminMenu(page).getByRole("link", { name: label, exact: true });
      await link.click();
      await expect(page).toHaveURL(new RegExp(`${path}/?$`));
      await expect(link).toHaveAttribute("aria-current", "page");
      await expect(navigation(page).getByRole("link", { name: "Administrasjon", exact: true })).toHaveAttribute(
        "aria-current",
        "page",
      );
      await expect(mainHeading(page)).toHaveText(label);
      await settled(page);
      await expectGoodPage(page, `02 ${story.who} ${label}`);
    }
  });
}

test("the admin's professions tab passes axe and reflows too", async ({ page }) => {
  await signIn(page, demoUsers.admin.email);
  await page.goto("/admin/studieprogram?fane=yrker");
  await expect(page.getByRole("tab", { name: /^Yrker/ })).toHaveAttribute("aria-selected", "true");
  await expectGoodPage(page, "02 admin yrker");
});

test("a coordinator who opens an admin page directly sees the no-access page", async ({ page }) => {
  await signIn(page, demoUsers.uib.email);
  for (const path of ["/admin/brukere", "/admin/innstillinger", "/admin/foretak"]) {
    await page.goto(path);
    await expect(mainHeading(page)).toHaveText("Ingen tilgang");
    await expect(page.getByText("Du har ikke tilgang til denne siden")).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0);
  }
  await expectGoodPage(page, "02 koordinator ingen tilgang");
});

test("an unknown address shows a page that leads back to the start page", async ({ page }) => {
  await signIn(page, demoUsers.uib.email);
  await page.goto("/finnes-ikke");
  await expect(mainHeading(page)).toHaveText("Fant ikke siden");
  await expectGoodPage(page, "02 fant ikke siden");
  await page.getByRole("link", { name: "Gå til startsiden" }).click();
  await expect(mainHeading(page)).toHaveText("Start");
});
