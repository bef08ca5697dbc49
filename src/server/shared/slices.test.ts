import { describe, expect, it } from "vitest";
import { mapInSlices } from "./slices.ts";

/** Work that holds the thread for `ms` (as checking a row does), without timers. */
const busy = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // hold the thread
  }
};

describe("mapInSlices", () => {
  it("maps in order, with each item's index", async () => {
    expect(await mapInSlices(["a", "b", "c"], (s, i) => `${i}${s}`)).toEqual(["0a", "1b", "2c"]);
    expect(await mapInSlices([], () => 1)).toEqual([]);
  });

  it("lets what waits on the event loop run while a long loop is under way", async () => {
    const order: string[] = [];
    setImmediate(() => order.push("other request"));
    const done = mapInSlices(
      Array.from({ length: 12 }, (_, i) => i),
      (i) => {
        busy(3);
        order.push(`item ${i}`);
      },
    );
    await done;
    // 36 ms of work in slices of 10 ms: the waiting callback ran between items, not after them all.
    const at = order.indexOf("other request");
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(order.length - 1);
  });
});
