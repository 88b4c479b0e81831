import type { Command } from './command.js';

const RUN = 'npm run jisr --';

/** The usage of one command: what it does, its flags and an example or two. */
export function commandHelp(command: Command<unknown>): string {
  return [
    `${RUN} ${command.name} ${command.usage}`.trimEnd(),
    `  ${command.summary}`,
    ...command.flags.map((f) => `    ${f}`),
    ...command.examples.map((e) => `  e.g. ${RUN} ${e}`),
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
