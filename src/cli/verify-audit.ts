import { z } from 'zod';
import type { Db } from '../db.js';
import { verifyAll, verifyChain, type BreakReason, type ChainReport } from '../audit/verify.js';
import { CliError, parseFlags, runCommand, type Command, type Out } from './command.js';
import { checkpointsOf, compareWithCheckpoints } from './checkpoints.js';

const VerifyAuditFlags = z.object({
  chain: z.string().trim().min(1, 'must name a chain').max(64, 'is too long').optional(),
  checkpoints: z.string().trim().min(1, 'must name a directory').optional(),
  'public-key': z.string().trim().min(1, 'must name a file').optional(),
});

export type VerifyAuditInput = z.output<typeof VerifyAuditFlags>;

const REASONS: Record<BreakReason, string> = {
  hash_mismatch: 'its content no longer matches its hash (changed after it was written)',
  link_mismatch: 'it does not link to the event before it (an earlier event was changed, removed or inserted)',
  sequence_gap: 'the sequence jumps here (events before it are missing)',
  missing_tail: 'the chain head records later events that are missing (events at the end were removed)',
  missing_head: 'the chain head is missing (it was removed, so new events could start a second chain)',
  unlinked: 'events staged more than a minute ago are still not on the chain (the chainer cannot link them)',
};

/** One line per chain: its id, how many events verified, and OK or where and why it breaks. */
export function describeReport(r: ChainReport): string {
  const head = `${r.chain.padEnd(36)}  ${String(r.checked).padStart(7)} events checked  `;
  if (!r.firstBroken) return `${head}OK`;
  const { id, seq, reason } = r.firstBroken;
  const at = id === null ? `at seq ${seq}` : `at event ${id} (seq ${seq})`;
  return `${head}BROKEN ${at}: ${reason}: ${REASONS[reason]}`;
}

async function reportsFor(db: Db, chain: string | undefined, anchoredChains: string[]): Promise<ChainReport[]> {
  if (!chain) {
    // A chain that has checkpoints but no events or head any more was removed whole: verify it (empty) too.
    const reports = await verifyAll(db);
    const missing = anchoredChains.filter((c) => !reports.some((r) => r.chain === c));
    return [...reports, ...missing.map((c) => ({ chain: c, checked: 0, firstBroken: null }))];
  }
  const report = await verifyChain(db, chain);
  const head = await db.auditChainHead.findUnique({ where: { chain }, select: { chain: true } });
  // verifyChain finds nothing to check in a chain that does not exist; say so rather than "OK".
  if (!head && report.checked === 0 && !report.firstBroken && !anchoredChains.includes(chain)) {
    throw new CliError(`There is no audit chain "${chain}". A chain is a municipality's id, or "system".`);
  }
  return [report];
}

async function run(db: Db, input: VerifyAuditInput, out: Out, env: NodeJS.ProcessEnv = {}): Promise<number> {
  const anchors = input.checkpoints ? await checkpointsOf(input.checkpoints, input['public-key'], env, input.chain) : null;
  const reports = await reportsFor(db, input.chain, anchors?.chains ?? []);
  if (reports.length === 0) {
    out.log('No audit events yet: nothing to verify.');
    return 0;
  }
  for (const r of reports) out.log(describeReport(r));
  const broken = reports.filter((r) => r.firstBroken).length;
  const contradicted = anchors
    ? await compareWithCheckpoints(
        db,
        reports.map((r) => r.chain),
        anchors,
        out,
      )
    : 0;
  const events = reports.reduce((n, r) => n + r.checked, 0);
  const chains = `${reports.length} chain${reports.length === 1 ? '' : 's'}`;
  if (broken === 0 && contradicted === 0) {
    out.log(`Intact: ${chains}, ${events} events${anchors ? ', consistent with every checkpoint' : ''}.`);
    return 0;
  }
  if (broken > 0)
    out.error(`BROKEN: ${broken} of ${chains}. The audit log was altered outside the app; keep the database as it is and investigate.`);
  if (contradicted > 0)
    out.error(
      `CONTRADICTED: ${contradicted} of ${chains} disagree with their signed checkpoints: the log was rewritten, truncated or recomputed.`,
    );
  return 1;
}

export const verifyAuditCommand: Command<VerifyAuditInput> = {
  name: 'verify-audit',
  usage: '[--chain X] [--checkpoints DIR [--public-key FILE]]',
  summary:
    'Recomputes the hash chains of the audit log and compares them with the signed checkpoints; ' +
    'exit code 1 when any chain is broken or contradicts a checkpoint.',
  flags: [
    '--chain X            only this chain: a municipality\'s id, or "system"',
    '--checkpoints DIR    the checkpoint directory (AUDIT_CHECKPOINT_DIR): each chain must agree with every checkpoint',
    '--public-key FILE    the key printed by audit-key; default: the public half of AUDIT_SIGNING_KEY',
  ],
  examples: [
    'verify-audit',
    'verify-audit --checkpoints /mnt/worm/jisr --public-key jisr-audit-key.pem',
    'verify-audit --chain 3f1c9a52-0b7e-4d8a-9c61-2e5b7f0d4a19',
  ],
  migrates: false,
  parse: (argv) =>
    parseFlags(argv, { chain: { type: 'string' }, checkpoints: { type: 'string' }, 'public-key': { type: 'string' } }, VerifyAuditFlags),
  run,
};

/** `verify-audit` for tests and scripts: parse the flags, then run against `db`. Returns the exit code. */
export const verifyAudit = (db: Db, argv: string[], out: Out) => runCommand(verifyAuditCommand, db, argv, out);
