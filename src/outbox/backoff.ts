// When a failed delivery is tried again: 1 min, 2, 4 … doubling up to 6 h, then given up.
export interface RetryPolicy {
  /** Wait after the first failure (ms). */
  baseDelayMs: number;
  /** The longest wait between two attempts (ms). */
  maxDelayMs: number;
  /** Attempts in all, the first included; after the last failure the message is `failed`. */
  maxAttempts: number;
}

/** 1 min → 6 h: 1, 2, 4, … 256 min, 6 h, then failed (11 attempts over about 14 h). */
export const DEFAULT_RETRY: RetryPolicy = {
  baseDelayMs: 60_000,
  maxDelayMs: 6 * 3_600_000,
  maxAttempts: 11,
};

/** The wait before the next attempt after `attempts` failed ones, or null: give up. */
export function nextDelayMs(policy: RetryPolicy, attempts: number): number | null {
  if (attempts >= policy.maxAttempts) return null;
  return Math.min(policy.baseDelayMs * 2 ** Math.max(0, attempts - 1), policy.maxDelayMs);
}
