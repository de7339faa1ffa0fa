import type { Resident, ResidentContext, ResidentInput, Room, RoomInput } from '../contract.js';
import type { Db, Queryable } from '../db/db.js';
import { iso, isoRequired } from './sql-values.js';

interface ResidentRow {
  id: string;
  name: string;
  created_at: Date;
  last_activity_at: Date | null;
  last_room_id: string | null;
  team_id: string | null;
  open_alerts: number;
  context_kind: ResidentContext['kind'] | null;
  context_until: Date | null;
  context_note: string | null;
  context_set_by: string | null;
  context_set_at: Date | null;
}

const SELECT_RESIDENTS = `
  SELECT r.id, r.name, r.created_at, r.last_activity_at, r.last_room_id, r.team_id,
    (SELECT count(*) FROM alerts a WHERE a.resident_id = r.id AND a.status <> 'resolved')::int AS open_alerts,
    c.kind AS context_kind, c.until AS context_until, c.note AS context_note,
    c.set_by AS context_set_by, c.set_at AS context_set_at
  FROM residents r LEFT JOIN resident_contexts c ON c.resident_id = r.id AND c.until > now()`;

export class ResidentsStore {
  /** Names of residents read or created so far: for alerts shown before the database can supply them. */
  private readonly names = new Map<string, string>();
  /** Resident id → team id, for access checks on every stream frame without a query each. */
  private readonly teams = new Map<string, string | null>();

  constructor(private readonly db: Db) {}

  cachedName(id: string): string | undefined {
    return this.names.get(id);
  }

  async create(input: Pick<ResidentInput, 'name' | 'rooms'> & { teamId?: string | null }): Promise<Resident> {
    const id = await this.db.transaction(async (tx) => {
      const [row] = await tx.query<{ id: string }>(
        'INSERT INTO residents (name, team_id) VALUES ($1, $2) RETURNING id',
        [input.name, input.teamId ?? null],
      );
      if (row === undefined) throw new Error('insert returned no row');
      for (const room of input.rooms) await insertRoom(tx, row.id, room);
      return row.id;
    });
    return (await this.get(id)) as Resident;
  }

  /** All residents, or those of `teamIds` (an empty list: none). */
  async list(filter: { teamIds?: string[] | undefined } = {}): Promise<Resident[]> {
    const rows =
      filter.teamIds === undefined
        ? await this.db.query<ResidentRow>(`${SELECT_RESIDENTS} ORDER BY r.name, r.id`)
        : await this.db.query<ResidentRow>(
            `${SELECT_RESIDENTS} WHERE r.team_id = ANY($1::uuid[]) ORDER BY r.name, r.id`,
            [filter.teamIds],
          );
    const rooms = await this.roomsByResident();
    for (const row of rows) this.names.set(row.id, row.name);
    return rows.map((row) => toResident(row, rooms.get(row.id) ?? []));
  }

  async get(id: string): Promise<Resident | undefined> {
    const [row] = await this.db.query<ResidentRow>(`${SELECT_RESIDENTS} WHERE r.id = $1`, [id]);
    if (row === undefined) return undefined;
    this.names.set(row.id, row.name);
    const rooms = await this.db.query<Room>('SELECT id, name, kind FROM rooms WHERE resident_id = $1 ORDER BY name', [
      id,
    ]);
    return toResident(row, rooms);
  }

  async remove(id: string): Promise<boolean> {
    const rows = await this.db.query('DELETE FROM residents WHERE id = $1 RETURNING id', [id]);
    this.teams.delete(id);
    return rows.length > 0;
  }

  /** Moves a resident to a team (null: none); false when there is no such resident. */
  async setTeam(id: string, teamId: string | null): Promise<boolean> {
    const rows = await this.db.query('UPDATE residents SET team_id = $2 WHERE id = $1 RETURNING id', [id, teamId]);
    this.teams.delete(id);
    return rows.length > 0;
  }

  /** The resident's team: null for none, undefined when there is no such resident. */
  async teamOf(id: string): Promise<string | null | undefined> {
    const cached = this.teams.get(id);
    if (cached !== undefined) return cached;
    const [row] = await this.db.query<{ team_id: string | null }>('SELECT team_id FROM residents WHERE id = $1', [id]);
    if (row === undefined) return undefined;
    this.teams.set(id, row.team_id);
    return row.team_id;
  }

  /** Forgets cached teams (a team was deleted, so its residents now have none). */
  forgetTeams(): void {
    this.teams.clear();
  }

  async addRoom(residentId: string, room: RoomInput): Promise<Room> {
    return insertRoom(this.db, residentId, room);
  }

  async roomName(roomId: string): Promise<string | undefined> {
    const [row] = await this.db.query<{ name: string }>('SELECT name FROM rooms WHERE id = $1', [roomId]);
    return row?.name;
  }

  /** Records each resident's latest activity (time in ms and room), never moving time backwards. */
  async touchActivity(
    latest: Map<string, { at: number; roomId: string | null }>,
    q: Queryable = this.db,
  ): Promise<void> {
    if (latest.size === 0) return;
    const ids = [...latest.keys()];
    const times = ids.map((id) => latest.get(id)?.at ?? 0);
    const rooms = ids.map((id) => latest.get(id)?.roomId ?? null);
    await q.query(
      `UPDATE residents r SET last_activity_at = to_timestamp(u.at / 1000.0), last_room_id = u.room_id
       FROM unnest($1::uuid[], $2::float8[], $3::uuid[]) AS u(id, at, room_id)
       WHERE r.id = u.id AND (r.last_activity_at IS NULL OR r.last_activity_at <= to_timestamp(u.at / 1000.0))`,
      [ids, times, rooms],
    );
  }

  private async roomsByResident(): Promise<Map<string, Room[]>> {
    const rows = await this.db.query<Room & { resident_id: string }>(
      'SELECT id, resident_id, name, kind FROM rooms ORDER BY name',
    );
    const byResident = new Map<string, Room[]>();
    for (const { resident_id, ...room } of rows) {
      const list = byResident.get(resident_id) ?? [];
      list.push(room);
      byResident.set(resident_id, list);
    }
    return byResident;
  }
}

async function insertRoom(q: Queryable, residentId: string, room: RoomInput): Promise<Room> {
  const [row] = await q.query<Room>(
    'INSERT INTO rooms (resident_id, name, kind) VALUES ($1, $2, $3) RETURNING id, name, kind',
    [residentId, room.name, room.kind],
  );
  if (row === undefined) throw new Error('insert returned no row');
  return row;
}

function toResident(row: ResidentRow, rooms: Room[]): Resident {
  return {
    id: row.id,
    name: row.name,
    rooms,
    createdAt: isoRequired(row.created_at),
    lastActivityAt: iso(row.last_activity_at),
    lastRoomId: row.last_room_id,
    openAlerts: row.open_alerts,
    teamId: row.team_id,
    context:
      row.context_kind === null || row.context_until === null || row.context_set_at === null
        ? null
        : {
            kind: row.context_kind,
            until: isoRequired(row.context_until),
            note: row.context_note,
            setBy: row.context_set_by ?? '',
            setAt: isoRequired(row.context_set_at),
          },
  };
}
