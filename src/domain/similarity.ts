/**
 * How alike two names are, for suggesting the nearest placement sites of the trust's list when a
 * typed or imported name is unknown. Pure: no I/O, shared by server and web.
 */

/** Lower-case, no accents or punctuation, single spaces: "Hjerteavdelingen, Post 1" → "hjerteavdelingen post 1". */
export function normalizeName(s: string): string {
  return s
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Edit distance (insertions, deletions, substitutions) between two strings. */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (current[j - 1] as number) + 1,
        (previous[j] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/** 1 for the same name (after normalizing), towards 0 the less alike; normalized Levenshtein. */
export function nameSimilarity(a: string, b: string): number {
  const x = normalizeName(a);
  const y = normalizeName(b);
  const longest = Math.max(x.length, y.length);
  if (longest === 0) return 1;
  return 1 - levenshtein(x, y) / longest;
}

/** The `limit` names of `candidates` most like `name`, most alike first (ties in list order). */
export function nearestNames(name: string, candidates: readonly string[], limit = 3): string[] {
  return candidates
    .map((candidate, index) => ({ candidate, index, score: nameSimilarity(name, candidate) }))
    .sort((p, q) => q.score - p.score || p.index - q.index)
    .slice(0, limit)
    .map((s) => s.candidate);
}
