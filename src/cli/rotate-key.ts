import { z } from 'zod';
import type { Db } from '../db.js';
import { readEnv } from '../env.js';
import { parseKeyring, type Keyring } from '../crypto/keyring.js';
import { rotateAll } from '../crypto/rotate.js';
import { CliError, parseFlags, type Command, type Out } from './command.js';

const RotateKeyFlags = z.object({});

/**
 * Re-wraps the records' data keys under the newest key in JISR_DATA_KEY, re-encrypts what the master
 * keyring holds directly, and moves text from before record keys under its record's key. Add the new key
 * (`1:<old>,2:<new>`), restart the servers so they write with it, run this, then drop the old key.
 */
async function run(db: Db, _input: unknown, out: Out, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const spec = readEnv(env).JISR_DATA_KEY;
  if (!spec) throw new CliError('JISR_DATA_KEY is not set: it must list the old key(s) and the new one, e.g. 1:<old>,2:<new>.');
  let keyring: Keyring;
  try {
    keyring = parseKeyring(spec);
  } catch (err) {
    throw new CliError((err as Error).message);
  }
  const { rewrapped, fields } = await rotateAll(db, keyring);
  out.log(`${'record data keys'.padEnd(20)} ${String(rewrapped).padStart(7)} re-wrapped`);
  for (const [field, count] of Object.entries(fields)) out.log(`${field.padEnd(20)} ${String(count).padStart(7)} re-encrypted`);
  out.log(`Everything is now under key version ${keyring.current}; older versions can be removed from JISR_DATA_KEY.`);
  return 0;
}

export const rotateKeyCommand: Command<Record<string, never>> = {
  name: 'rotate-key',
  usage: '',
  summary: 'Re-encrypt sensitive text under the newest key in JISR_DATA_KEY.',
  flags: [],
  examples: ["JISR_DATA_KEY='1:<old>,2:<new>' rotate-key"],
  migrates: false,
  parse: (argv) => parseFlags(argv, {}, RotateKeyFlags),
  run,
};
