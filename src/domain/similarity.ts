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
  let previous = Int32Array.from({ length: b.length + 1 }, (_, i) => i);
  let current = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    const ac = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ac === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min(
        (current[j - 1] as number) + 1,
        (previous[j] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length] as number;
}

/** 1 for the same normalized names, towards 0 the less alike. */
const similarityOfNormalized = (x: string, y: string) => {
  const longest = Math.max(x.length, y.length);
  return longest === 0 ? 1 : 1 - levenshtein(x, y) / longest;
};

/** 1 for the same name (after normalizing), towards 0 the less alike; normalized Levenshtein. */
export function nameSimilarity(a: string, b: string): number {
  return similarityOfNormalized(normalizeName(a), normalizeName(b));
}

/** Answers a matcher keeps (the names asked most recently beyond these are worked out again). */
const keptAnswers = 2000;

/**
 * `nearestNames` against one list of candidates asked many times (a sheet's rows against the trust's
 * sites): the candidates are normalized once and the last `keptAnswers` names' answers are kept.
 */
export function nameMatcher(candidates: readonly string[], limit = 3): (name: string) => string[] {
  const normalized = candidates.map(normalizeName);
  const answers = new Map<string, string[]>();
  return (name) => {
    const known = answers.get(name);
    if (known) return [...known];
    if (answers.size >= keptAnswers) answers.delete(answers.keys().next().value as string);
    const x = normalizeName(name);
    const nearest = candidates
      .map((candidate, index) => ({ candidate, index, score: similarityOfNormalized(x, normalized[index] as string) }))
      .sort((p, q) => q.score - p.score || p.index - q.index)
      .slice(0, limit)
      .map((s) => s.candidate);
    answers.set(name, nearest);
    return [...nearest];
  };
}

/** The `limit` names of `candidates` most like `name`, most alike first (ties in list order). */
export function nearestNames(name: string, candidates: readonly string[], limit = 3): string[] {
  return nameMatcher(candidates, limit)(name);
}
