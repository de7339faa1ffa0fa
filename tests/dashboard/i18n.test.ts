import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { strings } from '../../dashboard/src/i18n.js';

/** Every rule id that docs/alert-rules.md describes as implemented (### ID: …). */
function documentedRules(): string[] {
  const doc = readFileSync(new URL('../../docs/alert-rules.md', import.meta.url), 'utf8');
  return [...doc.matchAll(/^### ([A-Z]+-\d+):/gm)].map((m) => m[1] as string);
}

describe('dashboard strings', () => {
  it('name every documented alert rule in English and Swedish, so a Swedish card has a Swedish title', () => {
    const rules = documentedRules();
    expect(rules.length).toBeGreaterThan(5);
    for (const language of ['en', 'sv'] as const) {
      const missing = rules.filter((id) => strings[language].alerts.rule[id] === undefined);
      expect(missing, language).toEqual([]);
    }
  });
});
