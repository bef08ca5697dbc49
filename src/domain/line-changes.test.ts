import { describe, expect, it } from "vitest";
import { planChangeLines } from "./change-orders.ts";
import { changesText, mergeLineChanges, stateBeforeChange } from "./line-changes.ts";

describe("a line's changes after its order", () => {
  it("keep per field the first from and the latest to", () => {
    const first = mergeLineChanges([], [{ field: "endDate", from: "2027-01-31", to: "2027-02-07" }]);
    const second = mergeLineChanges(first, [
      { field: "endDate", from: "2027-02-07", to: "2027-02-14" },
      { field: "placementSiteId", from: "Post 3", to: "Post 5" },
    ]);
    expect(second).toEqual([
      { field: "endDate", from: "2027-01-31", to: "2027-02-14" },
      { field: "placementSiteId", from: "Post 3", to: "Post 5" },
    ]);
  });

  it("drop a field changed back to what was ordered", () => {
    const first = mergeLineChanges([], [{ field: "startDate", from: "2027-01-04", to: "2027-01-11" }]);
    expect(mergeLineChanges(first, [{ field: "startDate", from: "2027-01-11", to: "2027-01-04" }])).toEqual([]);
  });

  it("read as people write them, dates dd.mm.yyyy", () => {
    expect(changesText([{ field: "endDate", from: "2027-01-31", to: "2027-02-14" }])).toBe(
      "Sluttdato 31.01.2027 → 14.02.2027",
    );
    expect(changesText([{ field: "studyProgramme", from: null, to: "Ergoterapi" }], "en")).toBe(
      "Study programme – → Ergoterapi",
    );
  });

  it("put an undone change back in the state the line had", () => {
    const none = { implementedAt: null, approvedAt: null, extendedAt: null, extensionDoneAt: null };
    expect(stateBeforeChange(none)).toBe("ordered");
    expect(stateBeforeChange({ ...none, approvedAt: "x" })).toBe("approved");
    expect(stateBeforeChange({ ...none, approvedAt: "x", implementedAt: "y" })).toBe("implemented");
    expect(stateBeforeChange({ ...none, implementedAt: "y", extendedAt: "z" })).toBe("extended");
    expect(stateBeforeChange({ ...none, implementedAt: "y", extendedAt: "z", extensionDoneAt: "w" })).toBe(
      "implemented",
    );
  });
});

describe("a change order's lines", () => {
  const changes = [{ field: "studyProgramme" as const, from: "Fysioterapi", to: "Ergoterapi" }];
  it("change the systems both profiles have, add the new ones and deactivate the dropped ones", () => {
    const plan = planChangeLines(
      [
        { systemId: "dips", role: "B" },
        { systemId: "mv", role: "C" },
      ],
      [
        { id: "l1", systemId: "dips", changes },
        { id: "l2", systemId: "hp", changes },
      ],
    );
    expect(plan.lines.map((l) => [l.item.systemId, l.changeType, l.replacesLineId])).toEqual([
      ["dips", "changed", "l1"],
      ["mv", "new", null],
    ]);
    expect(plan.lines[1]?.changes).toEqual(changes);
    expect(plan.deactivate.map((d) => d.id)).toEqual(["l2"]);
    expect(plan.changes).toEqual(changes);
  });

  it("are all new for a row without changed lines", () => {
    const plan = planChangeLines([{ systemId: "dips" }], []);
    expect(plan.lines.map((l) => [l.changeType, l.changes])).toEqual([["new", []]]);
    expect(plan.deactivate).toEqual([]);
  });
});
