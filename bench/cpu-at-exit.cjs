// Preloaded (`node --require`) into a process bench/run.ts times: at its exit, the CPU time the whole
// process spent — user + system of every thread (main, workers, V8's compiler and collector threads) —
// as one line on stderr.
process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  process.stderr.write(`\nereje-bench-cpu ${(user + system) / 1000}\n`);
});
