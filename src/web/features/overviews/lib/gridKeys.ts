import type { CellKind } from "./columns.ts";

/** A cell of the grid: the row's and the column's index. */
export type Position = { r: number; c: number };

/** The `data-cell` value of a cell, by which the grid finds the element to focus. */
export const cellKey = (p: Position) => `${p.r}:${p.c}`;

/**
 * Where a key moves the active cell outside edit mode (not yet kept inside the grid): the arrows one
 * cell, with Ctrl/Cmd to the edge; Home and End to the row's ends, with Ctrl/Cmd to the grid's
 * corners; Page Down and Page Up ten rows. Null for a key that does not move.
 */
export function moveFor(
  key: string,
  ctrl: boolean,
  { r, c }: Position,
  rows: number,
  columns: number,
): Position | null {
  switch (key) {
    case "ArrowDown":
      return { r: ctrl ? rows - 1 : r + 1, c };
    case "ArrowUp":
      return { r: ctrl ? 0 : r - 1, c };
    case "ArrowRight":
      return { r, c: ctrl ? columns - 1 : c + 1 };
    case "ArrowLeft":
      return { r, c: ctrl ? 0 : c - 1 };
    case "Home":
      return ctrl ? { r: 0, c: 0 } : { r, c: 0 };
    case "End":
      return ctrl ? { r: rows - 1, c: columns - 1 } : { r, c: columns - 1 };
    case "PageDown":
      return { r: r + 10, c };
    case "PageUp":
      return { r: r - 10, c };
    default:
      return null;
  }
}

/**
 * How a key starts editing an editable cell outside edit mode: Enter and F2 with the cell's value
 * (`initial` undefined); Backspace and Delete empty; a typed character with that character. A site
 * is picked from a list, so only Enter and F2 open it. Null for a key that does not edit.
 */
export function editStartFor(
  key: string,
  modifiers: { ctrl: boolean; alt: boolean },
  kind: CellKind,
): { initial: string | undefined } | null {
  if (key === "Enter" || key === "F2") return { initial: undefined };
  if (kind === "site") return null;
  if (key === "Backspace" || key === "Delete") return { initial: "" };
  if (key.length === 1 && !modifiers.ctrl && !modifiers.alt) return { initial: key };
  return null;
}
