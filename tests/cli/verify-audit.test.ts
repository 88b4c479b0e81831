import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { verifyAudit } from '../../src/cli/verify-audit.js';
import { capture, chainEvents, newAdmin, tamper } from './helpers.js';

const { db, owner } = await testDb();

/** verify-audit on one chain: its exit code and printed text. Other tests' tampering stays out of view. */
async function verify(chain: string) {
  const printed = capture();
  const code = await verifyAudit(db, ['--chain', chain], printed.out);
  return { code, text: printed.text(), lines: printed.lines };
}

describe('verify-audit', () => {
  it('reports an untouched chain as intact', async () => {
    const { municipalityId } = await newAdmin(db);
    const { code, lines } = await verify(municipalityId);
    expect(code).toBe(0);
    expect(lines[0]).toMatch(new RegExp(`^${municipalityId}\\s+2 events checked\\s+OK$`));
    expect(lines.at(-1)).toBe('Intact: 1 chain, 2 events.');
  });

  it('names the first event whose action was edited, and leaves other chains intact', async () => {
    const { municipalityId } = await newAdmin(db);
    const other = await newAdmin(db);
    const [first] = await chainEvents(db, municipalityId);
    await tamper(owner, first!.id, `action = 'municipality.rename'`);
    const { code, text } = await verify(municipalityId);
    expect(code).toBe(1);
    expect(text).toMatch(new RegExp(`^${municipalityId} +\\d+ events checked  BROKEN at event ${first!.id} \\(seq 1\\): hash_mismatch: `, 'm'));
    expect(text).toMatch(/BROKEN: 1 of 1 chain\./);
    expect((await verify(other.municipalityId)).code).toBe(0);
  });

  it('names a later event whose detail was edited', async () => {
    const { municipalityId } = await newAdmin(db);
    const [, second] = await chainEvents(db, municipalityId);
    await tamper(owner, second!.id, `detail = '{"role": "auditor", "via": "cli"}'::jsonb`);
    const { code, text } = await verify(municipalityId);
    expect(code).toBe(1);
    expect(text).toContain(`BROKEN at event ${second!.id} (seq 2): hash_mismatch`);
  });

  it('verifies every chain without --chain, one line each, and fails when any is broken', async () => {
    const { municipalityId } = await newAdmin(db);
    const [first] = await chainEvents(db, municipalityId);
    await tamper(owner, first!.id, `entity_id = NULL`);
    const printed = capture();
    expect(await verifyAudit(db, [], printed.out)).toBe(1);
    const chains = await db.auditChainHead.count();
    expect(printed.lines).toHaveLength(chains);
    expect(printed.lines.find((l) => l.startsWith(municipalityId))).toContain(`BROKEN at event ${first!.id} (seq 1)`);
  });

  it('refuses a chain that does not exist', async () => {
    const { code, text } = await verify('00000000-0000-4000-8000-000000000000');
    expect(code).toBe(1);
    expect(text).toMatch(/There is no audit chain "00000000-0000-4000-8000-000000000000"/);
  });
});
