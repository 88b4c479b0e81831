import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Field encryption for sensitive free text (concerns, notes, case summaries): AES-256-GCM under a
 * versioned key. Stored form: `v<version>.<iv>.<tag>.<ciphertext>` (base64url), so a row says which
 * key opened it and rotation can re-encrypt row by row. The field's name is bound in as associated
 * data, so a ciphertext copied into another field does not decrypt.
 */
export interface Keyring {
  /** The version new values are encrypted under: the highest one. */
  readonly current: number;
  encrypt(plaintext: string, field: string): string;
  decrypt(stored: string, field: string): string;
  /** The key version a stored value was encrypted under. */
  versionOf(stored: string): number;
}

const FORMAT = /^v(\d+)\.([\w-]{16})\.([\w-]{22})\.([\w-]*)$/;

/**
 * Parses `JISR_DATA_KEY`: `1:<base64 32 bytes>,2:<base64 32 bytes>`, or one bare key (version 1).
 * Keep old versions listed until `rotate-key` has moved every value to the newest.
 */
export function parseKeyring(spec: string): Keyring {
  const keys = new Map<number, Buffer>();
  for (const part of spec
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [version, material] = part.includes(':') ? part.split(':', 2) : ['1', part];
    const key = Buffer.from(material!, 'base64');
    if (!/^\d+$/.test(version!) || key.length !== 32) throw new Error('JISR_DATA_KEY: each key must be <version>:<32 bytes in base64>');
    keys.set(Number(version), key);
  }
  if (keys.size === 0) throw new Error('JISR_DATA_KEY is empty');
  const current = Math.max(...keys.keys());

  const keyFor = (version: number) => {
    const key = keys.get(version);
    if (!key) throw new Error(`No data key of version ${version} is configured`);
    return key;
  };

  return {
    current,
    encrypt(plaintext, field) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', keyFor(current), iv);
      cipher.setAAD(Buffer.from(field));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return `v${current}.${iv.toString('base64url')}.${cipher.getAuthTag().toString('base64url')}.${body.toString('base64url')}`;
    },
    decrypt(stored, field) {
      const m = FORMAT.exec(stored);
      if (!m) throw new Error('Not an encrypted value');
      const decipher = createDecipheriv('aes-256-gcm', keyFor(Number(m[1])), Buffer.from(m[2]!, 'base64url'));
      decipher.setAAD(Buffer.from(field));
      decipher.setAuthTag(Buffer.from(m[3]!, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(m[4]!, 'base64url')), decipher.final()]).toString('utf8');
    },
    versionOf(stored) {
      const m = FORMAT.exec(stored);
      if (!m) throw new Error('Not an encrypted value');
      return Number(m[1]);
    },
  };
}

/** A new random key in the `JISR_DATA_KEY` format. */
export const newKeySpec = (version = 1) => `${version}:${randomBytes(32).toString('base64')}`;
