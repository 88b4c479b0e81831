import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { chainEvents, newAdmin, tamper } from './helpers.js';

// Alone in its file (so its own database): it verifies every chain, and nothing else here tampers.
const { db, url, owner } = await testDb();
const root = fileURLToPath(new URL('../..', import.meta.url));

/** Runs the CLI as a real process, the way the container does (`node --import tsx`), ~1 s each. */
function jisr(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the jisr process', () => {
  it('exits 0 while the audit log is intact and 1 once an event was edited', async () => {
    const { municipalityId } = await newAdmin(db);
    const clean = await jisr(['verify-audit']);
    expect(clean).toMatchObject({ code: 0, stderr: '' });
    expect(clean.stdout).toMatch(new RegExp(`^${municipalityId} +2 events checked +OK$`, 'm'));

    const [, created] = await chainEvents(db, municipalityId);
    await tamper(owner, created!.id, `actor_role = 'admin'`);
    const broken = await jisr(['verify-audit']);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain(`BROKEN at event ${created!.id} (seq 2): hash_mismatch`);
    expect(broken.stderr).toMatch(/^BROKEN: 1 of 1 chain\./);
  });
});
