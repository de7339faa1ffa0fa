/** The CLI as a tester starts it: a child process, its exit code and its stderr. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const run = promisify(execFile);

async function simulate(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'simulator/cli.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, MQTT_URL: '' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('simulate as a process', () => {
  it('exits 2 with one line naming the flag for a bad command line, 1 for a file it cannot read, 0 for --help', async () => {
    const [usage, file, help] = await Promise.all([
      simulate('generate', '--days', '0'),
      simulate('summary', '--scenario', 'no-such-scenario.yaml'),
      simulate('generate', '--help'),
    ]);
    expect(usage).toMatchObject({ code: 2, stderr: 'simulate: --days: must be at least 1 (see generate --help)\n' });
    expect(file).toMatchObject({
      code: 1,
      stderr: 'simulate: --scenario: cannot read no-such-scenario.yaml (ENOENT)\n',
    });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run simulate -- generate/);
  });
});
