import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { verifyAudit } from '../../src/cli/verify-audit.js';
import { capture, chainEvents, newAdmin, tamper } from './helpers.js';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/dispatch.js';
import { anchorChains } from '../../src/audit/checkpoints.js';
import { newSigningKey, signerFrom } from '../../src/audit/signing.js';

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
    expect(text).toMatch(
      new RegExp(`^${municipalityId} +\\d+ events checked  BROKEN at event ${first!.id} \\(seq 1\\): hash_mismatch: `, 'm'),
    );
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

describe('verify-audit --checkpoints and audit-key', () => {
  const keyPem = newSigningKey();
  const signer = signerFrom(keyPem);

  /** A new admin's chain, anchored into a directory of its own, and the public key as audit-key prints it. */
  async function anchored() {
    const { municipalityId } = await newAdmin(db);
    const dir = await mkdtemp(join(tmpdir(), 'jisr-cli-checkpoints-'));
    await anchorChains(db, { signer, dir, clock: () => new Date() });
    const printed = capture();
    expect(await runCli(['audit-key'], { AUDIT_SIGNING_KEY: keyPem }, printed.out)).toBe(0);
    const keyFile = join(dir, 'key.pem');
    await writeFile(keyFile, printed.lines.slice(1).join('\n'));
    return { chain: municipalityId, dir, keyFile };
  }
  const run = async (argv: string[]) => {
    const printed = capture();
    const code = await verifyAudit(db, argv, printed.out);
    return { code, text: printed.text() };
  };

  it('agrees with the checkpoints of an untouched chain, with the key audit-key printed', async () => {
    const { chain, dir, keyFile } = await anchored();
    const { code, text } = await run(['--chain', chain, '--checkpoints', dir, '--public-key', keyFile]);
    expect(text).toMatch(new RegExp(`${chain}\\s+1 checkpoints\\s+OK, last at seq 2`));
    expect(code).toBe(0);
  });

  it('names the checkpoint a rewritten, recomputed chain contradicts, and one whose events and head were removed whole', async () => {
    const { chain, dir, keyFile } = await anchored();
    // The owner deletes the whole chain: events and head, triggers off.
    await owner.$transaction([
      owner.$executeRawUnsafe('SET LOCAL session_replication_role = replica'),
      owner.$executeRawUnsafe(`DELETE FROM audit_event WHERE chain = '${chain}'`),
      owner.$executeRawUnsafe(`DELETE FROM audit_chain_head WHERE chain = '${chain}'`),
    ]);
    const { code, text } = await run(['--chain', chain, '--checkpoints', dir, '--public-key', keyFile]);
    expect(code).toBe(1);
    expect(text).toMatch(/CONTRADICTS checkpoint at line 1 \(seq 2, signed .*\): missing_event/);
    expect(text).toMatch(/CONTRADICTED: 1 of 1 chain/);
  });

  it('refuses a key that did not sign the checkpoints, and audit-key without a key', async () => {
    const { chain, dir } = await anchored();
    const stranger = join(dir, 'stranger.pem');
    await writeFile(stranger, signerFrom(newSigningKey()).publicKeyPem);
    const { code, text } = await run(['--chain', chain, '--checkpoints', dir, '--public-key', stranger]);
    expect(code).toBe(1);
    expect(text).toMatch(/bad_signature/);
    const printed = capture();
    expect(await runCli(['audit-key'], {}, printed.out)).toBe(1);
    expect(printed.text()).toMatch(/AUDIT_SIGNING_KEY is not set/);
  });
});
