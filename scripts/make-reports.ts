// `npm run reports`: regenerates reports/samples/<example>.<lang>.{json,md,html} for every example
// workbook, in Kazakh, Russian and English, through the same code path as `ereje audit`.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { auditWorkbook } from '../src/cli/audit-run.ts';
import { loadAuditPack } from '../src/cli/audit-pack.ts';
import { version } from '../src/cli/version.ts';
import { LANGS } from '../src/core/lang.ts';
import { renderReport } from '../src/report/index.ts';
import { defaultRulesDir } from '../src/rulepack/load.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const examplesDir = join(root, 'examples');
const outDir = join(root, 'reports', 'samples');
const FORMATS = ['json', 'md', 'html'] as const;

const examples = readdirSync(examplesDir).filter((f) => f.endsWith('.xlsx')).sort();
if (examples.length === 0) {
  console.error(`make-reports: no .xlsx in ${examplesDir}; run \`npm run examples\` first.`);
  process.exit(1);
}
const pack = await loadAuditPack(defaultRulesDir());
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
for (const file of examples) {
  const bytes = new Uint8Array(readFileSync(join(examplesDir, file)));
  const base = file.replace(/\.xlsx$/, '');
  for (const lang of LANGS) {
    const { report, exitCode } = await auditWorkbook(bytes, file, pack, { lang, version });
    for (const format of FORMATS) {
      writeFileSync(join(outDir, `${base}.${lang}.${format}`), renderReport(report, format, { lang, quotes: pack.quotes }));
    }
    if (lang === 'en') {
      const s = report.summary;
      console.log(`${file}: exit ${exitCode}, ${s.findings} findings, ${s.not_evaluated} not evaluated, ${s.input_errors} input errors`);
    }
  }
}
console.log(`wrote ${examples.length * LANGS.length * FORMATS.length} files to ${outDir}`);
