/**
 * Long loops over rows (an import's 2,000) in slices: after each slice of `sliceMs` of work the
 * event loop turns (`setImmediate`), so the requests that came in meanwhile are answered before the
 * loop goes on. One Node.js thread serves every request: a loop of 150 ms kept each of them waiting
 * that long (docs/performance.md, reads during imports). The work and its order are the same; a
 * transaction around it stays open across the turns, as it does across its statements.
 */
const sliceMs = 10;

/** Lets the event loop run what is waiting (I/O, other requests) before going on. */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A loop's checkpoint: `const turn = slices()`, then `await turn()` after each item turns the event
 * loop once the slice's time is used up (and is nothing otherwise).
 */
export function slices(): () => Promise<void> | null {
  let began = performance.now();
  return () => {
    if (performance.now() - began < sliceMs) return null;
    return nextTurn().then(() => {
      began = performance.now();
    });
  };
}

/** `fn` of each item in order, as `items.map(fn)`, in slices. */
export async function mapInSlices<T, R>(items: readonly T[], fn: (item: T, index: number) => R): Promise<R[]> {
  const out: R[] = [];
  const turn = slices();
  for (let i = 0; i < items.length; i++) {
    out.push(fn(items[i] as T, i));
    await turn();
  }
  return out;
}
