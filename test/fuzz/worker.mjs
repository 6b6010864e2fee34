// The fuzzer's worker process: runs `ereje` command lines through main(), one JSON line in, one out, so a
// case that hangs or exhausts memory is killed by the parent without taking the test run with it.
// Reports each run's wall time and the process's peak RSS so far (getrusage), which the parent compares
// with the budget the input's size allows (the reply's shape is WorkerReply in runner.ts).
// Plain JavaScript, and main() taken from the module named by its first argument: the CLI built from the
// sources as they are now (dist/<fingerprint>/cli.js), which starts without a TypeScript loader, or
// src/cli/main.ts when no build of them exists (then the parent starts this process with tsx).
import { createInterface } from 'node:readline';

const { main } = await import(process.argv[2]);

const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  if (line.trim() === '') continue;
  const request = JSON.parse(line);
  let stdout = '';
  let stderr = '';
  const io = { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, isTTY: false, stderrIsTTY: false };
  const t0 = performance.now();
  let code;
  try {
    code = await main(request.argv, io);
  } catch (err) {
    // main() must never throw: this is reported as a broken invariant.
    code = -1;
    stderr += `main() threw: ${err instanceof Error ? err.stack : String(err)}`;
  }
  const reply = { id: request.id, code, stdout, stderr, ms: performance.now() - t0, maxRssBytes: process.resourceUsage().maxRSS * 1024 };
  process.stdout.write(JSON.stringify(reply) + '\n');
}
