import { open, readFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { KeyObject } from 'node:crypto';
import { Prisma } from '../generated/prisma/client.js';
import { rawQuery, type DbClient } from '../db.js';
import type { Clock } from '../lib/clock.js';
import { checkSignature, type Checkpoint, type Signer } from './signing.js';
import { linkBeforeReading } from './chainer.js';

/** How this server anchors the audit log: its signing key, the checkpoint directory and how often. */
export interface Anchoring {
  signer: Signer;
  /** The checkpoint directory (one append-only file per chain). */
  dir: string;
  everyMs: number;
}

/** Where checkpoints go. The directory is also where the server reads them back. */
export interface CheckpointSink {
  write(c: Checkpoint): Promise<void>;
}

const CHAIN_NAME = /^[a-z0-9-]{1,64}$/;

/** The file of one chain's checkpoints; a chain is a municipality id or "system", never a path. */
export function checkpointFile(dir: string, chain: string): string {
  if (!CHAIN_NAME.test(chain)) throw new Error(`not a chain name: ${JSON.stringify(chain)}`);
  return join(dir, `${chain}.jsonl`);
}

/** One append-only JSON-lines file per chain, each line written and synced before the next run. */
export function directorySink(dir: string): CheckpointSink {
  return {
    async write(c) {
      await mkdir(dir, { recursive: true });
      const file = await open(checkpointFile(dir, c.chain), 'a', 0o640);
      try {
        await file.write(`${JSON.stringify(c)}\n`);
        await file.datasync();
      } finally {
        await file.close();
      }
    },
  };
}

/** POSTs each checkpoint as JSON to a second system; anything but 2xx within 10 s is a failure. */
export function httpsSink(url: string): CheckpointSink {
  return {
    async write(c) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(c),
        signal: AbortSignal.timeout(10_000),
      });
      if (!res.ok) throw new Error(`checkpoint endpoint answered ${res.status}`);
    },
  };
}

export type ReadCheckpoint = { line: number } & ({ ok: true; checkpoint: Checkpoint } | { ok: false });

/** Every checkpoint of a chain in file order; a line that is not a checkpoint is kept as unreadable. */
export async function readCheckpoints(dir: string, chain: string): Promise<ReadCheckpoint[]> {
  let text: string;
  try {
    text = await readFile(checkpointFile(dir, chain), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  return text
    .split('\n')
    .map((raw, i) => ({ raw, line: i + 1 }))
    .filter(({ raw }) => raw.trim() !== '')
    .map(({ raw, line }) => {
      try {
        const c = JSON.parse(raw) as Checkpoint;
        const ok =
          c &&
          c.v === 1 &&
          c.chain === chain &&
          Number.isInteger(c.seq) &&
          c.seq >= 0 &&
          /^[0-9a-f]{64}$/.test(c.hash) &&
          !Number.isNaN(Date.parse(c.at));
        return ok ? { line, ok: true as const, checkpoint: c } : { line, ok: false as const };
      } catch {
        return { line, ok: false as const };
      }
    });
}

/**
 * The newest checkpoint of a chain signed by `publicKey`, or null. A line without a valid signature is
 * passed over: whoever can write the directory without the key must not be able to stop the next
 * checkpoint (a forged line naming the head) or make the page say the log was anchored lately.
 */
export async function lastCheckpoint(dir: string, chain: string, publicKey: KeyObject): Promise<Checkpoint | null> {
  const all = await readCheckpoints(dir, chain);
  for (let i = all.length - 1; i >= 0; i--) {
    const c = all[i]!;
    if (c.ok && checkSignature(c.checkpoint, publicKey)) return c.checkpoint;
  }
  return null;
}

interface Head {
  chain: string;
  seq: number;
  hash: string;
}

/**
 * Signs every chain head that moved since its last checkpoint and writes the checkpoint to each sink
 * (the directory first: it is what the next run compares with). A sink that fails is reported, and the
 * next run tries again for chains the directory did not get.
 */
export async function anchorChains(
  db: DbClient,
  opts: { signer: Signer; dir: string; extra?: CheckpointSink[]; clock: Clock },
): Promise<{ written: number; failures: string[] }> {
  // Checkpoints cover linked events: what has committed is linked first.
  await linkBeforeReading(db);
  const heads = await rawQuery<Head>(db, Prisma.sql`SELECT chain, seq, hash FROM audit_chain_head WHERE seq > 0 ORDER BY chain`);
  const sinks = [directorySink(opts.dir), ...(opts.extra ?? [])];
  const failures: string[] = [];
  let written = 0;
  for (const head of heads) {
    const last = await lastCheckpoint(opts.dir, head.chain, opts.signer.publicKey);
    if (last && last.seq === head.seq && last.hash === head.hash) continue;
    const checkpoint = opts.signer.sign({ chain: head.chain, seq: head.seq, hash: head.hash, at: opts.clock().toISOString() });
    for (const sink of sinks) {
      try {
        await sink.write(checkpoint);
      } catch (err) {
        failures.push(`${head.chain}: ${(err as Error).message}`);
      }
    }
    written += 1;
  }
  return { written, failures };
}

export type Contradiction = 'unreadable' | 'bad_signature' | 'out_of_order' | 'missing_event' | 'hash_differs';

export interface AnchorReport {
  chain: string;
  /** Checkpoints compared with the database. */
  checked: number;
  last: { seq: number; at: string } | null;
  /** The first checkpoint the database contradicts (or that is not a valid checkpoint), or null. */
  firstContradicted: { line: number; seq: number | null; at: string | null; reason: Contradiction } | null;
}

const BATCH = 2_000;

/**
 * Compares a chain with its checkpoints: each must be signed by `publicKey`, never go back, and name an
 * event that still has the hash it had then. A rewritten, truncated or recomputed chain contradicts the
 * first checkpoint taken after the changed event.
 */
export async function checkAgainstCheckpoints(
  db: DbClient,
  chain: string,
  entries: ReadCheckpoint[],
  publicKey: KeyObject,
): Promise<AnchorReport> {
  let previous = -1;
  let checked = 0;
  let last: AnchorReport['last'] = null;
  const report = (firstContradicted: AnchorReport['firstContradicted']): AnchorReport => ({ chain, checked, last, firstContradicted });
  for (let start = 0; start < entries.length; start += BATCH) {
    const batch = entries.slice(start, start + BATCH);
    const seqs = batch.flatMap((e) => (e.ok ? [e.checkpoint.seq] : []));
    const rows = await rawQuery<{ seq: number; hash: string }>(
      db,
      Prisma.sql`SELECT seq, hash FROM audit_event WHERE chain = ${chain} AND seq = ANY(${seqs}::int[])`,
    );
    const hashes = new Map(rows.map((r) => [r.seq, r.hash]));
    for (const e of batch) {
      if (!e.ok) return report({ line: e.line, seq: null, at: null, reason: 'unreadable' });
      const c = e.checkpoint;
      const at = { line: e.line, seq: c.seq, at: c.at };
      if (!checkSignature(c, publicKey)) return report({ ...at, reason: 'bad_signature' });
      if (c.seq < previous) return report({ ...at, reason: 'out_of_order' });
      const hash = hashes.get(c.seq);
      if (hash === undefined) return report({ ...at, reason: 'missing_event' });
      if (hash !== c.hash) return report({ ...at, reason: 'hash_differs' });
      previous = c.seq;
      checked += 1;
      last = { seq: c.seq, at: c.at };
    }
  }
  return report(null);
}
