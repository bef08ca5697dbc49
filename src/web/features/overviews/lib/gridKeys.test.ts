import { describe, expect, it } from "vitest";
import { editStartFor, moveFor } from "./gridKeys.ts";

describe("moveFor", () => {
  const at = { r: 3, c: 2 };
  it("moves one cell with the arrows and to the edge with Ctrl", () => {
    expect(moveFor("ArrowDown", false, at, 8, 6)).toEqual({ r: 4, c: 2 });
    expect(moveFor("ArrowUp", false, at, 8, 6)).toEqual({ r: 2, c: 2 });
    expect(moveFor("ArrowRight", false, at, 8, 6)).toEqual({ r: 3, c: 3 });
    expect(moveFor("ArrowLeft", false, at, 8, 6)).toEqual({ r: 3, c: 1 });
    expect(moveFor("ArrowDown", true, at, 8, 6)).toEqual({ r: 7, c: 2 });
    expect(moveFor("ArrowUp", true, at, 8, 6)).toEqual({ r: 0, c: 2 });
    expect(moveFor("ArrowRight", true, at, 8, 6)).toEqual({ r: 3, c: 5 });
    expect(moveFor("ArrowLeft", true, at, 8, 6)).toEqual({ r: 3, c: 0 });
  });

  it("goes to the row's ends with Home and End, to the corners with Ctrl, ten rows with Page keys", () => {
    expect(moveFor("Home", false, at, 8, 6)).toEqual({ r: 3, c: 0 });
    expect(moveFor("End", false, at, 8, 6)).toEqual({ r: 3, c: 5 });
    expect(moveFor("Home", true, at, 8, 6)).toEqual({ r: 0, c: 0 });
    expect(moveFor("End", true, at, 8, 6)).toEqual({ r: 7, c: 5 });
    expect(moveFor("PageDown", false, at, 8, 6)).toEqual({ r: 13, c: 2 });
    expect(moveFor("PageUp", false, at, 8, 6)).toEqual({ r: -7, c: 2 });
  });

  it("does not move for other keys", () => {
    expect(moveFor("a", false, at, 8, 6)).toBeNull();
    expect(moveFor("Enter", false, at, 8, 6)).toBeNull();
  });
});

describe("editStartFor", () => {
  const none = { ctrl: false, alt: false };
  it("opens the editor with the value on Enter and F2, in every kind of cell", () => {
    expect(editStartFor("Enter", none, "text")).toEqual({ initial: undefined });
    expect(editStartFor("F2", none, "site")).toEqual({ initial: undefined });
  });

  it("starts empty on Backspace and Delete, with the character typed, but not in a site cell", () => {
    expect(editStartFor("Backspace", none, "date")).toEqual({ initial: "" });
    expect(editStartFor("Delete", none, "text")).toEqual({ initial: "" });
    expect(editStartFor("x", none, "nationalId")).toEqual({ initial: "x" });
    expect(editStartFor("Delete", none, "site")).toBeNull();
    expect(editStartFor("x", none, "site")).toBeNull();
  });

  it("leaves shortcuts and other keys alone", () => {
    expect(editStartFor("c", { ctrl: true, alt: false }, "text")).toBeNull();
    expect(editStartFor("c", { ctrl: false, alt: true }, "text")).toBeNull();
    expect(editStartFor("Shift", none, "text")).toBeNull();
  });
});
