// `npm run reports`: regenerates reports/samples/ (what each file is: scripts/reports/samples.ts).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadAuditPack } from '../src/cli/audit-pack.ts';
import { defaultRulesDir } from '../src/rulepack/load.ts';
import { makeSamples } from './reports/samples.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'reports', 'samples');
// Paths in --explain output are shown from where ereje runs: here, the repository root.
process.chdir(root);
const files = await makeSamples(root, await loadAuditPack(defaultRulesDir()), (line) => console.log(line));
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
for (const [name, content] of files) writeFileSync(join(outDir, name), content);
console.log(`wrote ${files.size} files to ${outDir}`);
