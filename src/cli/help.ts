import type { Command } from './command.js';

/**
 * How the commands are run where this is: from source in a checkout (`npm run jisr --`, through tsx), or
 * compiled in a production install, which has no tsx (`node dist/cli/index.js`, as the image runs it).
 */
export const RUN = import.meta.url.endsWith('.js') ? 'node dist/cli/index.js' : 'npm run jisr --';

/** The usage of one command: what it does, its flags and an example or two. */
export function commandHelp(command: Command<unknown>): string {
  return [
    `${RUN} ${command.name} ${command.usage}`.trimEnd(),
    `  ${command.summary}`,
    ...command.flags.map((f) => `    ${f}`),
    // An example may set variables first (`JISR_DATA_KEY=… rotate-key`): the command goes after them.
    ...command.examples.map((e) => `  e.g. ${e.replace(/^((?:[A-Z_][A-Z0-9_]*=\S+\s+)*)/, `$1${RUN} `)}`),
  ].join('\n');
}

/** The whole help text, built from the commands so it never drifts from what they accept. */
export function helpText(commands: Command<unknown>[]): string {
  return [
    'Jisr administration commands. They work on the database named by DATABASE_URL.',
    '',
    `Usage: ${RUN} <command> [flags]`,
    '',
    ...commands.flatMap((c) => [commandHelp(c), '']),
    `${RUN} help`,
    '  Shows this text. `<command> --help` shows one command.',
    '',
    'Exit codes: 0 done, 1 refused or failed (the message says why), 2 unknown command.',
  ].join('\n');
}
