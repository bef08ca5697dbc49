import { describe, expect, it } from "vitest";
import { holdingStates, isLive, nextLineState, orderLineTransitions, rowOrderState, statesFor } from "./order-lines.ts";

const line = (
  state: Parameters<typeof rowOrderState>[0][number]["state"],
  systemId = "a",
  createdAt = "2026-01-01",
) => ({
  state,
  systemId,
  createdAt,
});

describe("order line transitions", () => {
  it("moves a line only from the states its action names", () => {
    expect(nextLineState("draft", "mark_ordered")).toBe("ordered");
    expect(nextLineState("ordered", "mark_ordered")).toBeNull();
    expect(nextLineState("ordered", "approve")).toBe("approved");
    expect(nextLineState("approved", "implement")).toBe("implemented");
    expect(nextLineState("ordered", "implement")).toBe("implemented");
    expect(nextLineState("implemented", "reject")).toBeNull();
    expect(nextLineState("draft", "approve")).toBeNull();
    expect(nextLineState("ordered", "cancel")).toBeNull();
    expect(nextLineState("rejected", "approve")).toBeNull();
  });

  it("names each action once, with the endpoint that takes it", () => {
    const actions = orderLineTransitions.map((t) => t.action);
    expect(new Set(actions).size).toBe(actions.length);
    expect(statesFor("reject")).toEqual(["ordered", "approved"]);
    for (const t of orderLineTransitions)
      expect(t.endpoint).toMatch(t.by === "app" || t.by === "row_editor" ? /\S/ : /^POST \/api\//);
  });
});

describe("a row's Bestilt cell from its lines", () => {
  it("is not ordered without lines or while any line is a draft", () => {
    expect(rowOrderState([])).toBe("not_ordered");
    expect(rowOrderState([line("ordered", "a"), line("draft", "b")])).toBe("not_ordered");
    expect(rowOrderState([line("cancelled")])).toBe("not_ordered");
  });

  it("is the least advanced state of the row's lines", () => {
    expect(rowOrderState([line("implemented", "a"), line("ordered", "b")])).toBe("ordered");
    expect(rowOrderState([line("implemented", "a"), line("approved", "b")])).toBe("approved");
    expect(rowOrderState([line("implemented", "a"), line("implemented", "b")])).toBe("implemented");
  });

  it("is rejected when any line is, until a later line of that system replaces it", () => {
    expect(rowOrderState([line("implemented", "a"), line("rejected", "b")])).toBe("rejected");
    expect(rowOrderState([line("rejected", "b", "2026-01-01"), line("ordered", "b", "2026-01-02")])).toBe("ordered");
    expect(rowOrderState([line("rejected", "b", "2026-01-01"), line("draft", "b", "2026-01-02")])).toBe("not_ordered");
  });
});

describe("access that follows the placement", () => {
  it("changes, deactivates and extends only lines that hold access", () => {
    expect(nextLineState("implemented", "change")).toBe("changed");
    expect(nextLineState("draft", "change")).toBeNull();
    expect(nextLineState("changed", "supersede")).toBe("superseded");
    expect(nextLineState("implemented", "supersede")).toBeNull();
    expect(nextLineState("changed", "schedule_deactivation")).toBe("to_deactivate");
    expect(nextLineState("rejected", "schedule_deactivation")).toBeNull();
    expect(nextLineState("to_deactivate", "mark_deactivated")).toBe("deactivated");
    expect(nextLineState("deactivated", "mark_deactivated")).toBeNull();
    expect(nextLineState("implemented", "extend")).toBe("extended");
    expect(nextLineState("extended", "mark_extended")).toBe("implemented");
    expect(nextLineState("deactivated", "extend")).toBeNull();
    expect(nextLineState("implemented", "continue")).toBe("superseded");
  });

  it("lets one line hold a row and system, and a changed line give way to its change", () => {
    expect(holdingStates).not.toContain("changed");
    expect(holdingStates).not.toContain("to_deactivate");
    expect(isLive("to_deactivate")).toBe(true);
    expect(isLive("deactivated")).toBe(false);
    expect(isLive("superseded")).toBe(false);
  });

  it("shows a change, an extension and a deactivation in the Bestilt cell", () => {
    expect(rowOrderState([line("implemented", "a"), line("changed", "b")])).toBe("changed");
    expect(rowOrderState([line("changed", "a", "2026-01-01"), line("draft", "a", "2026-01-02")])).toBe("not_ordered");
    expect(rowOrderState([line("superseded", "a", "2026-01-01"), line("ordered", "a", "2026-01-02")])).toBe("ordered");
    expect(rowOrderState([line("implemented", "a"), line("extended", "b")])).toBe("extended");
    expect(rowOrderState([line("to_deactivate", "a"), line("deactivated", "b")])).toBe("to_deactivate");
    expect(rowOrderState([line("deactivated", "a"), line("deactivated", "b")])).toBe("deactivated");
    expect(rowOrderState([line("implemented", "a"), line("to_deactivate", "b")])).toBe("implemented");
  });
});
