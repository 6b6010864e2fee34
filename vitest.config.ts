import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Forks (some tests change the working directory, which worker threads cannot), without a fresh
    // module graph per test file: the sources hold no global state, and importing them (the parser,
    // SheetJS, the schema) once per worker instead of once per file halves the suite's time.
    pool: 'forks',
    isolate: false,
  },
});
