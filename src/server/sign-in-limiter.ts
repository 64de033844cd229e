/**
 * Failed sign-ins are limited per account *and* address: 10 a minute for one email from one
 * address, so a guesser is slowed down without locking out colleagues behind the same address
 * (an office, a VPN). A looser limit per address (50 failures a minute, any accounts) stops one
 * address from trying many accounts. Kept in memory: a restart clears it, which costs a guesser
 * nothing they could not get by waiting a minute.
 */
export interface SignInLimits {
  perAccountAndAddress: number;
  perAddress: number;
  windowMs: number;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = { perAccountAndAddress: 10, perAddress: 50, windowMs: 60_000 };

export function createSignInLimiter(limits: SignInLimits = DEFAULT_SIGN_IN_LIMITS, now: () => number = Date.now) {
  const failures = new Map<string, number[]>();

  const recent = (key: string) => {
    const since = now() - limits.windowMs;
    const kept = (failures.get(key) ?? []).filter((t) => t > since);
    if (kept.length) failures.set(key, kept);
    else failures.delete(key);
    return kept;
  };
  const keys = (address: string, email: string) => [`${address}|${email.trim().toLowerCase()}`, address];

  return {
    /** Seconds to wait before this attempt may be made, or 0. */
    retryAfterSeconds(address: string, email: string): number {
      const [pairKey, addressKey] = keys(address, email);
      const pair = recent(pairKey);
      const all = recent(addressKey);
      const blocking = pair.length >= limits.perAccountAndAddress ? pair : all.length >= limits.perAddress ? all : null;
      if (!blocking) return 0;
      return Math.max(1, Math.ceil((blocking[0] + limits.windowMs - now()) / 1000));
    },
    recordFailure(address: string, email: string) {
      for (const key of keys(address, email)) failures.set(key, [...recent(key), now()]);
    },
    recordSuccess(address: string, email: string) {
      failures.delete(keys(address, email)[0]);
    },
  };
}
export type SignInLimiter = ReturnType<typeof createSignInLimiter>;
