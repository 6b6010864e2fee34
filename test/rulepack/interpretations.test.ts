// docs/interpretations.md, .kk.md and .ru.md are generated from the rule pack (`npm run interpretations`):
// every judgement call in one place for legal staff, in English, Kazakh and Russian. A change to a rule's
// note, scope or quote, an in-force date or a manifest point that is not followed by regenerating the files
// fails here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/core/lang.ts';
import { INTERPRETATION_MARKS, isInterpretation, textIn } from '../../src/lang/texts.ts';
import { INTERPRETATIONS_COMMAND, INTERPRETATIONS_FILES, renderInterpretations } from '../../src/rulepack/interpretations.ts';
import { defaultRulesDir } from '../../src/rulepack/load.ts';
import { manifestText } from '../../src/rulepack/manifest.ts';
import { loadRulePack } from '../../src/rulepack/pack.ts';

const root = join(import.meta.dirname, '..', '..');
const pack = await loadRulePack(defaultRulesDir());
const texts = Object.fromEntries(LANGS.map((lang) => [lang, renderInterpretations(pack, { base: root, command: INTERPRETATIONS_COMMAND, lang })]));
const text = texts.en!;

describe('docs/interpretations*.md', () => {
  it.each(LANGS)('is current in %s (run `npm run interpretations` if not)', (lang) => {
    expect(readFileSync(join(root, 'docs', INTERPRETATIONS_FILES[lang]), 'utf8')).toBe(texts[lang]);
  });

  it.each(LANGS)('lists every rule with its quote, scope and note in %s, and marks the readings that are interpretations', (lang) => {
    const doc = texts[lang]!;
    for (const { checked } of pack.compiled) {
      const rs = checked.file.ruleset!;
      for (const rule of checked.file.rules) {
        const heading = `#### ${rule.clause} — \`${rs.id}/${rule.name}\` (${rule.severity})`;
        expect(doc, `${rs.id}/${rule.name}`).toContain(heading);
        if (rule.note) expect(doc).toContain(`: ${textIn(rule.note, lang)}\n`);
        if (rule.scope.text) expect(doc).toContain(`: ${textIn(rule.scope.text, lang)}\n`);
        const marked = doc.includes(`${heading} — **${INTERPRETATION_MARKS[lang].toLowerCase()}**`);
        expect(marked, `${rs.id}/${rule.name}`).toBe(isInterpretation(rule.note));
      }
    }
  });

  it('marks the readings the review asked to be marked, in every language', () => {
    for (const lang of LANGS) {
      for (const rule of ['residential/social-work-specialist-on-staff', 'day-care/next-plan-deadline', 'day-care/paid-admission-documents']) {
        expect(texts[lang]).toMatch(new RegExp(`\`${rule}\` \\([a-z]+\\) — \\*\\*${INTERPRETATION_MARKS[lang].toLowerCase()}\\*\\*`));
      }
    }
  });

  it('gives the basis of every approximate date and every point not wholly checked, in the language of the file', () => {
    expect(text).toContain('- In force from ≈2009-09-07 (approximate: Point 4 of the order');
    expect(texts.kk).toContain('- Күшіне енген күні ≈2009-09-07 (шамамен: Бұйрықтың 4-тармағы');
    expect(texts.ru).toContain('- Действует с ≈2009-09-07 (приблизительно: Пункт 4 приказа');
    for (const { manifest } of pack.manifests) {
      for (const p of manifest.points.filter((x) => x.status === 'partial')) {
        expect(text).toContain(`**${p.id}** (partly encoded by`);
        expect(texts.ru).toContain(`**${p.id}** (частично закодирован: `);
        expect(texts.kk).toContain(`Тексерілмейді: ${manifestText(p.missing, 'kk')}`);
      }
      for (const p of manifest.points.filter((x) => x.status === 'not-auditable')) {
        expect(text).toContain(`**${p.id}** (not auditable)`);
        expect(texts.kk).toContain(`**${p.id}** (тексерілмейді) ${manifestText(p.about, 'kk')}. ${manifestText(p.reason, 'kk')}`);
        expect(texts.ru).toContain(`**${p.id}** (не проверяем) ${manifestText(p.about, 'ru')}. ${manifestText(p.reason, 'ru')}`);
      }
    }
    expect(text).toContain('`staffing_norms` (by role)');
    expect(text).toMatch(/staffing_norms[^\n]*\*\*no value filled in\*\*/);
    expect(texts.kk).toMatch(/staffing_norms[^\n]*\*\*мәні толтырылмаған\*\*/);
  });

  it('links the other languages and points at nothing outside the repository', () => {
    for (const lang of LANGS) {
      expect(texts[lang]).not.toMatch(/shared\/|\.\.\/shared/);
      expect(texts[lang]).toContain('`rules/kz/mlsp-306-o/residential/2009-240-o.ereje`');
      for (const other of LANGS.filter((l) => l !== lang)) expect(texts[lang]).toContain(`(${INTERPRETATIONS_FILES[other]})`);
    }
  });
});
