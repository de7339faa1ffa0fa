/**
 * Accounts and sessions: login (throttled, audited), token → principal, logout, password
 * changes, and the first admin. Sessions are opaque tokens stored hashed (sessions-store.ts);
 * revoking one tells listeners (the stream closes that session's sockets at once).
 */
import type { Logger } from 'pino';
import type { Session, User, UserInput, UserUpdate } from '../contract.js';
import type { AuditStore } from '../store/audit-store.js';
import type { SessionsStore } from '../store/sessions-store.js';
import type { UsersStore, UserWithHash } from '../store/users-store.js';
import { LoginThrottle, type ThrottleOptions } from './login-throttle.js';
import { dummyHash, generatePassword, hashPassword, verifyPassword } from './password.js';
import type { Principal } from './principal.js';

export interface AuthOptions {
  /** How long a session lasts from login, in milliseconds (one shift and a margin). */
  sessionMs: number;
  throttle: ThrottleOptions;
  now: () => number;
}

export type LoginResult =
  | { ok: true; session: Session }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterMs: number };

export class AccountRuleError extends Error {
  readonly code = 'VAKA_ERR_ACCOUNT_RULE';
}

/** The first admin: from VAKA_ADMIN_USER / VAKA_ADMIN_PASSWORD, else a generated one-time password. */
export interface FirstAdmin {
  username: string;
  /** Set only when Vaka generated it: show it once, then it must be changed at first login. */
  oneTimePassword: string | undefined;
}

export class AuthService {
  private readonly throttle: LoginThrottle;
  private readonly revokeListeners = new Set<(sessionId: string) => void>();

  constructor(
    private readonly users: UsersStore,
    private readonly sessions: SessionsStore,
    private readonly audit: AuditStore,
    private readonly options: AuthOptions,
    private readonly log: Logger,
  ) {
    this.throttle = new LoginThrottle(audit, options.throttle, options.now);
  }

  async login(rawUsername: string, password: string, ip: string): Promise<LoginResult> {
    const username = rawUsername.trim().toLowerCase();
    // A username that cannot exist may be a password typed in the wrong field: never store it.
    const named = /^[a-z0-9._-]{1,64}$/.test(username) ? username : '(malformed)';
    const wait = await this.throttle.retryAfter(named, ip);
    if (wait > 0) {
      await this.record(null, named, 'auth.login', null, 'denied', ip, { reason: 'rate limited' });
      return { ok: false, reason: 'throttled', retryAfterMs: wait };
    }
    const user = named === '(malformed)' ? undefined : await this.users.byUsername(username);
    // Verify against a dummy hash for unknown users, so timing does not tell who has an account.
    const matches = await verifyPassword(password, user?.passwordHash ?? (await dummyHash()));
    if (user === undefined || !matches || user.disabled) {
      // This audit entry is what the throttle counts (in the database, shared by every process).
      await this.record(user?.id ?? null, named, 'auth.login', user?.id ?? null, 'failure', ip, {
        reason: user?.disabled && matches ? 'disabled' : 'bad credentials',
      });
      return { ok: false, reason: 'invalid' };
    }
    const expiresAt = this.options.now() + this.options.sessionMs;
    const { token } = await this.sessions.create(user.id, expiresAt);
    await this.record(user.id, user.username, 'auth.login', user.id, 'success', ip, {});
    return { ok: true, session: { token, expiresAt: new Date(expiresAt).toISOString(), user: withoutHash(user) } };
  }

  /** The principal behind a token, or undefined for a missing, unknown, expired or revoked one. */
  async authenticate(token: string | undefined): Promise<Principal | undefined> {
    if (token === undefined || token.length === 0 || token.length > 200) return undefined;
    const session = await this.sessions.find(token, this.options.now());
    if (session === undefined) return undefined;
    const user = await this.users.get(session.userId);
    if (user === undefined || user.disabled) return undefined;
    return {
      userId: user.id,
      sessionId: session.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      teamId: user.teamId,
      mustChangePassword: user.mustChangePassword,
      expiresAt: session.expiresAt,
    };
  }

  async logout(principal: Principal, ip: string): Promise<void> {
    await this.sessions.revoke(principal.sessionId);
    this.revoked([principal.sessionId]);
    await this.record(principal.userId, principal.username, 'auth.logout', principal.userId, 'success', ip, {});
  }

  /** Changes one's own password; every other session of the user ends. */
  async changePassword(principal: Principal, current: string, next: string, ip: string): Promise<boolean> {
    const user = await this.users.withHash(principal.userId);
    if (user === undefined || !(await verifyPassword(current, user.passwordHash))) {
      await this.record(principal.userId, principal.username, 'auth.password', principal.userId, 'failure', ip, {});
      return false;
    }
    if (current === next) throw new AccountRuleError('the new password must differ from the current one');
    await this.users.update(user.id, { passwordHash: await hashPassword(next), mustChangePassword: false });
    this.revoked(await this.sessions.revokeAllOf(user.id, principal.sessionId));
    await this.record(principal.userId, principal.username, 'auth.password', principal.userId, 'success', ip, {});
    return true;
  }

  async createUser(input: UserInput): Promise<User> {
    const { password, ...rest } = input;
    // An admin-chosen password is known to the admin: the user replaces it at first login.
    return this.users.create({ ...rest, passwordHash: await hashPassword(password), mustChangePassword: true });
  }

  async updateUser(actor: Principal, id: string, update: UserUpdate): Promise<User | undefined> {
    const before = await this.users.get(id);
    if (before === undefined) return undefined;
    const demotes = (update.role !== undefined && update.role !== 'admin') || update.disabled === true;
    if (before.role === 'admin' && demotes && (await this.users.otherActiveAdmins(id)) === 0) {
      throw new AccountRuleError('the last enabled admin cannot be demoted or disabled');
    }
    if (id === actor.userId && demotes) throw new AccountRuleError('you cannot demote or disable yourself');
    const { password, ...rest } = update;
    const user = await this.users.update(id, {
      ...rest,
      ...(password === undefined ? {} : { passwordHash: await hashPassword(password), mustChangePassword: true }),
    });
    // A new role, team, password or a disabled account takes effect now, not at the next login.
    const changesAccess =
      password !== undefined || update.disabled === true || update.role !== undefined || update.teamId !== undefined;
    if (changesAccess) this.revoked(await this.sessions.revokeAllOf(id));
    return user;
  }

  /** Creates the first admin when there are no accounts yet; returns undefined otherwise. */
  async ensureFirstAdmin(fromEnv: {
    username: string | undefined;
    password: string | undefined;
  }): Promise<FirstAdmin | undefined> {
    if ((await this.users.count()) > 0) return undefined;
    const username = (fromEnv.username ?? 'admin').trim().toLowerCase();
    const oneTimePassword = fromEnv.password === undefined ? generatePassword() : undefined;
    const password = fromEnv.password ?? (oneTimePassword as string);
    await this.users.create({
      username,
      displayName: 'Administrator',
      role: 'admin',
      teamId: null,
      passwordHash: await hashPassword(password),
      mustChangePassword: oneTimePassword !== undefined,
    });
    await this.record(null, 'vaka', 'user.create', username, 'success', null, {
      role: 'admin',
      source: oneTimePassword === undefined ? 'VAKA_ADMIN_PASSWORD' : 'one-time password',
    });
    return { username, oneTimePassword };
  }

  /** Tells the listener of each revoked session id; returns the unsubscribe. */
  onRevoke(listener: (sessionId: string) => void): () => void {
    this.revokeListeners.add(listener);
    return () => this.revokeListeners.delete(listener);
  }

  async record(
    actorId: string | null,
    actorName: string | null,
    action: string,
    targetId: string | null,
    outcome: 'success' | 'failure' | 'denied',
    ip: string | null,
    detail: Record<string, unknown>,
  ): Promise<void> {
    try {
      await this.audit.write({ at: this.options.now(), actorId, actorName, action, targetId, outcome, ip, detail });
    } catch (error) {
      this.log.error({ err: error, action }, 'audit write failed');
    }
  }

  private revoked(ids: readonly string[]): void {
    for (const id of ids) for (const listener of this.revokeListeners) listener(id);
  }
}

function withoutHash({ passwordHash: _hash, ...user }: UserWithHash): User {
  return user;
}
