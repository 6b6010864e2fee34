// reports/samples/ is what `npm run reports` writes (scripts/reports/samples.ts): a change to messages,
// rules or renderers that is not followed by regenerating the samples fails here — every file, byte for
// byte, and every JSON report valid against the report's schema.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadAuditPack } from '../../src/cli/audit-pack.ts';
import { defaultRulesDir } from '../../src/rulepack/load.ts';
import { makeSamples } from '../../scripts/reports/samples.ts';
import { schemaErrors } from './fixtures.ts';

describe('reports/samples', () => {
  it('holds exactly the current samples: every example in every language and format, a follow-up, --explain and a batch summary (run `npm run reports` if not)', async () => {
    const files = await makeSamples(process.cwd(), await loadAuditPack(defaultRulesDir()));
    expect(readdirSync('reports/samples').sort()).toEqual([...files.keys()].sort());
    for (const [name, content] of files) {
      const committed = readFileSync(`reports/samples/${name}`);
      expect(Buffer.compare(committed, Buffer.from(content)) === 0, `${name} is stale`).toBe(true);
      if (name.endsWith('.json') && !name.startsWith('batch-summary')) expect(schemaErrors(JSON.parse(committed.toString('utf8'))), name).toBe('');
    }
    expect([...files.keys()]).toEqual(expect.arrayContaining([
      'residential-2010-recheck.en.json', 'residential-2010-recheck.kk.xlsx', 'home-care-2010.explain.en.html', 'batch-summary.ru.html',
    ]));
  });
});
