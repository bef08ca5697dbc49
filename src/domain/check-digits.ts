/** Weights of the fødselsnummer's two modulus-11 check digits. */
const weights1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const weights2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

/**
 * The 11 digits for nine digits (birth date and individual number) with their two check digits, or
 * null when no check digit fits. `rest` 0 is the classic modulus-11 rule; 1–3 give the other first
 * check digits allowed for numbers issued from 2032. For making synthetic numbers (demo data, the
 * benchmark, tests); validation is `validateNationalId`.
 */
export function withCheckDigits(nine: string, rest: 0 | 1 | 2 | 3 = 0): string | null {
  const d = [...nine].map(Number);
  const s1 = weights1.reduce((sum, w, i) => sum + w * (d[i] as number), 0);
  const k1 = (11 - (s1 % 11) + rest) % 11;
  if (k1 === 10) return null;
  const s2 = weights2.reduce((sum, w, i) => sum + w * (i < 9 ? (d[i] as number) : k1), 0);
  const k2 = (11 - (s2 % 11)) % 11;
  if (k2 === 10) return null;
  return `${nine}${k1}${k2}`;
}
