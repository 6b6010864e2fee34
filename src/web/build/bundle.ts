// The page's two scripts, bundled from src/ by esbuild for the browser: the page script
// (src/web/page/main.ts) and the engine (src/web/engine/entry.ts) with everything an audit uses —
// ingest, SheetJS, the compiler, the engine, the reports, the template. Two things differ from Node:
// ingest's platform module is the browser's (src/web/ingest-platform.ts), and the few of ereje's own
// modules that use Node's Buffer get the `buffer` package's (SheetJS is left to its own browser code).
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Metafile, Plugin } from 'esbuild';

export interface Bundled {
  readonly code: string;
  /** Every module the bundle is made of, relative to the package root (the tests look for the parser here). */
  readonly inputs: readonly string[];
}

/** Browsers the page is built for: those of the last few years (Web Workers, blob: URLs, ES2020). */
const TARGET = ['chrome90', 'firefox90', 'safari15', 'edge90'];

function browserPlugin(src: string): Plugin {
  const nodePlatform = join(src, 'ingest', 'platform.ts');
  const browserPlatform = join(src, 'web', 'ingest-platform.ts');
  return {
    name: 'ereje-browser',
    setup(build) {
      build.onResolve({ filter: /(^|\/)platform\.ts$/ }, (args) => {
        const path = resolve(args.resolveDir, args.path);
        return path === nodePlatform ? { path: browserPlatform } : undefined;
      });
      build.onLoad({ filter: /\.ts$/ }, async (args) => {
        if (!args.path.startsWith(src)) return undefined;
        const text = await readFile(args.path, 'utf8');
        if (!/\bBuffer\./.test(text) || args.path === browserPlatform) return { contents: text, loader: 'ts' };
        return { contents: `import { Buffer } from 'buffer';\n${text}`, loader: 'ts' };
      });
    },
  };
}

export async function bundle(root: string, entry: string): Promise<Bundled> {
  const { build } = await import('esbuild');
  const src = join(root, 'src');
  const result = await build({
    absWorkingDir: root,
    entryPoints: [join(root, entry)],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: TARGET,
    minify: true,
    charset: 'utf8',
    legalComments: 'eof',
    metafile: true,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [browserPlugin(src)],
  });
  const out = result.outputFiles[0]!;
  return { code: out.text, inputs: inputsOf(result.metafile) };
}

function inputsOf(metafile: Metafile): string[] {
  return Object.keys(metafile.inputs).sort();
}
