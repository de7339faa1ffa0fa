import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../simulator/cli-main.js';
import { createMessageLines } from '../../simulator/cli-writer.js';
import { parseJsonLines } from '../../simulator/index.js';
import { RealismSummary } from '../../simulator/report/index.js';
import { fakeIo, messagesDone } from './cli/fake-io.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vaka-cli-generate-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A file's SHA-256: comparing megabytes with toEqual walks them byte by byte, slowly. */
const digest = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

const COHORT = ['--residents', '2', '--days', '3', '--start', '2025-03-03', '--format', 'vaka'];

async function generate(name: string, ...extra: string[]) {
  const out = join(dir, `${name}.jsonl`);
  const truth = join(dir, `${name}-truth.jsonl`);
  const fake = fakeIo();
  const code = await runCli(['generate', ...COHORT, '--out', out, '--truth', truth, ...extra], fake.io);
  return { code, out, truth, text: fake.text(), err: fake.err };
}

describe('simulate generate', () => {
  it('gives byte-identical messages and ground truth for the same seed, and different ones for another', async () => {
    const a = await generate('a', '--seed', '7');
    const b = await generate('b', '--seed', '7');
    const c = await generate('c', '--seed', '8');
    expect([a.code, b.code, c.code]).toEqual([0, 0, 0]);
    expect(digest(a.out)).toBe(digest(b.out));
    expect(digest(a.truth)).toBe(digest(b.truth));
    expect(digest(a.out)).not.toBe(digest(c.out));
    expect(digest(a.truth)).not.toBe(digest(c.truth));
  });

  it('writes one {"at","topic","payload"} line per message, in time order, as many as it reports', async () => {
    const run = await generate('lines', '--seed', '3');
    const lines = readFileSync(run.out, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(messagesDone(run.text));
    const messages = lines.map((line) => JSON.parse(line) as { at: string; topic: string; payload: string });
    expect(Object.keys(messages[0] ?? {})).toEqual(['at', 'topic', 'payload']);
    const times = messages.map((m) => Date.parse(m.at));
    expect(times).toEqual([...times].sort((x, y) => x - y));
    expect(messages.every((m) => m.topic.startsWith('vaka/sensor/sim'))).toBe(true);
    // The payload is the exact text on the wire; native payloads carry their simulated time.
    const first = messages[0] as { at: string; payload: string };
    expect(JSON.parse(first.payload).ts).toBe(Date.parse(first.at));
  });

  it('writes a ground truth that parses: the run with its seed, the incidents, incident-free days', async () => {
    const run = await generate('truth', '--seed', '3');
    const truth = parseJsonLines(readFileSync(run.truth, 'utf8'));
    expect(truth[0]).toMatchObject({ type: 'run', seed: 3, format: 'vaka', start: '2025-03-03T00:00:00.000+01:00' });
    expect(truth.filter((r) => r.type === 'incident_free_days')).toHaveLength(2);
    expect(run.text).toContain(`ground truth: ${run.truth} (${truth.length} records)`);
  });

  it('prints the realism summary, the incidents by kind and how long it took', async () => {
    const run = await generate('summary', '--seed', '3');
    expect(run.text).toMatch(/done: [\d,]+ messages generated, 3\.0 days simulated in/);
    expect(run.text).toContain('Realism summary: 2 home(s)');
    expect(run.text).toContain('First activity of the morning');
    expect(run.text).toContain('Incidents injected (ground truth)');
  });

  it('counts without writing when there is no --out', async () => {
    const fake = fakeIo();
    expect(await runCli(['generate', ...COHORT, '--seed', '3'], fake.io)).toBe(0);
    const written = await generate('count', '--seed', '3');
    expect(messagesDone(fake.text())).toBe(messagesDone(written.text));
    expect(fake.text()).toContain('(count only)');
  });

  it('mixes in chaos, marked per line, reproducibly, with the chaos report at the end', async () => {
    const a = await generate('chaos-a', '--seed', '3', '--chaos', '0.02');
    const b = await generate('chaos-b', '--seed', '3', '--chaos', '0.02');
    expect(digest(a.out)).toBe(digest(b.out));
    const lines = readFileSync(a.out, 'utf8').trimEnd().split('\n');
    const kinds = new Set(lines.map((line) => (JSON.parse(line) as { chaos?: string }).chaos).filter(Boolean));
    expect(kinds).toEqual(
      new Set([
        'malformed_json',
        'schema_violation',
        'duplicate',
        'out_of_order',
        'clock_skew',
        'oversized',
        'unknown_device',
      ]),
    );
    expect(lines.length).toBeGreaterThan(messagesDone(a.text));
    expect(a.text).toMatch(/chaos, seed 3: [\d,]+ in, [\d,]+ sent/);
  });

  it('reads a YAML scenario, with --seed replacing the file’s', async () => {
    const scenario = join(dir, 'tiny.yaml');
    writeFileSync(scenario, 'seed: 2\nstart: "2025-03-03"\ndays: 1\nresidents:\n  - { profile: night_owl }\n');
    const fake = fakeIo();
    expect(await runCli(['generate', '--scenario', scenario, '--seed', '9'], fake.io)).toBe(0);
    expect(fake.text()).toContain('tiny.yaml: 1 home(s), 1 day(s) from 2025-03-03');
    expect(fake.text()).toContain('seed 9');
  });
});

describe('simulate generate: files that cannot be used (exit 1, one line)', () => {
  it.each([
    [
      'a missing scenario',
      ['--scenario', '/nonexistent/week.yaml'],
      /^simulate: --scenario: cannot read \/nonexistent\/week\.yaml \(ENOENT\)$/,
    ],
    [
      'an --out in a missing folder',
      ['--days', '1', '--out', '/nonexistent/m.jsonl'],
      /^simulate: --out: cannot write \/nonexistent\/m\.jsonl \(ENOENT\)$/,
    ],
    [
      'a --truth in a missing folder',
      ['--days', '1', '--truth', '/nonexistent/t.jsonl'],
      /^simulate: --truth: cannot write/,
    ],
  ])('%s', async (_what, args, pattern) => {
    const fake = fakeIo();
    expect(await runCli(['generate', ...args], fake.io)).toBe(1);
    expect(fake.err).toHaveLength(1);
    expect(fake.err[0]).toMatch(pattern);
  });

  it('a scenario that does not validate names the field, on one line', async () => {
    const scenario = join(dir, 'bad.json');
    writeFileSync(scenario, JSON.stringify({ seed: 1, start: '2025-03-03', days: 0, residents: { count: 2 } }));
    const fake = fakeIo();
    expect(await runCli(['generate', '--scenario', scenario], fake.io)).toBe(1);
    expect(fake.err[0]).toMatch(/^simulate: .*bad\.json: .*\(at days\)$/);
    expect(fake.err[0]).not.toContain('\n');
  });

  it('a scenario that is not YAML says so', async () => {
    const scenario = join(dir, 'broken.yaml');
    writeFileSync(scenario, 'seed: [1\n');
    const fake = fakeIo();
    expect(await runCli(['generate', '--scenario', scenario], fake.io)).toBe(1);
    expect(fake.err[0]).toMatch(/broken\.yaml: not valid YAML: /);
  });

  it('an explicit incident that cannot happen is a file problem', async () => {
    const scenario = join(dir, 'impossible.json');
    writeFileSync(
      scenario,
      JSON.stringify({
        seed: 1,
        start: '2025-03-03',
        days: 2,
        residents: [{ profile: 'early_riser', equipment: { fallDetector: false, wearable: false, helpButton: false } }],
        incidents: { list: [{ kind: 'sensor_silent', resident: 1, day: 1, device: 'no-such-device' }] },
      }),
    );
    const fake = fakeIo();
    expect(await runCli(['generate', '--scenario', scenario], fake.io)).toBe(1);
    expect(fake.err[0]).toMatch(/^simulate: .*incidents\.list\[0\]/);
  });
});

describe('simulate summary', () => {
  it('prints the realism summary as JSON that the summary schema accepts', async () => {
    const fake = fakeIo();
    expect(await runCli(['summary', ...COHORT, '--seed', '3', '--json'], fake.io)).toBe(0);
    const summary = RealismSummary.parse(JSON.parse(fake.text()));
    expect(summary).toMatchObject({ homes: 2, residentDays: 3 * 2 });
  });

  it('with --reference, measures the cohort as docs/replay.md measures the real homes, by profile', async () => {
    const fake = fakeIo();
    expect(await runCli(['summary', '--residents', '5', '--days', '5', '--seed', '3', '--reference'], fake.io)).toBe(0);
    const text = fake.text();
    expect(text).toContain('As docs/replay.md measures the van Kasteren homes');
    for (const profile of ['early_riser', 'night_owl', 'frail_seated', 'dementia_restless', 'active_outgoing', 'all']) {
      expect(text).toMatch(new RegExp(`\\n\\s+${profile}\\s+\\d`));
    }
  });
});

describe('message lines', () => {
  it('write each time exactly as Date#toISOString does, whatever the minute, second and millisecond', () => {
    const line = createMessageLines();
    const message = { topic: 'vaka/sensor/sim1-hall-motion', payload: '{"type":"motion","motion":true}' };
    for (const at of [
      0, 999, 59_999, 60_000, 1_740_956_399_999, 1_740_956_400_000, 1_740_956_401_007, 1_743_296_400_123,
    ]) {
      expect(JSON.parse(line(at, message))).toEqual({ at: new Date(at).toISOString(), ...message });
    }
    expect(JSON.parse(line(5, message, 'duplicate'))).toMatchObject({ chaos: 'duplicate' });
  });
});
