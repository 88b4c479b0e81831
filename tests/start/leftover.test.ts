import { mkdtemp, chmod, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from '../../src/embedded.js';
import { stopLeftoverServer } from '../../src/embedded-leftover.js';

describe('a PostgreSQL left running on the data folder', () => {
  it('is found by its postmaster.pid, stopped, and the folder starts again; a folder without one is left alone', {
    timeout: 120_000,
  }, async () => {
    const parent = await mkdtemp(join(tmpdir(), 'jisr-leftover-'));
    await chmod(parent, 0o777);
    const dir = join(parent, 'data');
    try {
      expect(await stopLeftoverServer(dir)).toBeNull();
      // A server whose app "died": nobody will call its stop().
      const orphan = await startEmbeddedPostgres({ dir, database: 'postgres' });
      void orphan;
      expect(existsSync(join(dir, 'postmaster.pid'))).toBe(true);
      const pid = await stopLeftoverServer(dir);
      expect(pid).toEqual(expect.any(Number));
      expect(() => process.kill(pid!, 0)).toThrow();
      const again = await startEmbeddedPostgres({ dir, database: 'postgres' });
      await again.stop();
    } finally {
      await rm(parent, { recursive: true, force: true, maxRetries: 5 });
    }
  });
});
