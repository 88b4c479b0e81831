import { z } from 'zod';
import { readEnv } from '../env.js';
import { signerFrom, type Signer } from '../audit/signing.js';
import { CliError, parseFlags, type Command, type Out } from './command.js';

const NoFlags = z.object({});

/** Prints the public half of AUDIT_SIGNING_KEY, for a second party that checks the checkpoints. */
async function printKey(_input: object, out: Out, env: NodeJS.ProcessEnv): Promise<number> {
  const spec = readEnv(env).AUDIT_SIGNING_KEY;
  if (!spec) throw new CliError('AUDIT_SIGNING_KEY is not set: there is no key whose public half to print.');
  let signer: Signer;
  try {
    signer = signerFrom(spec);
  } catch (err) {
    throw new CliError((err as Error).message);
  }
  out.log(`# Jisr audit checkpoint key ${signer.keyId} (Ed25519). Give this to whoever checks the checkpoints:`);
  out.log(signer.publicKeyPem.trimEnd());
  return 0;
}

export const auditKeyCommand: Command<object> = {
  name: 'audit-key',
  usage: '',
  summary: "Prints the public key of AUDIT_SIGNING_KEY (PEM): a second party checks the checkpoints' signatures with it.",
  flags: [],
  examples: ['audit-key > jisr-audit-key.pem'],
  migrates: false,
  parse: (argv) => parseFlags(argv, {}, NoFlags),
  run: () => Promise.reject(new CliError('audit-key needs no database')),
  runOffline: printKey,
};
