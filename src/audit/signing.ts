import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { canonicalJson } from '../lib/canonical-json.js';

/** A chain head at a moment, signed: what an auditor or a second party checks the database against. */
export interface Checkpoint {
  v: 1;
  chain: string;
  seq: number;
  hash: string;
  /** ISO 8601, UTC. */
  at: string;
  /** The signing key's id (see keyIdOf). */
  key: string;
  /** Ed25519 signature of signedBytes(), base64. */
  sig: string;
}

export type Unsigned = Pick<Checkpoint, 'chain' | 'seq' | 'hash' | 'at'>;

/** What the signature covers: a fixed label, the format version, the chain, its head and the time. */
const signedBytes = (c: Unsigned) => Buffer.from(canonicalJson(['jisr-audit-checkpoint', 1, c.chain, c.seq, c.hash, c.at]), 'utf8');

/** A key's id: the first 16 hex digits of the sha256 of its public key (SPKI DER). */
export const keyIdOf = (publicKey: KeyObject) =>
  createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);

export interface Signer {
  keyId: string;
  publicKey: KeyObject;
  /** The public key as PEM: what `jisr audit-key` prints for a second party. */
  publicKeyPem: string;
  sign(c: Unsigned): Checkpoint;
}

/** Reads a key given as PEM or as the base64 of its DER (PKCS#8 private or SPKI public). */
function readKey(spec: string, kind: 'private' | 'public'): KeyObject {
  const text = spec.trim();
  const pem = text.startsWith('-----BEGIN');
  const der = pem ? undefined : Buffer.from(text, 'base64');
  const key =
    kind === 'private'
      ? pem
        ? createPrivateKey(text)
        : createPrivateKey({ key: der!, format: 'der', type: 'pkcs8' })
      : pem
        ? createPublicKey(text)
        : createPublicKey({ key: der!, format: 'der', type: 'spki' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`the audit ${kind} key must be an Ed25519 key`);
  return key;
}

/** A signer from AUDIT_SIGNING_KEY (Ed25519, PKCS#8 as PEM or base64 DER). */
export function signerFrom(spec: string): Signer {
  let privateKey: KeyObject;
  try {
    privateKey = readKey(spec, 'private');
  } catch (err) {
    throw new Error(`AUDIT_SIGNING_KEY: ${(err as Error).message}`);
  }
  const publicKey = createPublicKey(privateKey);
  const keyId = keyIdOf(publicKey);
  return {
    keyId,
    publicKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    sign: (c) => ({ v: 1, ...c, key: keyId, sig: sign(null, signedBytes(c), privateKey).toString('base64') }),
  };
}

/** A public key given as PEM or base64 SPKI DER (what `audit-key` printed), for checking without the private key. */
export const publicKeyFrom = (spec: string) => readKey(spec, 'public');

/** Whether a checkpoint was signed by `publicKey` and says what it claims. */
export function checkSignature(c: Checkpoint, publicKey: KeyObject): boolean {
  if (c.key !== keyIdOf(publicKey) || typeof c.sig !== 'string') return false;
  try {
    return verify(null, signedBytes(c), publicKey, Buffer.from(c.sig, 'base64'));
  } catch {
    return false;
  }
}

/** A new Ed25519 private key, PKCS#8 PEM. */
export const newSigningKey = () => generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

/**
 * The signing key: AUDIT_SIGNING_KEY, or in demo mode one made once beside the embedded database
 * (readable by its owner only). Null when neither: the server then writes no checkpoints.
 */
export async function loadSigner(spec: string | undefined, demoKeyFile: string | null): Promise<Signer | null> {
  if (spec) return signerFrom(spec);
  if (!demoKeyFile) return null;
  if (!existsSync(demoKeyFile)) {
    await mkdir(dirname(demoKeyFile), { recursive: true });
    await writeFile(demoKeyFile, newSigningKey(), { mode: 0o600 });
  }
  return signerFrom(await readFile(demoKeyFile, 'utf8'));
}
