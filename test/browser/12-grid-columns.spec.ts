import { expect, type Locator, type Page, test } from "@playwright/test";
import { cellOf, columnIndex, grid, rowOf, typeInto } from "./grid.ts";
import { demoUsers, expectAccessible, screenshot, settled, signedIn } from "./support.ts";

/**
 * Issue 8, part 7: the grid shows every column. A coordinator imports a workbook into a new
 * document; at 768, 1280 and 1400 px no column stops under the frozen name columns, wherever the
 * grid is scrolled to; "4 rader med feil" moves to the rows with errors one by one; "Lever arket
 * til FOU" says why it cannot be submitted before it is pressed; a row added by hand has the
 * document's study programme; a change after submission is red with a marker. At 320 px nothing
 * is frozen and the grid scrolls sideways in its box.
 */
const fixture = "../shared/fixtures/praksisoversikt-eksempel.xlsx";

const scroller = (page: Page) => page.locator(".grid-scroller");
const headers = (page: Page) => grid(page).locator("thead th");

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error("not rendered");
  return { left: b.x, right: b.x + b.width, top: b.y, bottom: b.y + b.height };
}

/** The right edge of the frozen name columns (the second header cell) and of the scroller's inside. */
async function edges(page: Page) {
  const frozen = await box(headers(page).nth(1));
  const inner = await scroller(page).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { left: r.left + el.clientLeft, right: r.left + el.clientLeft + el.clientWidth };
  });
  return { frozenRight: frozen.right, left: inner.left, right: inner.right };
}

/** The headers that start under the frozen columns but reach out beside them: half hidden. */
function halfHidden(page: Page) {
  return headers(page).evaluateAll((cells) => {
    const frozenRight = (cells[1] as HTMLElement).getBoundingClientRect().right;
    return cells
      .slice(2)
      .filter((cell) => {
        const b = cell.getBoundingClientRect();
        return b.left < frozenRight - 1 && b.right > frozenRight + 1;
      })
      .map((cell) => cell.textContent);
  });
}

/**
 * At the current width: every header shows its whole text, the frozen columns sit side by side
 * where the next column starts, and moving through the first row with the arrow keys and
 * scrolling the box to any place leaves no column under the frozen ones.
 */
async function expectEveryColumnShown(page: Page) {
  const count = await headers(page).count();
  await scroller(page).evaluate((el) => {
    el.scrollLeft = 0;
  });
  for (let i = 0; i < count; i++) {
    const clipped = await headers(page)
      .nth(i)
      .evaluate((el) => el.scrollWidth > el.clientWidth + 1);
    expect(clipped, `header ${i} is cut`).toBe(false);
  }
  const [first, second, third] = [
    await box(headers(page).nth(0)),
    await box(headers(page).nth(1)),
    await box(headers(page).nth(2)),
  ];
  expect(Math.abs(second.left - first.right)).toBeLessThanOrEqual(1);
  expect(Math.abs(third.left - second.right)).toBeLessThanOrEqual(1);

  // By keyboard, from the first cell to the last column.
  await grid(page).locator('[data-cell="0:0"]').focus();
  for (let c = 1; c < count; c++) {
    await page.keyboard.press("ArrowRight");
    await expect(grid(page).locator(`[data-cell="0:${c}"]`)).toBeFocused();
    if (c < 2) continue;
    const header = headers(page).nth(c);
    await expect
      .poll(async () => {
        const [b, e] = [await box(header), await edges(page)];
        return b.left >= e.frozenRight - 1 && b.right <= e.right + 1;
      }, `column ${c} shown whole after moving to it`)
      .toBe(true);
    await expect.poll(() => halfHidden(page)).toEqual([]);
  }

  // By scrolling the box: stopped a little into each column, it settles on a column's start.
  const offsets = await headers(page).evaluateAll((cells) =>
    cells.map(
      (cell) =>
        (cell as HTMLElement).offsetLeft -
        ((cells[1] as HTMLElement).offsetLeft + (cells[1] as HTMLElement).offsetWidth),
    ),
  );
  for (const offset of offsets.slice(2)) {
    await scroller(page).evaluate((el, x) => {
      el.scrollLeft = x;
    }, offset + 17);
    await expect.poll(() => halfHidden(page), `scrolled to ${offset + 17}`).toEqual([]);
  }
  await scroller(page).evaluate((el) => {
    el.scrollLeft = el.scrollWidth;
  });
  await expect.poll(() => halfHidden(page), "scrolled to the end").toEqual([]);
  await scroller(page).evaluate((el) => {
    el.scrollLeft = 0;
  });
}

/** The contrast ratio of two CSS rgb() colours (WCAG 2.1 relative luminance). */
function contrast(a: string, b: string) {
  const luminance = (css: string) => {
    const [r, g, bl] = (css.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

test("the grid shows every column, leads to the errors, explains submission and marks changes", async ({ browser }) => {
  const page = await signedIn(browser, demoUsers.hvl.email, { width: 1280, height: 900 });

  await test.step("a new document, filled by an import: the hint to make the first sheet goes", async () => {
    await page.getByRole("link", { name: "Praksisoversikter" }).first().click();
    await settled(page);
    await page.getByRole("button", { name: "Ny praksisoversikt" }).first().click();
    await page.getByLabel("Studieprogram").selectOption({ label: "Sykepleie" });
    await page.getByLabel("Kull (opptaksår)").fill("2016");
    await page.getByRole("button", { name: "Lag praksisoversikt" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("HVL Sykepleie kull 2016");
    await expect(page.getByText(/Lag det første arket/)).toBeVisible();

    await page.getByRole("button", { name: "Importer fra Excel" }).first().click();
    await page.getByLabel("Excel-fil").setInputFiles(fixture);
    await page.getByRole("button", { name: "Kontroller filen" }).click();
    const periods = page.locator(".period-fieldset");
    await expect(periods.first()).toBeVisible();
    for (let i = 0; i < (await periods.count()); i++) {
      await periods.nth(i).getByLabel("Første dag i perioden").fill("01.03.2027");
      await periods.nth(i).getByLabel("Siste dag i perioden").fill("09.04.2027");
    }
    await page.getByRole("button", { name: "Kontroller datoene" }).click();
    await page.getByRole("button", { name: "Lagre", exact: true }).click();
    await expect(page.locator(".import-flow").getByText("Importen er lagret")).toBeVisible();
    await page.getByRole("button", { name: "Lukk", exact: true }).last().click();
    await expect(rowOf(page, "Johansen")).toBeVisible();
    await expect(page.getByText(/Lag det første arket/)).toHaveCount(0);
  });

  // A date outside the period, in a column far to the right.
  await typeInto(page, "Berg", "Sluttdato", "20.04.2027");
  await expect((await cellOf(page, "Berg", "Sluttdato")).locator(".cell-msg")).toContainText(/perioden/);
  const count = page.getByRole("button", { name: "4 rader med feil" });
  await expect(count).toBeVisible();

  await test.step("before any press, Lever arket til FOU says why it cannot be submitted yet", async () => {
    const submit = page.getByRole("button", { name: "Lever arket til FOU" });
    await expect(submit).toHaveAttribute("aria-disabled", "true");
    await expect(submit).toHaveAccessibleDescription(/når de 4 radene med feil er rettet/);
    await expect(page.getByText(/Arket kan leveres til FOU når de 4 radene med feil er rettet/)).toBeVisible();
    await submit.focus();
    await page.keyboard.press("Enter");
    await expect(submit).toBeFocused();
    await expect(page.getByRole("dialog")).toHaveCount(0);
  });

  for (const width of [1280, 1400, 768]) {
    await test.step(`at ${width} px no column stops under the frozen name columns`, async () => {
      await page.setViewportSize({ width, height: 900 });
      await settled(page);
      await expectEveryColumnShown(page);
      await screenshot(page, `oversikt kolonner ${width}`);
    });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await expectAccessible(page, "grid with errors");

  await test.step("the count moves to the first row with an error, then to the next", async () => {
    await count.click();
    const endDate = await cellOf(page, "Berg", "Sluttdato");
    await expect(endDate).toBeFocused();
    const [cell, e] = [await box(endDate), await edges(page)];
    expect(cell.left).toBeGreaterThanOrEqual(e.frozenRight - 1);
    expect(cell.right).toBeLessThanOrEqual(e.right + 1);
    await expect(endDate).toHaveAccessibleDescription(/perioden/);
    await screenshot(page, "oversikt forste feil", { fullPage: false });

    await count.click();
    await expect(await cellOf(page, "Johansen", "Fødselsnummer")).toBeFocused();
    await count.click();
    await expect(await cellOf(page, "Larsen", "E-post")).toBeFocused();
    await count.click();
    await expect(await cellOf(page, "Pedersen", "Praksissted")).toBeFocused();
    await count.click();
    await expect(endDate).toBeFocused();
  });

  await test.step("at 320 px nothing is frozen: the grid scrolls sideways in its box", async () => {
    await page.setViewportSize({ width: 320, height: 800 });
    await settled(page);
    const name = await cellOf(page, "Berg", "Etternavn");
    await scroller(page).evaluate((el) => {
      el.scrollLeft = el.scrollWidth;
    });
    await expect.poll(async () => (await box(name)).right <= (await edges(page)).left).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(321);
    await scroller(page).evaluate((el) => {
      el.scrollLeft = 0;
    });
    await screenshot(page, "oversikt kolonner 320");
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  await test.step("a row added by hand starts with the document's study programme", async () => {
    await page.getByRole("button", { name: "Legg til rad" }).click();
    const rows = grid(page).locator("tbody tr");
    await expect(rows).toHaveCount(8);
    const added = rows.last();
    await expect(added.locator("th")).toBeFocused();
    const programme = added.locator("td, th").nth(await columnIndex(page, "Studieprogram"));
    await expect(programme).toHaveText("Sykepleie");
    await page.getByRole("button", { name: "Slett raden for Rad 8 (uten navn)" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Slett raden", exact: true }).click();
    await expect(rows).toHaveCount(7);
  });

  await test.step("a change after submission is red, readable, with a marker and who and when", async () => {
    await page.getByRole("tab", { name: /Internasjonale – Periode 1/ }).click();
    await expect(rowOf(page, "Smith")).toBeVisible();
    const submit = page.getByRole("button", { name: "Lever arket til FOU" });
    await expect(submit).not.toHaveAttribute("aria-disabled", "true");
    await submit.click();
    await page.getByRole("button", { name: "Lever arket", exact: true }).click();
    await expect(page.getByText(/Levert \d\d\.\d\d\.\d{4}/)).toBeVisible();
    await typeInto(page, "Smith", "Mobil", "+44 7700 900124");
    const changed = await cellOf(page, "Smith", "Mobil");
    await expect(changed).toHaveClass(/cell-changed/);
    await expect(changed).toHaveAccessibleDescription(/Endret av Ola Brekke/);
    // Away from the cell and the mouse: the colours as the row shows them at rest.
    await page.getByRole("heading", { level: 1 }).click();
    const colours = await changed.evaluate((el) => {
      const value = el.querySelector(".cell-value") as HTMLElement;
      const marker = getComputedStyle(el, "::after");
      return {
        text: getComputedStyle(value).color,
        background: getComputedStyle(el).backgroundColor,
        marker: marker.borderRightColor,
        markerContent: marker.content,
        markerSize: Number.parseFloat(marker.borderRightWidth),
      };
    });
    const [red, green, blue] = (colours.text.match(/\d+/g) ?? []).map(Number) as [number, number, number];
    expect(red).toBeGreaterThan(green + 100);
    expect(red).toBeGreaterThan(blue + 100);
    expect(contrast(colours.text, colours.background)).toBeGreaterThanOrEqual(4.5);
    expect(colours.markerContent).not.toBe("none");
    expect(colours.markerSize).toBeGreaterThanOrEqual(10);
    expect(contrast(colours.marker, colours.background)).toBeGreaterThanOrEqual(3);
    await changed.focus();
    await expect(page.getByText(/Endret av Ola Brekke/).first()).toBeVisible();
    await screenshot(page, "oversikt endret celle", { fullPage: false });
    await expectAccessible(page, "submitted sheet with a change");
  });
});
