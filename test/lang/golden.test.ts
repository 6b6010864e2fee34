// Tests as data: test/lang/<feature>/good/*.ereje must parse and check cleanly and match the AST beside
// it (*.ast.json, spans stripped); bad/*.ereje must give exactly the diagnostics beside it (*.err, en).
// Good files of one feature are checked together (imports resolve among them). Good files are also
// formatted: formatting is idempotent and keeps the AST and the comments.
// UPDATE_GOLDEN=1 npx vitest run test/lang/golden.test.ts rewrites the expectations (review the diff).
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkRuleFiles, checkRulePack, formatRuleFile, parseRuleFile, renderDiagnostic, type Diagnostic, type RuleFile } from '../../src/lang/index.ts';
import { WORKBOOK_SCHEMA } from '../../src/schema/index.ts';
import { stripSpans } from './strip-spans.ts';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const update = process.env.UPDATE_GOLDEN === '1';


function golden(path: string, actual: string): void {
  if (update || !existsSync(path)) {
    writeFileSync(path, actual);
    if (!update) throw new Error(`wrote missing golden ${relative(root, path)}: review it and run again`);
    return;
  }
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

const features = readdirSync(here, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
const ereje = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.ereje')).sort() : []);

describe.each(features)('%s', (feature) => {
  const goodDir = join(here, feature, 'good');
  const badDir = join(here, feature, 'bad');
  const good = ereje(goodDir).map((name) => {
    const abs = join(goodDir, name);
    const path = relative(root, abs).split('\\').join('/');
    return { name, abs, path, text: readFileSync(abs, 'utf8') };
  });

  if (good.length > 0) {
    const parsed = good.map((g) => ({ ...g, result: parseRuleFile(g.text, g.path) }));
    const files = parsed.map((p) => p.result.file).filter((f): f is RuleFile => f !== null);
    const checked = checkRuleFiles(files, WORKBOOK_SCHEMA);

    it.each(parsed.map((p) => [p.name, p] as const))('good/%s parses, checks and matches its AST', (_name, p) => {
      const all: Diagnostic[] = [...p.result.diagnostics, ...checked.diagnostics.filter((d) => d.span.file === p.path)];
      expect(all.map((d) => renderDiagnostic(d, p.text, 'en'))).toEqual([]);
      golden(p.abs.replace(/\.ereje$/, '.ast.json'), JSON.stringify(stripSpans(p.result.file), null, 2) + '\n');
    });

    it.each(parsed.map((p) => [p.name, p] as const))('good/%s formats idempotently, keeping AST and comments', (_name, p) => {
      const once = formatRuleFile(p.text, p.path);
      if (!('text' in once)) throw new Error('format failed');
      const twice = formatRuleFile(once.text, p.path);
      if (!('text' in twice)) throw new Error('format of formatted text failed');
      expect(twice.text).toBe(once.text);
      const again = parseRuleFile(once.text, p.path).file!;
      const { comments: c1, ...a1 } = p.result.file!;
      const { comments: c2, ...a2 } = again;
      expect(stripSpans(a2)).toEqual(stripSpans(a1));
      expect(c2.map((c) => c.text.trimEnd())).toEqual(c1.map((c) => c.text.trimEnd()));
    });
  }

  const bad = ereje(badDir);
  if (bad.length > 0) {
    it.each(bad)('bad/%s reports the expected diagnostics', (name) => {
      const abs = join(badDir, name);
      const path = relative(root, abs).split('\\').join('/');
      const text = readFileSync(abs, 'utf8');
      // As `rules check` sees it: after a syntax error the rest of the file is checked too.
      const { diagnostics } = checkRulePack([{ path, text }], WORKBOOK_SCHEMA);
      expect(diagnostics.length).toBeGreaterThan(0);
      for (const d of diagnostics) {
        for (const lang of ['kk', 'ru', 'en'] as const) {
          expect(d.message[lang].length).toBeGreaterThan(0);
          // Plain words for legal staff: never the grammar's token names.
          expect(d.message[lang]).not.toMatch(/\b(Kw_|RCurly|LCurly|StringLit|NumberLit|Identifier|IsoDate|EOF)\b/);
        }
      }
      golden(abs.replace(/\.ereje$/, '.err'), diagnostics.map((d) => renderDiagnostic(d, text, 'en')).join('\n') + '\n');
    });
  }
});
