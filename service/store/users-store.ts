import type { Role, Team, User } from '../contract.js';
import type { Db } from '../db/db.js';
import { isoRequired } from './sql-values.js';

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  team_id: string | null;
  password_hash: string;
  must_change_password: boolean;
  disabled: boolean;
  created_at: Date;
}

/** A user with the stored hash: for the login check only, never sent. */
export interface UserWithHash extends User {
  passwordHash: string;
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  teamId: string | null;
  passwordHash: string;
  mustChangePassword: boolean;
}

export interface UserChanges {
  displayName?: string | undefined;
  role?: Role | undefined;
  teamId?: string | null | undefined;
  disabled?: boolean | undefined;
  passwordHash?: string | undefined;
  mustChangePassword?: boolean | undefined;
}

const COLUMNS = 'id, username, display_name, role, team_id, password_hash, must_change_password, disabled, created_at';

export class UsersStore {
  constructor(private readonly db: Db) {}

  async create(u: NewUser): Promise<User> {
    const [row] = await this.db.query<UserRow>(
      `INSERT INTO users (username, display_name, role, team_id, password_hash, must_change_password)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
      [u.username, u.displayName, u.role, u.teamId, u.passwordHash, u.mustChangePassword],
    );
    if (row === undefined) throw new Error('insert returned no row');
    return toUser(row);
  }

  async list(): Promise<User[]> {
    return (await this.db.query<UserRow>(`SELECT ${COLUMNS} FROM users ORDER BY username`)).map(toUser);
  }

  async get(id: string): Promise<User | undefined> {
    const [row] = await this.db.query<UserRow>(`SELECT ${COLUMNS} FROM users WHERE id = $1`, [id]);
    return row && toUser(row);
  }

  async byUsername(username: string): Promise<UserWithHash | undefined> {
    const [row] = await this.db.query<UserRow>(`SELECT ${COLUMNS} FROM users WHERE username = $1`, [username]);
    return row && { ...toUser(row), passwordHash: row.password_hash };
  }

  async withHash(id: string): Promise<UserWithHash | undefined> {
    const [row] = await this.db.query<UserRow>(`SELECT ${COLUMNS} FROM users WHERE id = $1`, [id]);
    return row && { ...toUser(row), passwordHash: row.password_hash };
  }

  async update(id: string, c: UserChanges): Promise<User | undefined> {
    const sets: string[] = [];
    const params: unknown[] = [id];
    const set = (column: string, value: unknown) => {
      if (value !== undefined) sets.push(`${column} = $${params.push(value)}`);
    };
    set('display_name', c.displayName);
    set('role', c.role);
    set('team_id', c.teamId);
    set('disabled', c.disabled);
    set('password_hash', c.passwordHash);
    set('must_change_password', c.mustChangePassword);
    if (sets.length === 0) return this.get(id);
    const [row] = await this.db.query<UserRow>(
      `UPDATE users SET ${sets.join(', ')}, updated_at = now() WHERE id = $1 RETURNING ${COLUMNS}`,
      params,
    );
    return row && toUser(row);
  }

  /** Enabled admins other than `except`: an admin may not remove the last one. */
  async otherActiveAdmins(except: string): Promise<number> {
    const [row] = await this.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM users WHERE role = 'admin' AND NOT disabled AND id <> $1`,
      [except],
    );
    return row?.n ?? 0;
  }

  async count(): Promise<number> {
    const [row] = await this.db.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
    return row?.n ?? 0;
  }

  async createTeam(name: string): Promise<Team> {
    const [row] = await this.db.query<{ id: string; name: string; created_at: Date }>(
      'INSERT INTO teams (name) VALUES ($1) RETURNING id, name, created_at',
      [name],
    );
    if (row === undefined) throw new Error('insert returned no row');
    return { id: row.id, name: row.name, createdAt: isoRequired(row.created_at) };
  }

  async teams(): Promise<Team[]> {
    const rows = await this.db.query<{ id: string; name: string; created_at: Date }>(
      'SELECT id, name, created_at FROM teams ORDER BY name',
    );
    return rows.map((r) => ({ id: r.id, name: r.name, createdAt: isoRequired(r.created_at) }));
  }

  async removeTeam(id: string): Promise<boolean> {
    return (await this.db.query('DELETE FROM teams WHERE id = $1 RETURNING id', [id])).length > 0;
  }
}

function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    teamId: row.team_id,
    mustChangePassword: row.must_change_password,
    disabled: row.disabled,
    createdAt: isoRequired(row.created_at),
  };
}
