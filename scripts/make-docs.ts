// `npm run docs`: regenerates docs/workbook.md from the sheet contract in src/schema.
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { workbookDoc } from '../src/schema/docs.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const path = join(root, 'docs', 'workbook.md');
writeFileSync(path, workbookDoc());
console.log(`wrote ${path}`);
