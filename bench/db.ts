import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { migrate } from '../src/migrate.js';
import { parentOf } from './cpu.js';
import { loadKeyring } from '../src/crypto/load.js';
import type { Keyring } from '../src/crypto/keyring.js';
import { hashPassword } from '../src/auth/password.js';
import { SCALE_PASSWORD, planMunicipalities, seedScale, type ScaleMunicipality } from '../src/seed/scale/seed.js';

export interface Sizes {
  people: number;
  cases: number;
  audit: number;
  municipalities: number;
  seed: number;
}

export const FULL: Sizes = { people: 1_000_000, cases: 100_000, audit: 1_000_000, municipalities: 1, seed: 1 };
export const QUICK: Sizes = { people: 1_000, cases: 200, audit: 1_000, municipalities: 2, seed: 1 };

export interface BenchDatabase {
  url: string;
  keyring: Keyring;
  keySpec: string;
  town: ScaleMunicipality;
  /** The embedded server's postmaster (for the CPU figures, bench/cpu.ts); null for a DATABASE_URL. */
  postmasterPid: number | null;
  /** Whether this run loaded the data (and how long it took) or found it. */
  loaded: { seconds: number; hash: string } | null;
  stop(): Promise<void>;
}

/** The large bench server's shared buffers: all the scale data's hot indexes and tables fit. */
const LARGE_SHARED_BUFFERS = '2GB';

const dbName = (s: Sizes) => `jisr_bench_p${s.people}_c${s.cases}_a${s.audit}_m${s.municipalities}_s${s.seed}`;

/**
 * The benchmark's database: DATABASE_URL (with JISR_DATA_KEY) when given, else a database named
 * after the sizes on an embedded PostgreSQL under `<data dir>/bench` (one server for large data, one for
 * small, so a quick run can go while a large load is running; kept between runs, so the
 * scale data loads once). Loads the scale data when it is absent.
 */
export async function openBenchDatabase(
  sizes: Sizes,
  opts: { url?: string; keySpec?: string; dataDir: string; log: (l: string) => void },
): Promise<BenchDatabase> {
  let url = opts.url;
  let adminUrl: string | null = null;
  let stop = async (): Promise<void> => undefined;
  if (!url) {
    const { startEmbeddedPostgres } = await import('../src/embedded.js');
    const large = sizes.people >= 100_000;
    // PostgreSQL's default 128 MB of shared buffers is for tiny installs: at 1M people the hot indexes (the
    // audit trail's six among them) did not fit, and pages came back from the OS cache, or from disk
    // once the OS had reclaimed it, which made the figures vary from run to run. A small server is given more.
    const embedded = await startEmbeddedPostgres({
      dir: `${opts.dataDir}/bench/${large ? 'postgres' : 'postgres-small'}`,
      database: dbName(sizes),
      settings: { ...(large ? { shared_buffers: LARGE_SHARED_BUFFERS } : {}), ...JSON.parse(process.env.BENCH_PG_SETTINGS ?? '{}') },
    });
    url = embedded.url;
    adminUrl = embedded.adminUrl;
    stop = () => embedded.stop();
  }
  try {
    const keyFile = `${opts.dataDir}/bench/data-key`;
    const keyring = await loadKeyring(opts.keySpec, opts.keySpec ? null : keyFile);
    const keySpec = opts.keySpec ?? (await readFile(keyFile, 'utf8')).trim();
    const plan = planMunicipalities(sizes);
    const last = plan.at(-1)!;
    try {
      await migrate(url);
    } catch (error) {
      // Our own throwaway database, made under a migration that was edited before it landed: load it again.
      if (!adminUrl || !/was changed after it was applied/.test(String(error))) throw error;
      opts.log(`${(error as Error).message}; recreating the benchmark database.`);
      await recreate(adminUrl, dbName(sizes));
      await migrate(url);
    }
    let state = await scaleState(
      url,
      plan.map((m) => m.id),
      last,
    );
    if (state === 'partial' && adminUrl) {
      // Our own database on the embedded server: an interrupted load is simply started again.
      opts.log('Found an interrupted load; recreating the benchmark database.');
      await recreate(adminUrl, dbName(sizes));
      await migrate(url);
      state = 'absent';
    }
    if (state === 'partial') throw new Error('The database holds incomplete scale data (an interrupted load?). Give an empty database.');
    let loaded: BenchDatabase['loaded'] = null;
    if (state === 'absent') {
      opts.log(`Loading scale data: ${sizes.people} people, ${sizes.cases} cases, ${sizes.audit} audit events…`);
      const pool = new pg.Pool({ connectionString: url, max: 3 });
      try {
        const result = await seedScale(pool, keyring, { ...sizes, passwordHash: await hashPassword(SCALE_PASSWORD) }, opts.log);
        loaded = { seconds: result.seconds, hash: result.hash };
        opts.log(`Loaded in ${result.seconds.toFixed(1)} s; content hash ${result.hash}`);
      } finally {
        await pool.end();
      }
    }
    return { url, keyring, keySpec, town: plan[0]!, loaded, stop, postmasterPid: adminUrl ? await postmasterOf(url) : null };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** The postmaster of a server on this machine: a backend's parent. */
async function postmasterOf(url: string): Promise<number | null> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT pg_backend_pid() AS pid');
    return parentOf(rows[0].pid);
  } finally {
    await client.end();
  }
}

/** Complete when the last municipality's chain head (written last) is there. */
async function scaleState(url: string, ids: string[], last: ScaleMunicipality): Promise<'absent' | 'partial' | 'complete'> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT count(*)::int AS n FROM municipality WHERE id = ANY($1::uuid[])', [ids]);
    if (rows[0].n === 0) return 'absent';
    const head = await client.query('SELECT seq FROM audit_chain_head WHERE chain = $1', [last.id]);
    const people = await client.query('SELECT count(*)::int AS n FROM person WHERE municipality_id = $1', [last.id]);
    // Benchmarks add audit events (and the app may add people): at least what the seed wrote means complete.
    return (last.audit === 0 || (head.rows[0]?.seq ?? 0) >= last.audit) && people.rows[0].n >= last.people ? 'complete' : 'partial';
  } finally {
    await client.end();
  }
}

async function recreate(adminUrl: string, name: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}
