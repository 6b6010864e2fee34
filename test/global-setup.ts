// Before any test file: the CLI built from the sources as they are now (dist/<fingerprint>/, as
// bin/ereje.js would build it). Batch audits start their worker threads from that build, and the fuzzer
// its worker process, when it exists; without it each loads the sources through tsx, about a second of
// CPU a start. A tree whose build is current costs only the hashing of its sources (tens of ms).
import { ensureBuild } from '../scripts/build.js';

export default async function setup(): Promise<void> {
  try {
    await ensureBuild();
  } catch (err) {
    // No build (a read-only folder, no esbuild): the tests run the sources through tsx, slower.
    console.warn(`test/global-setup: could not build dist/ (${err instanceof Error ? err.message.split('\n')[0] : String(err)}); worker threads will load the sources through tsx`);
  }
}
