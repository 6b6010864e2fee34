// The fuzzer's worker process: runs `ereje` command lines through main(), one JSON line in, one out, so a
// case that hangs or exhausts memory is killed by the parent without taking the test run with it.
// Reports each run's wall time and the process's peak RSS so far (getrusage), which the parent compares
// with the budget the input's size allows.
import { createInterface } from 'node:readline';
import { main, type CliIO } from '../../src/cli/main.ts';

export interface WorkerRequest { readonly id: number; readonly argv: readonly string[] }
export interface WorkerReply {
  readonly id: number;
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
  readonly maxRssBytes: number;
}

const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  if (line.trim() === '') continue;
  const request = JSON.parse(line) as WorkerRequest;
  let stdout = '';
  let stderr = '';
  const io: CliIO = { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, isTTY: false, stderrIsTTY: false };
  const t0 = performance.now();
  let code: number;
  try {
    code = await main(request.argv, io);
  } catch (err) {
    // main() must never throw: this is reported as a broken invariant.
    code = -1;
    stderr += `main() threw: ${err instanceof Error ? err.stack : String(err)}`;
  }
  const reply: WorkerReply = { id: request.id, code, stdout, stderr, ms: performance.now() - t0, maxRssBytes: process.resourceUsage().maxRSS * 1024 };
  process.stdout.write(JSON.stringify(reply) + '\n');
}
