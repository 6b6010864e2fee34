#!/usr/bin/env node
// `ereje`: runs the CLI bundled from src/ in dist/<fingerprint>/ (see scripts/build.js). The fingerprint
// is that of the sources as they are now, so an edited file always runs: its build is made first
// (`npm ci` makes the first one through `prepare`). When no input has changed since the last start that
// hashed them, the fingerprint recorded then is used (scripts/build-stamp.js), which spares hashing at
// every start. When no build can be made (no esbuild, a read-only folder), the TypeScript sources run
// through tsx instead — slower, the same program.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// `ereje … | head`: a reader that stops reading ends the run quietly, not with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code !== 'EPIPE') throw err;
    process.exit(process.exitCode ?? 0);
  });
}

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  // Answered without loading the program: the version is package.json's.
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else {
  // Stack traces of --debug name the .ts lines (the bundle carries source maps).
  if (argv.includes('--debug')) process.setSourceMapsEnabled(true);
  const main = await loadMain();
  process.exitCode = await main(argv);
}

async function loadMain() {
  const root = new URL('..', import.meta.url);
  const { stampedFingerprint } = await import('../scripts/build-stamp.js');
  const stamped = stampedFingerprint(fileURLToPath(root));
  if (stamped !== null) return (await import(new URL(`dist/${stamped}/cli.js`, root).href)).main;
  let cli;
  try {
    const { ensureBuild } = await import('../scripts/build.js');
    cli = await ensureBuild();
  } catch (err) {
    process.stderr.write(`ereje: warning: could not build dist/ (${err instanceof Error ? err.message.split('\n')[0] : err}); running the TypeScript sources through tsx (slower)\n`);
    const { register } = await import('tsx/esm/api');
    register();
    return (await import('../src/cli/main.ts')).main;
  }
  return (await import(cli.url)).main;
}
