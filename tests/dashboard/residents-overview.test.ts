import { describe, expect, it } from 'vitest';
import { overviewRows, QUIET_AT_HOME_MS } from '../../dashboard/src/residents-overview.js';
import type { Presence } from '../../service/contract.js';
import { resident, uuid } from './fixtures.js';

const NOW = Date.parse('2026-11-20T14:00:00Z');
const ago = (ms: number) => new Date(NOW - ms).toISOString();
const collator = new Intl.Collator('sv');

describe('residents at a glance', () => {
  const anna = resident({ id: uuid(), name: 'Anna', lastActivityAt: ago(60_000) });
  const bertil = resident({ id: uuid(), name: 'Bertil', lastActivityAt: ago(QUIET_AT_HOME_MS + 60_000) });
  const cecilia = resident({ id: uuid(), name: 'Cecilia', lastActivityAt: ago(10 * 60_000) });
  const presence = new Map<string, Presence>([
    [anna.id, 'home'],
    [bertil.id, 'home'],
    [cecilia.id, 'out'],
  ]);

  it('put residents with open alerts first, then anyone quiet at home for hours, then by name', () => {
    const open = new Map([[cecilia.id, 1]]);
    const rows = overviewRows([anna, bertil, cecilia], presence, open, NOW, collator);
    expect(rows.map((r) => [r.resident.name, r.open, r.quiet])).toEqual([
      ['Cecilia', 1, false],
      ['Bertil', 0, true],
      ['Anna', 0, false],
    ]);
  });

  it('do not call a resident quiet who is out or asleep, however long ago they were last seen', () => {
    const asleep = new Map<string, Presence>([[bertil.id, 'asleep']]);
    expect(overviewRows([bertil], asleep, null, NOW, collator)[0]).toMatchObject({ presence: 'asleep', quiet: false });
    const out = new Map<string, Presence>([[bertil.id, 'out']]);
    expect(overviewRows([bertil], out, null, NOW, collator)[0]?.quiet).toBe(false);
  });

  it('use the listed open count until the stream has sent its snapshot, then the live count', () => {
    const listed = resident({ id: uuid(), name: 'Dagny', openAlerts: 2 });
    expect(overviewRows([listed], new Map(), null, NOW, collator)[0]?.open).toBe(2);
    expect(overviewRows([listed], new Map(), new Map(), NOW, collator)[0]?.open).toBe(0);
  });

  it('show a resident the model has not placed yet as unknown, with their last room', () => {
    const [row] = overviewRows([anna], new Map(), null, NOW, collator);
    expect(row).toMatchObject({ presence: 'unknown', room: 'Kitchen', quiet: false });
  });

  it('sort names the Swedish way (Å, Ä, Ö after Z)', () => {
    const names = ['Örjan', 'Åsa', 'Zelda', 'Ärla'].map((name) => resident({ id: uuid(), name }));
    const rows = overviewRows(names, new Map(), null, NOW, collator);
    expect(rows.map((r) => r.resident.name)).toEqual(['Zelda', 'Åsa', 'Ärla', 'Örjan']);
  });
});
