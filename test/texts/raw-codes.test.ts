// No raw enum codes in human text (issue 12): what a finding says, the notes and scopes of the rules, the
// manifest descriptions, and the reports of every example workbook in every format show each enum value by
// its label in the report's language; a code may follow its label in parentheses.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadAuditPack } from '../../src/cli/audit-pack.ts';
import { auditWorkbook } from '../../src/cli/audit-run.ts';
import { LANGS, type Lang } from '../../src/core/lang.ts';
import { renderHtml, renderJson, renderMarkdown, renderTerminal, type AuditReport } from '../../src/report/index.ts';
import { defaultRulesDir } from '../../src/rulepack/load.ts';
import { manifestText } from '../../src/rulepack/manifest.ts';
import { loadRulePack } from '../../src/rulepack/pack.ts';
import { exampleFindings } from './example-findings.ts';
import { htmlText, markdownText, rawCodes } from './raw-codes.ts';

const found = (text: string, lang: Lang) => rawCodes(text, lang).map((r) => r.code).sort();

describe('the raw-code scanner', () => {
  it("finds the codes the reports showed before labels (it can fail)", () => {
    expect(found("Child R-05's admission file lacks pmpk_conclusion (A1.8)", 'en')).toEqual(['pmpk_conclusion']);
    expect(found('The 14-day autumn_winter menu has no day 9 approved by the head (A1.27.2)', 'en')).toEqual(['autumn_winter']);
    expect(found('«Мейірім» (MAU-01; Kind: home_care; Ownership: state)', 'en')).toEqual(['home_care']);
    expect(found('| minor | R-05 · pmpk\\_conclusion | …', 'en')).toEqual([]);
    expect(found(markdownText('| minor | R-05 · pmpk\\_conclusion | …'), 'en')).toEqual(['pmpk_conclusion']);
    expect(found('Kind: residential; Ownership: private', 'en')).toEqual(['residential']);
    expect(found('Expected: f, m', 'en')).toEqual(['f', 'm']);
    expect(found('autumn_winter маусымдық 14 күндік мәзірінде 9-күн жоқ', 'kk')).toEqual(['autumn_winter']);
    expect(found('В таблице параметров «staffing_norms» не заполнено значение для «methodologist»', 'ru')).toEqual(['methodologist']);
    expect(found(htmlText('<td>H-06</td><td>Item: housing_inspection_act</td>'), 'en')).toEqual(['housing_inspection_act']);
  });

  it('lets a code follow its label in parentheses, and leaves English words and ids alone', () => {
    expect(found('PMPK conclusion (pmpk_conclusion); Kind: residential care (residential)', 'en')).toEqual([]);
    expect(found('«Мейірім» (MAU-01; Kind: home care (home_care); Ownership: state)', 'en')).toEqual([]);
    expect(found('Expected: none; Actual: the head; other staff; paid by the state', 'en')).toEqual([]);
    expect(found('residential@2009-240-o; residential/admission-age; day-care/next-plan-deadline', 'en')).toEqual([]);
    expect(found('«ПМПК қорытындысы (pmpk_conclusion)» жоқ; residential/admission-age', 'kk')).toEqual([]);
    expect(found('Балалар!A6 (child_id); «Инвалидность» (disabled)', 'ru')).toEqual([]);
    expect(found('recorded as disabled (`disabled` = yes); disabled: yes', 'en')).toEqual([]);
  });
});

const pack = await loadRulePack();
const findings = await exampleFindings(pack);
const auditPack = await loadAuditPack(defaultRulesDir());

describe('texts of the bundled rule pack', () => {
  it('has findings to look at, from every rule', () => {
    const rules = new Set(pack.compiled.flatMap((c) => c.ruleset.rules.map((r) => r.id)));
    expect(new Set(findings.map((f) => f.finding.rule))).toEqual(rules);
  });

  it.each(LANGS)('gives every finding of every rule example a message, expected and actual without raw codes (%s)', (lang) => {
    const raw = findings.flatMap(({ where, finding }) => (['message', 'expected', 'actual'] as const).flatMap((field) =>
      rawCodes(finding[field][lang], lang).map((r) => `${where} ${field}: ${r.code} in «${r.context}»`)));
    expect(raw).toEqual([]);
  });

  it('gives every rule its own expected and actual text, never the requirement as an expression', () => {
    const lacking = pack.compiled.flatMap((c) => c.ruleset.rules.filter((r) => r.templates.expected === null || r.templates.actual === null).map((r) => r.id));
    expect(lacking).toEqual([]);
  });

  it.each(LANGS)('writes every note, scope and manifest description in %s, without raw codes', (lang) => {
    const texts: [string, string][] = [];
    for (const c of pack.compiled) {
      for (const r of c.ruleset.rules) {
        if (r.note) texts.push([`${r.id} note`, r.note[lang]]);
        if (r.scope.text) texts.push([`${r.id} scope`, r.scope.text[lang]]);
      }
    }
    for (const { manifest } of pack.manifests) {
      for (const p of manifest.points) {
        for (const field of ['about', 'missing', 'reason', 'note'] as const) {
          const t = manifestText(p[field], lang);
          if (t !== undefined) texts.push([`${manifest.ruleset} ${p.id} ${field}`, t]);
        }
      }
    }
    expect(texts.length).toBeGreaterThan(400);
    const raw = texts.flatMap(([where, t]) => rawCodes(t, lang).map((r) => `${where}: ${r.code} in «${r.context}»`));
    expect(raw).toEqual([]);
    if (lang !== 'en') {
      // Translated, not copied: no note or scope of the pack reads the same as its English.
      const english = pack.compiled.flatMap((c) => c.ruleset.rules.flatMap((r) => [r.note, r.scope.text].filter((x) => x !== null).map((x) => [r.id, x!] as const)));
      expect(english.filter(([, x]) => x[lang] === x.en).map(([id]) => id)).toEqual([]);
    }
  });
});

/** The human text of a JSON report: what its findings, not-evaluated entries and input errors say. */
function jsonText(report: AuditReport): string {
  const r = JSON.parse(renderJson(report)) as AuditReport;
  return [
    ...r.findings.flatMap((f) => [f.message, f.expected, f.actual]),
    ...r.not_evaluated.map((n) => n.reason),
    ...r.input_errors.map((e) => e.message),
  ].join('\n');
}

describe.each(readdirSync('examples').filter((f) => f.endsWith('.xlsx')).sort())('the reports of %s', (file) => {
  const bytes = new Uint8Array(readFileSync(`examples/${file}`));

  it.each(LANGS)('show no raw enum code in terminal, Markdown, HTML or JSON text (%s)', async (lang) => {
    const { report } = await auditWorkbook(bytes, file, auditPack, { lang, version: 'test' });
    const formats: Record<string, string> = {
      terminal: renderTerminal(report, { lang }),
      md: markdownText(renderMarkdown(report, { lang, quotes: auditPack.quotes })),
      html: htmlText(renderHtml(report, { lang, quotes: auditPack.quotes })),
      json: jsonText(report),
    };
    const raw = Object.entries(formats).flatMap(([format, text]) => rawCodes(text, lang).map((r) => `${format}: ${r.code} in «${r.context}»`));
    expect(raw).toEqual([]);
  });
});
