import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { z } from 'zod';
import type { Db } from '../db.js';

/** Where a command prints: `console` in the CLI, a collector in tests. */
export interface Out {
  log(line: string): void;
  error(line: string): void;
}

/** A refusal the user can act on: printed as is, exit code 1, and the transaction rolls back. */
export class CliError extends Error {}

export interface Command<Input> {
  name: string;
  /** The flags after the command's name, as the help shows them. */
  usage: string;
  summary: string;
  /** One line per flag: `--flag  what it does`. */
  flags: string[];
  examples: string[];
  /** Applies pending migrations before `run` (the dispatcher does it; it needs the URL, not a client). */
  migrates: boolean;
  /** Works as the schema owner (MIGRATION_DATABASE_URL when set): bulk loads that write the audit tables. */
  asOwner?: boolean;
  /** Reads and validates the flags; throws CliError on bad input, before anything touches the database. */
  parse(argv: string[]): Input;
  /** Does the work; returns the exit code. `env` is the environment the CLI was started with. */
  run(db: Db, input: Input, out: Out, env?: NodeJS.ProcessEnv): Promise<number>;
  /** Set for a command that needs no database: the dispatcher calls this instead of `run`, unconnected. */
  runOffline?(input: Input, out: Out, env: NodeJS.ProcessEnv): Promise<number>;
}

/** Flags through node:util parseArgs, then a zod schema; every problem becomes one CliError. */
export function parseFlags<S extends z.ZodType>(argv: string[], options: NonNullable<ParseArgsConfig['options']>, schema: S): z.output<S> {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({ args: argv, options, strict: true, allowPositionals: false }));
  } catch (err) {
    // parseArgs explains how to pass a value starting with "-"; the first sentence is the news.
    throw new CliError((err as Error).message.split('. ')[0]!);
  }
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    throw new CliError(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n'));
  }
  return parsed.data;
}

/** Parses and runs a command the way the dispatcher does, minus the connection: what tests call. */
export async function runCommand<Input>(command: Command<Input>, db: Db, argv: string[], out: Out): Promise<number> {
  try {
    return await command.run(db, command.parse(argv), out);
  } catch (err) {
    if (!(err instanceof CliError)) throw err;
    out.error(err.message);
    return 1;
  }
}
