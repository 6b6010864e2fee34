// reports/samples/ is what `npm run reports` writes; a change to messages, rules or renderers that is not
// followed by regenerating the samples fails here (the JSON samples, in all three languages).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadAuditPack } from '../../src/cli/audit-pack.ts';
import { auditWorkbook } from '../../src/cli/audit-run.ts';
import { version } from '../../src/cli/version.ts';
import { LANGS } from '../../src/core/lang.ts';
import { renderJson } from '../../src/report/index.ts';
import { defaultRulesDir } from '../../src/rulepack/load.ts';
import { schemaErrors } from './fixtures.ts';

const examples = readdirSync('examples').filter((f) => f.endsWith('.xlsx')).sort();

describe('reports/samples', () => {
  it('has current JSON samples for every example workbook and language (run `npm run reports` if not)', async () => {
    expect(examples.length).toBeGreaterThan(0);
    const pack = await loadAuditPack(defaultRulesDir());
    for (const file of examples) {
      const bytes = new Uint8Array(readFileSync(`examples/${file}`));
      for (const lang of LANGS) {
        const { report } = await auditWorkbook(bytes, file, pack, { lang, version });
        const sample = `reports/samples/${file.replace(/\.xlsx$/, '')}.${lang}.json`;
        expect(renderJson(report), sample).toBe(readFileSync(sample, 'utf8'));
        expect(schemaErrors(report), sample).toBe('');
      }
    }
  });
});
