import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/** What both projects share. */
const common = { pool: 'forks', testTimeout: 30_000, hookTimeout: 60_000 } as const;

export default defineConfig({
  test: {
    // Test files wait on PostgreSQL and Chromium more than they compute: two files at a time even on two cores
    // (vitest's default of cores − 1 ran them one by one there).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    reporters: ['default'],
    projects: [
      {
        test: {
          ...common,
          name: 'server',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/web/**'],
          globalSetup: ['tests/setup/global.ts'],
          // A worker runs its files one after another in one module graph: the server (Prisma client, router)
          // is imported once per worker, not once per file. tests/setup/each-file.ts undoes what a file leaves
          // behind (its database, process.env, stubs), so a file neither sees another's state nor fails it.
          isolate: false,
          setupFiles: ['tests/setup/each-file.ts'],
        },
      },
      {
        test: {
          ...common,
          // The web's modules read the browser's language when first imported and some files replace
          // modules (vi.mock): each of these light files gets modules of its own.
          name: 'web',
          include: ['tests/web/**/*.test.ts'],
          isolate: true,
          setupFiles: ['tests/setup/each-file.ts'],
        },
      },
    ],
  },
});
