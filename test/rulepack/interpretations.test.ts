// docs/interpretations.md is generated from the rule pack (`npm run interpretations`): every judgement call
// in one place for legal staff. A change to a rule's note, scope or quote, an in-force date or a manifest
// point that is not followed by regenerating the file fails here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInterpretation, textIn } from '../../src/lang/texts.ts';
import { INTERPRETATIONS_COMMAND, renderInterpretations } from '../../src/rulepack/interpretations.ts';
import { defaultRulesDir } from '../../src/rulepack/load.ts';
import { loadRulePack } from '../../src/rulepack/pack.ts';

const root = join(import.meta.dirname, '..', '..');
const pack = await loadRulePack(defaultRulesDir());
const text = renderInterpretations(pack, { base: root, command: INTERPRETATIONS_COMMAND });

describe('docs/interpretations.md', () => {
  it('is current (run `npm run interpretations` if not)', () => {
    expect(readFileSync(join(root, 'docs', 'interpretations.md'), 'utf8')).toBe(text);
  });

  it('lists every rule with its quote, scope and note, and marks the readings that are interpretations', () => {
    for (const { checked } of pack.compiled) {
      const rs = checked.file.ruleset!;
      for (const rule of checked.file.rules) {
        const heading = `#### ${rule.clause} — \`${rs.id}/${rule.name}\` (${rule.severity})`;
        expect(text, `${rs.id}/${rule.name}`).toContain(heading);
        if (rule.note) expect(text).toContain(`- Note: ${textIn(rule.note, 'en')}`);
        const marked = text.includes(`${heading} — **interpretation**`);
        expect(marked, `${rs.id}/${rule.name}`).toBe(isInterpretation(rule.note));
      }
    }
    // The review asked these to say they are readings, not the text.
    for (const rule of ['residential/social-work-specialist-on-staff', 'day-care/next-plan-deadline', 'day-care/paid-admission-documents']) {
      expect(text).toMatch(new RegExp(`\`${rule}\` \\([a-z]+\\) — \\*\\*interpretation\\*\\*`));
    }
  });

  it('gives the basis of every approximate date and every point not wholly checked', () => {
    expect(text).toContain('- In force from ≈2009-09-07 (approximate: Point 4 of the order');
    for (const { manifest } of pack.manifests) {
      for (const p of manifest.points.filter((x) => x.status === 'partial')) expect(text).toContain(`**${p.id}** (partly encoded by`);
      for (const p of manifest.points.filter((x) => x.status === 'not-auditable')) expect(text).toContain(`**${p.id}** (not auditable)`);
    }
    expect(text).toContain('`staffing_norms` (by role)');
    expect(text).toMatch(/staffing_norms[^\n]*\*\*no value filled in\*\*/);
  });

  it('points at nothing outside the repository', () => {
    expect(text).not.toMatch(/shared\/|\.\.\/shared/);
    expect(text).toContain('`rules/kz/mlsp-306-o/residential/2009-240-o.ereje`');
  });
});
