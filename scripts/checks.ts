/**
 * `npm test`'s checks before Vitest, at the same time instead of one after the other: the web build
 * (ensure-web: only when web/ changed), Biome, and the server's and the web's type checks. Each check's
 * output is printed whole when it ends; the script fails if any check failed, after all have ended, so
 * one run shows every problem. The type checks are incremental: tsc keeps what it learnt in
 * node_modules/.cache/tsc and checks again only what changed since (a fresh clone checks everything).
 */
import { spawn } from 'node:child_process';

interface Check {
  name: string;
  command: string;
  args: string[];
}

const tsc = (project: string, cache: string): Check => ({
  name: `tsc -p ${project}`,
  command: process.execPath,
  args: [
    'node_modules/typescript/bin/tsc',
    '--noEmit',
    '--incremental',
    '--tsBuildInfoFile',
    `node_modules/.cache/tsc/${cache}`,
    '-p',
    project,
  ],
});

const CHECKS: Check[] = [
  { name: 'web build (ensure-web)', command: process.execPath, args: ['--import', 'tsx', 'scripts/ensure-web.ts'] },
  { name: 'biome ci', command: process.execPath, args: ['node_modules/@biomejs/biome/bin/biome', 'ci', '.', '--error-on-warnings'] },
  // The web's program is the larger: it starts first.
  tsc('web/tsconfig.json', 'web.tsbuildinfo'),
  tsc('tsconfig.json', 'server.tsbuildinfo'),
];

function run(check: Check): Promise<{ check: Check; code: number | null; output: string; seconds: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(check.command, check.args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (err) => (output += `${err}\n`));
    child.on('close', (code) => resolve({ check, code, output, seconds: (Date.now() - started) / 1000 }));
  });
}

const results = await Promise.all(
  CHECKS.map(async (check) => {
    const result = await run(check);
    const verdict = result.code === 0 ? 'passed' : `FAILED (exit ${result.code})`;
    console.log(`── ${check.name}: ${verdict} in ${result.seconds.toFixed(1)} s`);
    if (result.output.trim() !== '') console.log(result.output.trimEnd());
    return result;
  }),
);
const failed = results.filter((r) => r.code !== 0).map((r) => r.check.name);
if (failed.length > 0) {
  console.error(`\nChecks failed: ${failed.join(', ')}.`);
  process.exit(1);
}
