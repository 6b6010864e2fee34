// `npm run grammar`: writes grammar/diagrams.html, the railroad diagrams of the rule language, from the
// parser itself (so they cannot drift from it). The generated file is committed.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSyntaxDiagramsCode } from 'chevrotain';
import { ereje_parser } from '../grammar/parser.ts';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'grammar', 'diagrams.html');
// Scripts and styles from the installed chevrotain package, so the page works offline after `npm ci`.
const base = '../node_modules/chevrotain/diagrams/';
writeFileSync(out, createSyntaxDiagramsCode(ereje_parser.getSerializedGastProductions(), { resourceBase: base, css: `${base}diagrams.css` }));
console.log(`wrote ${out}`);
