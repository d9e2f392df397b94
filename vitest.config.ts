import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // every chat payload a fake receives is validated; a refused one fails the test that sent it
    setupFiles: ['./tests/fakes/validate/setup.ts'],
    // the spawned `svarstid` commands run the compiled build: rebuilt first when a source changed
    globalSetup: ['./tests/support/build-dist.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // vitest's default (one worker fewer than the cores) runs the files one by one on a 2-core
    // machine; most files wait on PostgreSQL, child processes or HTTP, so two run well side by side
    // (the suite: 7.0 min → 5.0 min here)
    maxWorkers: Math.max(2, availableParallelism()),
    reporters: ['default', './tests/support/summary-reporter.ts'],
  },
});
