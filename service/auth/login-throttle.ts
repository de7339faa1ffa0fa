/**
 * Login rate limit, per username and client address together (so one attacker cannot lock
 * a colleague out from elsewhere) and per address alone (so one address cannot try many
 * usernames). Failures in a sliding window count; a successful sign-in clears the pair's.
 *
 * The count lives in the database: it is read from the audit log's failed sign-ins
 * (AuditStore.loginFailures), which AuthService writes for every failure anyway. So two Vaka
 * processes on one database share it, and a restart does not reset it. Time is injected.
 */
export interface ThrottleOptions {
  /** Failed attempts allowed per username+address within the window. */
  maxPerUser: number;
  /** Failed attempts allowed per address (any username) within the window. */
  maxPerAddress: number;
  windowMs: number;
}

/** Where failed sign-ins are recorded: times in ms, newest first, at most `limit`. */
export interface LoginFailureLog {
  /**
   * Failures from `address` after `since`; with `username`, only that name's, and only
   * after its last successful sign-in from that address.
   */
  loginFailures(address: string, since: number, limit: number, username?: string): Promise<number[]>;
}

export class LoginThrottle {
  constructor(
    private readonly log: LoginFailureLog,
    private readonly options: ThrottleOptions,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until another attempt is allowed; 0 when it is allowed now. */
  async retryAfter(username: string, address: string): Promise<number> {
    const t = this.now();
    const since = t - this.options.windowMs;
    const { maxPerUser, maxPerAddress } = this.options;
    const [mine, fromAddress] = await Promise.all([
      this.log.loginFailures(address, since, maxPerUser, username),
      this.log.loginFailures(address, since, maxPerAddress),
    ]);
    // Blocked until the oldest of the last `max` failures leaves the window.
    const wait = (newestFirst: number[], max: number) => {
      const oldest = newestFirst[max - 1];
      return oldest === undefined ? 0 : Math.max(0, oldest + this.options.windowMs - t);
    };
    return Math.max(wait(mine, maxPerUser), wait(fromAddress, maxPerAddress));
  }
}
