/**
 * Login rate limit, per username and client address together (so one attacker cannot lock
 * a colleague out from elsewhere) and per address alone (so one address cannot try many
 * usernames). Failures in a sliding window count; success clears the pair. Memory is bounded:
 * the oldest keys are dropped first. Time is injected.
 */
export interface ThrottleOptions {
  /** Failed attempts allowed per username+address within the window. */
  maxPerUser: number;
  /** Failed attempts allowed per address (any username) within the window. */
  maxPerAddress: number;
  windowMs: number;
  /** Most keys kept; beyond it the oldest go. */
  maxKeys?: number;
}

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly options: ThrottleOptions,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until another attempt is allowed; 0 when it is allowed now. */
  retryAfter(username: string, address: string): number {
    const t = this.now();
    const wait = (key: string, max: number) => {
      const recent = this.recent(key, t);
      if (recent.length < max) return 0;
      return (recent[recent.length - max] ?? t) + this.options.windowMs - t;
    };
    return Math.max(
      wait(`u\u0000${username}\u0000${address}`, this.options.maxPerUser),
      wait(`a\u0000${address}`, this.options.maxPerAddress),
    );
  }

  fail(username: string, address: string): void {
    const t = this.now();
    for (const key of [`u\u0000${username}\u0000${address}`, `a\u0000${address}`]) {
      const list = this.recent(key, t);
      list.push(t);
      this.failures.delete(key);
      this.failures.set(key, list);
    }
    const max = this.options.maxKeys ?? 100_000;
    for (const key of this.failures.keys()) {
      if (this.failures.size <= max) break;
      this.failures.delete(key);
    }
  }

  succeed(username: string, address: string): void {
    this.failures.delete(`u\u0000${username}\u0000${address}`);
  }

  private recent(key: string, t: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((at) => at > t - this.options.windowMs);
    if (list.length === 0) this.failures.delete(key);
    return list;
  }
}
