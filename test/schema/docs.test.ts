import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { workbookDoc } from '../../src/schema/docs.ts';
import { WORKBOOK_SCHEMA } from '../../src/schema/index.ts';

describe('docs/workbook.md', () => {
  const doc = workbookDoc();

  it('is the one src/schema generates (run `npm run docs` after changing src/schema)', () => {
    expect(readFileSync('docs/workbook.md', 'utf8')).toBe(doc);
  });

  it('names every sheet and column in kk, ru and en, with its type, requiredness and what its absence means', () => {
    for (const sheet of WORKBOOK_SCHEMA.sheets) {
      expect(doc).toContain(`### \`${sheet.id}\` — ${sheet.labels.kk} — ${sheet.labels.ru}`);
      const section = doc.slice(doc.indexOf(`### \`${sheet.id}\``)).split('\n### ')[0]!;
      for (const c of sheet.columns) {
        const line = section.split('\n').find((l) => l.startsWith(`| \`${c.id}\` | ${c.labels.kk} | ${c.labels.ru} |`));
        expect(line, `${sheet.id}.${c.id}`).toBeDefined();
        expect(line).toMatch(c.required ? /\| yes \| .* \| input error \(`missing-column`\) \|$/ : c.whenAbsent === 'empty' ? /\| read as empty \|$/ : /\| rules that read it: not evaluated \|$/);
      }
    }
  });

  it('lists every enum value with its Kazakh and Russian labels', () => {
    for (const e of WORKBOOK_SCHEMA.enums) {
      if (!WORKBOOK_SCHEMA.sheets.some((s) => s.columns.some((c) => c.enum === e.id))) continue;
      for (const v of e.values) expect(doc).toContain(`| \`${v.code}\` | ${v.labels.kk.join(' / ')} | ${v.labels.ru.join(' / ').replace(/\|/g, '\\|')} |`);
    }
  });
});
