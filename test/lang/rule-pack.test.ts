// The real rule pack (rules/**) goes through the front end without errors, and the formatter would keep
// its meaning and comments (the files themselves are not rewritten here).
import { describe, expect, it } from 'vitest';
import { checkRuleFiles, checkRulePack, formatRuleFile, parseRuleFile, renderDiagnostic } from '../../src/lang/index.ts';
import { defaultRulesDir, loadRuleSources } from '../../src/rulepack/load.ts';
import { WORKBOOK_SCHEMA } from '../../src/schema/index.ts';
import { stripSpans } from './strip-spans.ts';

const sources = await loadRuleSources(defaultRulesDir());

describe('rules/**/*.ereje', () => {
  it('parse and check cleanly', () => {
    expect(sources.length).toBeGreaterThan(0);
    const parsed = sources.map((s) => ({ s, r: parseRuleFile(s.text, s.path) }));
    const errors = parsed.flatMap(({ s, r }) => r.diagnostics.map((d) => renderDiagnostic(d, s.text, 'en')));
    const checked = checkRuleFiles(parsed.flatMap(({ r }) => (r.file ? [r.file] : [])), WORKBOOK_SCHEMA);
    const texts = new Map(sources.map((s) => [s.path, s.text]));
    errors.push(...checked.diagnostics.map((d) => renderDiagnostic(d, texts.get(d.span.file) ?? '', 'en')));
    expect(errors).toEqual([]);
  });

  it.each(sources.map((s) => [s.path.split('/rules/')[1], s] as const))('%s formats idempotently with the same AST', (_name, s) => {
    const once = formatRuleFile(s.text, s.path);
    if (!('text' in once)) throw new Error('does not parse');
    const twice = formatRuleFile(once.text, s.path);
    expect('text' in twice && twice.text).toBe(once.text);
    const a = parseRuleFile(s.text, s.path).file!;
    const b = parseRuleFile(once.text, s.path).file!;
    expect(stripSpans({ ...b, comments: b.comments.map((c) => c.text.trimEnd()) })).toEqual(stripSpans({ ...a, comments: a.comments.map((c) => c.text.trimEnd()) }));
  });
});

describe('a rule file with a syntax error in the real pack', () => {
  const dayCare = sources.find((s) => s.path.endsWith('day-care/2009-240-o.ereje'))!;
  // The `}` closing rule regime-hours deleted (the error shows at the next rule, after a blank line), and a column misspelt in a later rule.
  const lines = dayCare.text.split('\n');
  const open = lines.findIndex((l) => l.startsWith('rule regime-hours'));
  const close = lines.findIndex((l, i) => i > open && l === '}');
  const broken = lines.filter((_, i) => i !== close).join('\n').replace('c.admitted_on)', 'c.admited_on)');

  it('names the rule left open, checks the later rules, and does not hand the file to later stages', () => {
    const r = checkRulePack([...sources.filter((s) => s !== dayCare), { path: dayCare.path, text: broken }], WORKBOOK_SCHEMA);
    const shown = r.diagnostics.map((d) => `${d.span.line}:${d.span.col} ${d.message.en}`);
    expect(shown).toEqual([
      `${close + 2}:1 rule regime-hours (opened at ${open + 1}:1) is not closed: add the missing '}' before this line`,
      expect.stringMatching(/^\d+:\d+ sheet children has no column 'admited_on' \(did you mean 'admitted_on'\?\)$/),
    ]);
    expect(r.partlyChecked).toEqual([{ path: dayCare.path, skippedRules: 1 }]);
    expect(r.parsed.some((f) => f.path === dayCare.path)).toBe(false);
    expect(r.checked.some((c) => c.file.path === dayCare.path)).toBe(false);
  });

  it('a misspelt severity leaves only that rule unchecked; later rules are still checked', () => {
    const text = dayCare.text.replace('severity major', 'severity majr').replace('c.funding = budget', 'c.funding = budgett');
    const r = checkRulePack([...sources.filter((s) => s !== dayCare), { path: dayCare.path, text }], WORKBOOK_SCHEMA);
    expect(r.diagnostics.map((d) => d.message.en)).toEqual([
      "'majr' is not a severity: use critical, major, minor or info",
      "'budgett' is not a funding code (did you mean 'budget'?)",
    ]);
    expect(r.partlyChecked).toEqual([{ path: dayCare.path, skippedRules: 1 }]);
    expect(r.checked.some((c) => c.file.path === dayCare.path)).toBe(false);
  });
});
