import { expect, type Page } from "@playwright/test";

/** The overview grid of the sheet shown. */
export const grid = (page: Page) => page.locator("table[role=grid]");

/** The row whose surname (its first cell) is `name`: "Hansen" is not "Johansen". */
export const rowOf = (page: Page, name: string) => grid(page).getByRole("row", { name: new RegExp(`^${name}\\b`) });

/** The index of the column with this header (its text as shown, or the text it starts with). */
export async function columnIndex(page: Page, header: string) {
  await expect(grid(page).locator("thead th", { hasText: header }).first()).toBeVisible();
  const texts = (await grid(page).locator("thead th").allTextContents()).map((h) => h.trim());
  const exact = texts.indexOf(header);
  const index = exact >= 0 ? exact : texts.findIndex((h) => h.startsWith(header));
  expect(index, `column ${header}`).toBeGreaterThanOrEqual(0);
  return index;
}

/** The cell in the named student's row and the column with this header. */
export async function cellOf(page: Page, name: string, header: string) {
  await expect(rowOf(page, name)).toBeVisible();
  return rowOf(page, name)
    .locator("td, th")
    .nth(await columnIndex(page, header));
}

/**
 * Types a new value into a cell by keyboard as a person does: focus, Enter, wait for the editor
 * (a national ID is fetched first), replace, Enter to save.
 */
export async function typeInto(page: Page, name: string, header: string, value: string) {
  const cell = await cellOf(page, name, header);
  await cell.focus();
  await page.keyboard.press("Enter");
  const editor = cell.locator(".cell-editor");
  await expect(editor).toBeFocused();
  await page.keyboard.press("Control+a");
  await page.keyboard.type(value);
  await expect(editor).toHaveValue(value);
  await page.keyboard.press("Enter");
  await expect(editor).toHaveCount(0);
}
