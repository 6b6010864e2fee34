// The real rule pack (rules/**) goes through the front end without errors, and the formatter would keep
// its meaning and comments (the files themselves are not rewritten here).
import { describe, expect, it } from 'vitest';
import { checkRuleFiles, formatRuleFile, parseRuleFile, renderDiagnostic } from '../../src/lang/index.ts';
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
