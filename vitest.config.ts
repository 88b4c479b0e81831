import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/setup/global.ts'],
    // Before every file: undoes what the file leaves behind (its database, process.env, stubs).
    setupFiles: ['tests/setup/each-file.ts'],
    pool: 'forks',
    // Test files wait on PostgreSQL and Chromium more than they compute: two files at a time even on two cores
    // (vitest's default of cores − 1 ran them one by one there).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
