// `npm run interpretations`: writes docs/interpretations.md, .kk.md and .ru.md — every judgement call of the
// bundled rule pack (src/rulepack/interpretations.ts), for legal staff to review in one place, in English,
// Kazakh and Russian. A test fails when they are stale.
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LANGS } from '../src/core/lang.ts';
import { INTERPRETATIONS_COMMAND, INTERPRETATIONS_FILES, renderInterpretations } from '../src/rulepack/interpretations.ts';
import { defaultRulesDir } from '../src/rulepack/load.ts';
import { loadRulePack } from '../src/rulepack/pack.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pack = await loadRulePack(defaultRulesDir());
if (!pack.ok) {
  console.error('make-interpretations: the rule pack has errors; run `ereje rules check` first.');
  process.exit(1);
}
for (const lang of LANGS) {
  const out = join(root, 'docs', INTERPRETATIONS_FILES[lang]);
  writeFileSync(out, renderInterpretations(pack, { base: root, command: INTERPRETATIONS_COMMAND, lang }));
  console.log(`wrote ${out}`);
}
