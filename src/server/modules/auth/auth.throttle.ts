/**
 * When a sign-in attempt may have its password checked: the rule over the failed sign-ins of the
 * last `windowMs` (docs/architecture.md, "Failed sign-ins").
 *
 * - An address that has failed for this account waits after the account's latest failure (from any
 *   address) once the account has `limit` failures: 1 s, then 2, 4, 8 … up to 60 s per further failure.
 * - Any attempt from an address with `5 × limit` failures (across accounts) waits after that
 *   address's latest failure in the same steps.
 * - An address that has not failed for this account is held only by its own failures: the account's
 *   failures elsewhere never keep its owner out.
 *
 * A refused attempt (429) is not a failure and does not move the time. Nobody is locked out: the
 * longest wait is one step of 60 s after the latest failure.
 */
export const failureWindowMs = 15 * 60_000;
export const maxDelayMs = 60_000;
/** An address may fail this many times as often as one account before it waits, across accounts. */
export const addressFactor = 5;

export interface RecentFailures {
  /** The account's failures from any address, and the latest. */
  account: { count: number; last: Date | null };
  /** The account's failures from this address. */
  accountFromAddress: number;
  /** This address's failures for any account, and the latest. */
  address: { count: number; last: Date | null };
}

/** The wait after the latest of `failures` when `free` of them carry none. */
export function stepMs(failures: number, free: number): number {
  return failures < free ? 0 : Math.min(maxDelayMs, 1000 * 2 ** (failures - free));
}

/** How long the attempt must wait before its password is checked; 0 when it may be checked now. */
export function waitMs(recent: RecentFailures, limit: number, now: Date): number {
  const until = (last: Date | null, wait: number) => (last && wait > 0 ? last.getTime() + wait : 0);
  const byAddress = until(recent.address.last, stepMs(recent.address.count, limit * addressFactor));
  const byAccount = recent.accountFromAddress > 0 ? until(recent.account.last, stepMs(recent.account.count, limit)) : 0;
  return Math.max(0, byAddress - now.getTime(), byAccount - now.getTime());
}
