import { readdir, readFile } from 'node:fs/promises';
import type { KeyObject } from 'node:crypto';
import type { Db } from '../db.js';
import { readEnv } from '../env.js';
import { checkAgainstCheckpoints, readCheckpoints, type Contradiction } from '../audit/checkpoints.js';
import { publicKeyFrom, signerFrom } from '../audit/signing.js';
import { CliError, type Out } from './command.js';

export interface CheckpointSource {
  dir: string;
  publicKey: KeyObject;
  /** Chains that have a checkpoint file. */
  chains: string[];
}

const REASONS: Record<Contradiction, string> = {
  unreadable: 'this line is not a checkpoint (the file was edited)',
  bad_signature: 'its signature does not verify with this key (forged or edited)',
  out_of_order: 'it goes back in the chain (the file was edited)',
  missing_event: 'the event it anchors is gone (the chain was truncated or events removed)',
  hash_differs: 'the event it anchors has another hash now (the chain was rewritten or recomputed)',
};

/** The checkpoint directory and the key to check it with: --public-key, else the public half of AUDIT_SIGNING_KEY. */
export async function checkpointsOf(
  dir: string,
  keyFile: string | undefined,
  env: NodeJS.ProcessEnv,
  only?: string,
): Promise<CheckpointSource> {
  let publicKey: KeyObject;
  try {
    if (keyFile) publicKey = publicKeyFrom(await readFile(keyFile, 'utf8'));
    else {
      const spec = readEnv(env).AUDIT_SIGNING_KEY;
      if (!spec) throw new Error('give --public-key FILE (from audit-key) or set AUDIT_SIGNING_KEY');
      publicKey = signerFrom(spec).publicKey;
    }
  } catch (err) {
    throw new CliError(`Cannot check the checkpoints: ${(err as Error).message}`);
  }
  let files: string[];
  try {
    files = await readdir(dir);
  } catch {
    throw new CliError(`Cannot read the checkpoint directory ${dir}.`);
  }
  const chains = files.filter((f) => f.endsWith('.jsonl')).map((f) => f.slice(0, -'.jsonl'.length));
  return { dir, publicKey, chains: only ? chains.filter((c) => c === only) : chains };
}

/** One line per chain against its checkpoints; returns how many chains contradict theirs. */
export async function compareWithCheckpoints(db: Db, chains: string[], source: CheckpointSource, out: Out): Promise<number> {
  let contradicted = 0;
  for (const chain of chains) {
    const entries = source.chains.includes(chain) ? await readCheckpoints(source.dir, chain) : [];
    const r = await checkAgainstCheckpoints(db, chain, entries, source.publicKey);
    const head = `${chain.padEnd(36)}  ${String(r.checked).padStart(7)} checkpoints      `;
    if (!r.firstContradicted) {
      out.log(`${head}${r.last ? `OK, last at seq ${r.last.seq} (${r.last.at})` : 'none yet'}`);
      continue;
    }
    contradicted += 1;
    const c = r.firstContradicted;
    const what = c.seq === null ? `line ${c.line}` : `line ${c.line} (seq ${c.seq}, signed ${c.at})`;
    out.log(`${head}CONTRADICTS checkpoint at ${what}: ${c.reason}: ${REASONS[c.reason]}`);
  }
  return contradicted;
}
