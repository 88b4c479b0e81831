import { readEnv } from '../env.js';
import { createDb } from '../db.js';
import { migrate } from '../migrate.js';
import { CliError, type Command, type Out } from './command.js';
import { createAdminCommand } from './create-admin.js';
import { verifyAuditCommand } from './verify-audit.js';
import { rotateKeyCommand } from './rotate-key.js';
import { seedScaleCommand } from './seed-scale.js';
import { auditKeyCommand } from './audit-key.js';
import { commandHelp, helpText, RUN } from './help.js';

export const COMMANDS: Command<unknown>[] = [createAdminCommand, verifyAuditCommand, auditKeyCommand, rotateKeyCommand, seedScaleCommand];

const isHelp = (arg: string | undefined) => arg === undefined || arg === 'help' || arg === '--help' || arg === '-h';

/** The database URL from the environment; the CLI never starts the embedded PostgreSQL. */
function databaseUrl(env: NodeJS.ProcessEnv): string {
  const url = readEnv(env).DATABASE_URL;
  if (!url) {
    throw new CliError(
      'DATABASE_URL is not set. The CLI works on the database the server uses, e.g.\n' +
        `  DATABASE_URL=postgresql://jisr:PASSWORD@localhost:5432/jisr ${RUN} verify-audit`,
    );
  }
  return url;
}

/**
 * Runs one command line: help, flag validation (before any connection), migrations when the
 * command wants them, the command itself, and always closes the database. Returns the exit code.
 */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv, out: Out): Promise<number> {
  const [name, ...rest] = argv;
  if (isHelp(name)) {
    out.log(helpText(COMMANDS));
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    out.error(`Unknown command "${name}".\n\n${helpText(COMMANDS)}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    out.log(commandHelp(command));
    return 0;
  }
  try {
    const input = command.parse(rest);
    if (command.runOffline) return await command.runOffline(input, out, env);
    const runtimeUrl = databaseUrl(env);
    const ownerUrl = readEnv(env).MIGRATION_DATABASE_URL ?? runtimeUrl;
    const url = command.asOwner ? ownerUrl : runtimeUrl;
    if (command.migrates) {
      const applied = await migrate(ownerUrl);
      if (applied.length > 0) out.log(`Applied ${applied.length} migration(s): ${applied.join(', ')}`);
    }
    const database = createDb({ url, poolMax: 2 });
    try {
      return await command.run(database.db, input, out, env);
    } finally {
      await database.close();
    }
  } catch (err) {
    out.error(describeError(name!, err));
    return 1;
  }
}

function describeError(command: string, err: unknown): string {
  if (err instanceof CliError) return err.message;
  // P2021 from model queries; raw queries report PostgreSQL's 42P01 (undefined table) inside their message.
  const { code, message: raw } = err as { code?: string; message?: string };
  if (code === 'P2021' || (code === 'P2010' && /42P01|does not exist/.test(raw ?? ''))) {
    return `${command}: the database has no Jisr tables yet. Start the server or run create-admin: both apply the migrations.`;
  }
  // Prisma prefixes its message with the calling source lines; the last line says what went wrong.
  const message = String((err as Error).message ?? err)
    .trim()
    .split('\n')
    .at(-1);
  return `${command} failed: ${message}`;
}
