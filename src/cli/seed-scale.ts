import pg from 'pg';
import { z } from 'zod';
import type { Db } from '../db.js';
import { readEnv } from '../env.js';
import { parseKeyring } from '../crypto/keyring.js';
import { hashPassword } from '../auth/password.js';
import { SCALE_PASSWORD, planMunicipalities, scaleAccounts, seedScale } from '../seed/scale/seed.js';
import { CliError, parseFlags, type Command, type Out } from './command.js';

const count = (max: number) =>
  z
    .string({ error: 'is required' })
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().max(max, `must be at most ${max}`));

const SeedScaleFlags = z.object({
  people: count(20_000_000),
  cases: count(5_000_000),
  audit: count(50_000_000),
  municipalities: z.coerce.number().int().min(1).max(99).default(1),
  seed: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 31)
    .default(1),
});

export type SeedScaleInput = z.output<typeof SeedScaleFlags>;

async function run(_db: Db, input: SeedScaleInput, out: Out, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { DATABASE_URL: url, JISR_DATA_KEY: key } = readEnv(env);
  if (!key)
    throw new CliError(
      "JISR_DATA_KEY is required: notes, concerns and summaries are encrypted with the app's key (see README: Configuration).",
    );
  const keyring = parseKeyring(key);
  const pool = new pg.Pool({ connectionString: url, max: 3 });
  try {
    const plan = planMunicipalities(input);
    const { rows } = await pool.query('SELECT name FROM municipality WHERE id = ANY($1::uuid[]) OR code = ANY($2)', [
      plan.map((m) => m.id),
      plan.map((m) => m.code),
    ]);
    if (rows.length > 0)
      throw new CliError(`Scale data of seed ${input.seed} is already here (${rows[0].name}). Use another --seed or an empty database.`);
    out.log(
      `Seeding ${input.people} people, ${input.cases} cases, ${input.audit} audit events ` +
        `in ${input.municipalities} municipalit${input.municipalities === 1 ? 'y' : 'ies'} (seed ${input.seed})…`,
    );
    const result = await seedScale(pool, keyring, { ...input, passwordHash: await hashPassword(SCALE_PASSWORD) }, (line) => out.log(line));
    out.log(`Loaded in ${result.seconds.toFixed(1)} s:`);
    for (const [table, n] of Object.entries(result.counts)) out.log(`  ${table.padEnd(18)} ${String(n).padStart(10)}`);
    const accounts = scaleAccounts(0);
    out.log(
      `Accounts (password "${SCALE_PASSWORD}", synthetic): ` +
        `${accounts.coordinator}, ${accounts.practitioner}, ${accounts.socialWorker}, ${accounts.auditor}`,
    );
    out.log(`Content hash: ${result.hash}`);
    return 0;
  } finally {
    await pool.end();
  }
}

export const seedScaleCommand: Command<SeedScaleInput> = {
  name: 'seed-scale',
  usage: '--people N --cases N --audit N [--municipalities M] [--seed S]',
  summary: 'Fills the database with deterministic synthetic data for benchmarks (same seed, same content hash).',
  flags: [
    '--people N           people (Arabic and Latin names with spelling variants, households)',
    '--cases N            cases in every stage, with notes, disclosures and interventions (referrals: a quarter more)',
    '--audit N            audit events, hash-chained per municipality (verify-audit passes)',
    '--municipalities M   spread over M municipalities, the first holding half (default 1)',
    '--seed S             the random seed (default 1)',
  ],
  examples: [
    'seed-scale --people 1000000 --cases 100000 --audit 1000000',
    'seed-scale --people 10000 --cases 1000 --audit 10000 --municipalities 3 --seed 7',
  ],
  migrates: true,
  asOwner: true,
  parse: (argv) =>
    parseFlags(
      argv,
      {
        people: { type: 'string' },
        cases: { type: 'string' },
        audit: { type: 'string' },
        municipalities: { type: 'string' },
        seed: { type: 'string' },
      },
      SeedScaleFlags,
    ),
  run,
};
