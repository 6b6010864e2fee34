// What two threads can give on this machine, as a yardstick for the batch row: a job of the same kind
// as an audit — pure JavaScript scanning markup into short-lived strings, maps and rows — but with no
// start-up, no compilation of a large program and no coordination, split evenly over 1 or 2 threads
// (this one and a worker). Prints the milliseconds the work took. `node --import tsx
// bench/parallel-reference.ts 1|2`.
import { Worker } from 'node:worker_threads';

/** Cells scanned in all; about a second and a half of one thread here. */
const CELLS = 6_000_000;

function scan(cells: number): number {
  let sum = 0;
  for (let i = 0; i < cells; i++) {
    const xml = `<row r="${i}"><c r="A${i}" t="s"><v>${i % 977}</v></c></row>`;
    const row = new Map<number, string>();
    for (let at = xml.indexOf('<', 1); at > 0; at = xml.indexOf('<', at + 1)) row.set(at, xml.slice(at, at + 5));
    sum += row.size + Number(xml.slice(xml.indexOf('<v>') + 3, xml.indexOf('</v>')));
  }
  return sum;
}

const threads = Number(process.argv[2] ?? 1);
const t = performance.now();
if (threads === 1) scan(CELLS);
else {
  // The worker runs the same function, as JavaScript (a worker does not inherit tsx's loader).
  const code = `const { parentPort, workerData } = require('node:worker_threads'); parentPort.postMessage((${scan.toString()})(workerData));`;
  const other = new Promise((resolve, reject) => new Worker(code, { eval: true, workerData: CELLS / 2 }).on('message', resolve).on('error', reject));
  scan(CELLS / 2);
  await other;
}
console.log(Math.round(performance.now() - t));
