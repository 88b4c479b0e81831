import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { newKeySpec, parseKeyring, type Keyring } from './keyring.js';

/**
 * The keyring from JISR_DATA_KEY; in demo mode (no key given) one made once and kept in
 * `<data dir>/data-key` beside the embedded database, readable by the owner only.
 */
export async function loadKeyring(spec: string | undefined, demoKeyFile: string | null): Promise<Keyring> {
  if (spec) return parseKeyring(spec);
  if (!demoKeyFile) throw new Error('JISR_DATA_KEY is required with DATABASE_URL (see README: Configuration).');
  if (!existsSync(demoKeyFile)) {
    await mkdir(dirname(demoKeyFile), { recursive: true });
    await writeFile(demoKeyFile, `${newKeySpec(1)}\n`, { mode: 0o600 });
  }
  return parseKeyring((await readFile(demoKeyFile, 'utf8')).trim());
}
