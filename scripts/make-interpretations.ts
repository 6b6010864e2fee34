// `npm run interpretations`: writes docs/interpretations.md — every judgement call of the bundled rule pack
// (src/rulepack/interpretations.ts), for legal staff to review in one place. A test fails when it is stale.
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { INTERPRETATIONS_COMMAND, renderInterpretations } from '../src/rulepack/interpretations.ts';
import { defaultRulesDir } from '../src/rulepack/load.ts';
import { loadRulePack } from '../src/rulepack/pack.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pack = await loadRulePack(defaultRulesDir());
if (!pack.ok) {
  console.error('make-interpretations: the rule pack has errors; run `ereje rules check` first.');
  process.exit(1);
}
const out = join(root, 'docs', 'interpretations.md');
writeFileSync(out, renderInterpretations(pack, { base: root, command: INTERPRETATIONS_COMMAND }));
console.log(`wrote ${out}`);
