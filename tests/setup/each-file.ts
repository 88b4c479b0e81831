import { afterAll, vi } from 'vitest';

/**
 * Runs before every test file (vitest's setupFiles run again for each file even with `isolate: false`,
 * where a worker keeps its modules from file to file). Whatever a file leaves behind is undone after it,
 * also when it failed, so it cannot fail the files that follow it in the worker:
 * - its database (tests/helpers/db.ts): closed and forgotten, the next file clones its own;
 * - process.env as it was before the file;
 * - stubbed globals and environment, spies, fake timers.
 * Its afterAll runs after the file's own (hooks run in stack order), so the file closes its app first.
 */
const SLOT = Symbol.for('jisr.tests.fileDatabase');
type FileDatabase = { current?: Promise<unknown>; closers: (() => Promise<void>)[] };
const global = globalThis as { [SLOT]?: FileDatabase };
global[SLOT] = { closers: [] };
const env = { ...process.env };

afterAll(async () => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  for (const name of Object.keys(process.env)) if (!(name in env)) delete process.env[name];
  Object.assign(process.env, env);
  const file = global[SLOT];
  delete global[SLOT];
  if (!file) return;
  await file.current?.catch(() => undefined);
  for (const close of file.closers) await close();
});
