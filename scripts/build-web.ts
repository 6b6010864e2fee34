// `npm run web`: builds the self-check page into web/dist/ereje-self-check.html (see src/web/build).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { version } from '../src/cli/version.ts';
import { buildSelfCheckPage, packageRoot } from '../src/web/build/index.ts';

const started = performance.now();
const page = await buildSelfCheckPage({ version });
const out = join(packageRoot(), 'web', 'dist', 'ereje-self-check.html');
mkdirSync(join(packageRoot(), 'web', 'dist'), { recursive: true });
writeFileSync(out, page.html);
const kb = (n: number) => `${Math.round(n / 1024)} kB`;
console.log(`ereje: wrote ${relative(process.cwd(), out) || out} (${kb(Buffer.byteLength(page.html))}: engine ${kb(page.sizes.engine)}, rules ${kb(page.sizes.pack)}, page ${kb(page.sizes.page)}) in ${Math.round(performance.now() - started)} ms`);
