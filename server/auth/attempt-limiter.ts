// Slows guessing: a fixed budget of failed attempts per key (an account, a token, an address) per window.

export class AttemptLimiter {
  private readonly failures = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs: number,
  ) {}

  /** Whether every key still has budget; schools share one address, so accounts and tokens are limited on their own too. */
  allows(keys: readonly string[], now = Date.now()): boolean {
    return keys.every((key) => {
      const entry = this.failures.get(key);
      return !entry || entry.resetAt <= now || entry.count < this.maxFailures;
    });
  }

  fail(keys: readonly string[], now = Date.now()): void {
    for (const key of keys) {
      const entry = this.failures.get(key);
      if (!entry || entry.resetAt <= now) this.failures.set(key, { count: 1, resetAt: now + this.windowMs });
      else entry.count += 1;
    }
    if (this.failures.size > 100_000) this.sweep(now);
  }

  succeed(keys: readonly string[]): void {
    for (const key of keys) this.failures.delete(key);
  }

  private sweep(now: number): void {
    for (const [key, entry] of this.failures) if (entry.resetAt <= now) this.failures.delete(key);
  }
}
