import { readEnv } from './env.js';
import { configFromEnv } from './config.js';
import { createDb } from './db.js';
import { migrate } from './migrate.js';
import { buildApp, logSerializers } from './app.js';
import { DEMO_ACCOUNTS, seedDemo } from './seed/demo.js';
import { loadKeyring } from './crypto/load.js';
import { startJobs } from './jobs/runner.js';
import { createShutdown } from './lib/shutdown.js';

const env = readEnv();
const started = Date.now();
const logger = { level: env.LOG_LEVEL, serializers: logSerializers, redact: ['req.headers.cookie', 'req.headers.authorization'] };

// Signals are handled from the first step: a Ctrl-C while the database, the server or the job runner is
// still starting waits for that step, then stops everything started so far (last started, first stopped).
const shutdown = createShutdown({ log: (msg) => console.warn(msg) });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => shutdown.request(signal));

try {
  let url = env.DATABASE_URL;
  if (!url && env.NODE_ENV === 'production') {
    console.error('DATABASE_URL is required in production (the embedded database is for development and demos).');
    process.exit(1);
  }
  const embedded = !url;
  if (!url) {
    // No DATABASE_URL: a local PostgreSQL from node_modules, data kept under .data/ between runs.
    const { startEmbeddedPostgres } = await import('./embedded.js');
    const server = await startEmbeddedPostgres({ dir: `${env.JISR_DATA_DIR}/postgres` });
    shutdown.onStop(() => server.stop());
    shutdown.onForce(() => server.kill());
    url = server.url;
    await shutdown.checkpoint();
  }

  const keyring = await loadKeyring(env.JISR_DATA_KEY, embedded ? `${env.JISR_DATA_DIR}/data-key` : null);
  await migrate(url);
  await shutdown.checkpoint();
  const database = createDb({
    url,
    poolMax: env.DB_POOL_MAX,
    statementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS,
    // While stopping, the database closing its connections is expected.
    onPoolError: (err) => {
      if (!shutdown.requested) console.warn(JSON.stringify({ level: 40, msg: 'database connection lost', err: err.message }));
    },
  });
  shutdown.onStop(() => database.close());
  const seeded = embedded ? await seedDemo(database.db, env.JISR_DEMO_PASSWORD, keyring) : false;
  await shutdown.checkpoint();

  const app = await buildApp({
    db: database.db,
    config: configFromEnv(env),
    keyring,
    publicOrigin: env.PUBLIC_ORIGIN ?? null,
    loginPerMinute: env.LOGIN_RATE_LIMIT_PER_MINUTE,
    trustProxy: env.TRUST_PROXY,
    logger,
  });
  // In-flight requests finish; new ones get 503 while closing.
  shutdown.onStop(() => app.close());
  shutdown.onRequest((signal) => app.log.info({ signal }, 'shutting down'));
  await app.listen({ host: env.HOST, port: env.PORT });
  await shutdown.checkpoint();

  // The reminder sweep (pg-boss on the same PostgreSQL; runs once across replicas). After the banner: it must not slow the start.
  // Its connections dropping while everything stops is expected, not an error to log.
  const jobLog = {
    info: app.log.info.bind(app.log),
    error: (obj: object, msg: string) => {
      if (!shutdown.requested) app.log.error(obj, msg);
    },
  };
  const jobs = env.JOBS === 'on' ? startJobs({ url, db: database.db, log: jobLog }) : null;
  // A runner whose start failed has nothing to stop (the failure itself ends the start, below).
  if (jobs) shutdown.onStop(() => jobs.then((running) => running.stop(), () => undefined));

  const where = `http://${env.HOST === '0.0.0.0' ? '127.0.0.1' : env.HOST}:${env.PORT}`;
  if (embedded) {
    const demo = DEMO_ACCOUNTS.map((a) => `    ${a.email.padEnd(32)} ${a.role}`).join('\n');
    console.log(
      `\nJisr is running at ${where}  (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)\n` +
        `Embedded PostgreSQL, data in ${env.JISR_DATA_DIR}/postgres${seeded ? ' (demo data created)' : ''}.\n` +
        `Sign in with one of these, password "${env.JISR_DEMO_PASSWORD}" (set JISR_DEMO_PASSWORD to change it for a new database):\n${demo}\n` +
        `Ctrl-C stops the app and the database.\n`,
    );
  }
  await jobs;
  shutdown.ready();
} catch (err) {
  // A signal already delivered (a terminal's Ctrl-C, which may also have made this step fail) is handled
  // first, one turn of the event loop; then a failed start stops what it had started (the embedded database above all).
  await new Promise((turn) => setImmediate(turn));
  await shutdown.fail(err);
}
