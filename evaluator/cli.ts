/**
 * `npx tsx evaluator/cli.ts [options]`: Vaka against the fixed-rule baseline, side by side.
 * See USAGE in cli-options.ts and docs/evaluation.md.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parseCli, USAGE, UsageError } from './cli-options.js';
import { type FallClassifierReport, formatEvaluation, runEvaluation } from './run.js';

/**
 * The wearable fall classifier's SisFall evaluation is being written alongside this, in
 * service/model/fall/: the first module there that exports `evaluateFallClassifier(dataDir)`.
 * Found at run time, so the evaluator builds and runs without it.
 */
const FALL_CLASSIFIER_DIR = new URL('../service/model/fall/', import.meta.url);

async function loadFallClassifier(): Promise<((dataDir: string) => Promise<FallClassifierReport>) | undefined> {
  let files: string[];
  try {
    files = readdirSync(FALL_CLASSIFIER_DIR).filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts'));
  } catch {
    return undefined;
  }
  for (const file of files.sort()) {
    const url = new URL(file, FALL_CLASSIFIER_DIR);
    if (!/export\s+(async\s+)?function\s+evaluateFallClassifier\b/.test(readFileSync(url, 'utf8'))) continue;
    const module = (await import(url.href)) as Record<string, unknown>;
    const evaluate = module.evaluateFallClassifier;
    if (typeof evaluate !== 'function') continue;
    return async (dataDir) => {
      const data: unknown = await evaluate(dataDir);
      const text =
        typeof data === 'object' && data !== null && typeof (data as { text?: unknown }).text === 'string'
          ? (data as { text: string }).text
          : `\`\`\`json\n${JSON.stringify(data, null, 2)}\n\`\`\``;
      return { text, data };
    };
  }
  return undefined;
}

async function main(): Promise<number> {
  let config: ReturnType<typeof parseCli>;
  try {
    config = parseCli(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`evaluate: ${error.message} (see --help)\n`);
    return 2;
  }
  if (config.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const evaluation = await runEvaluation(config, {
    fallClassifier: config.sisfall === undefined ? undefined : await loadFallClassifier(),
    progress: (line) => process.stderr.write(`${line}\n`),
  });
  const command = `npx tsx evaluator/cli.ts ${process.argv.slice(2).join(' ')}`.trim();
  process.stdout.write(`Command: \`${command}\`\n\n${formatEvaluation(evaluation)}`);
  if (config.out !== undefined) {
    writeFileSync(config.out, `${JSON.stringify({ command, ...evaluation }, null, 2)}\n`);
    process.stderr.write(`wrote ${config.out}\n`);
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`evaluate: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
