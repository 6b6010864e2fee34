// `ereje audit --explain`: under each finding, the rule's conditions with the values the engine compared,
// and where the rule is written — what legal staff and a contesting facility ask first.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reportWords } from '../../src/report/i18n.ts';
import type { AuditReport } from '../../src/report/types.ts';
import { schemaErrors } from '../report/fixtures.ts';
import { run } from './helpers.ts';

const HOME_CARE = 'examples/home-care-2010.xlsx';

describe('ereje audit --explain', () => {
  it('gives every finding its conditions, the values seen and the rule\'s file:line (JSON)', async () => {
    const r = await run(['audit', HOME_CARE, '--explain', '--format', 'json', '--lang', 'en']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as AuditReport;
    expect(schemaErrors(report)).toBe('');
    expect(report.findings.length).toBeGreaterThan(0);
    for (const f of report.findings) {
      expect(f.explain, f.rule).toBeDefined();
      // The source line is the rule's own first line.
      const [file, line] = f.explain!.source!.split(/:(?=\d+$)/);
      const text = readFileSync(file!, 'utf8').split('\n')[Number(line) - 1];
      expect(text, f.explain!.source!).toBe(`rule ${f.rule.split('/')[1]} {`);
      expect(f.explain!.conditions.result).toBe(false);
    }
    const visits = report.findings.find((f) => f.clause === 'A2.29.3')!;
    expect(visits.explain!.conditions).toEqual({
      all: [{ fact: 'visit_days', operator: 'ge', value: 2, factValue: '1', compareTo: '2', result: false }], result: false,
    });
    // Without --explain there is none.
    const plain = JSON.parse((await run(['audit', HOME_CARE, '--format', 'json', '--lang', 'en'])).stdout) as AuditReport;
    expect(plain.findings.every((f) => f.explain === undefined)).toBe(true);
  });

  it('shows the conditions under each entry in the terminal, Markdown and HTML, in the report language', async () => {
    const w = reportWords('ru');
    const terminal = await run(['audit', HOME_CARE, '--explain', '--lang', 'ru']);
    expect(terminal.stdout).toMatch(new RegExp(`${w.explanation} — ${w.source}: rules/kz/mlsp-306-o/home-care/2009-240-o\\.ereje:\\d+`));
    expect(terminal.stdout).toContain(`✗ visit_days ≥ 2 — ${w.sawValue}: 1`);
    const md = await run(['audit', HOME_CARE, '--explain', '--lang', 'ru', '--format', 'md']);
    expect(md.stdout).toContain(`- ✗ visit\\_days ≥ 2 — ${w.sawValue}: 1`);
    expect(md.stdout).toContain(`${w.operators.isTrue} — ${w.sawValue}: ${w.no}`);
    const html = await run(['audit', HOME_CARE, '--explain', '--lang', 'ru', '--format', 'html']);
    expect(html.stdout).toContain('<tr class="explain">');
    expect(html.stdout).toContain(`visit_days ≥ 2 — ${w.sawValue}: 1`);
  });
});
