import { readEnv } from './env.js';
import { configFromEnv } from './config.js';
import { createDb } from './db.js';
import { migrate } from './migrate.js';
import { buildApp, logSerializers } from './app.js';
import { DEMO_ACCOUNTS, seedDemo } from './seed/demo.js';
import { loadKeyring } from './crypto/load.js';
import { reminderJob, startJobs, type Job } from './jobs/runner.js';
import { createShutdown, StartRefused } from './lib/shutdown.js';
import { unsafeRuntimeRole } from './lib/db-roles.js';
import { loadSigner } from './audit/signing.js';
import { checkpointJob } from './jobs/checkpoints.js';
import { flagRulesJob } from './jobs/flag-rules.js';
import { nameKeysJob } from './jobs/name-keys.js';
import { recordKeysJob } from './jobs/record-keys.js';
import { retentionJob } from './jobs/retention.js';
import { alertsJob } from './jobs/alerts.js';
import { emailChannel } from './modules/alerts/channel.js';
import { startLinkTimer } from './audit/chainer.js';
import { watchParent } from './lib/parent.js';

const env = readEnv();
const started = Date.now();
const logger = { level: env.LOG_LEVEL, serializers: logSerializers, redact: ['req.headers.cookie', 'req.headers.authorization'] };

// Signals are handled from the first step: a Ctrl-C while the database, the server or the job runner is
// still starting waits for that step, then stops everything started so far (last started, first stopped).
const shutdown = createShutdown({ log: (msg) => console.warn(msg) });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => shutdown.request(signal));
// Under npm start: an app whose npm (or its shell) is gone would go on serving with nobody to stop it.
if (env.JISR_STOP_WITH)
  watchParent(env.JISR_STOP_WITH, () => {
    if (shutdown.requested) return;
    console.warn(`The process that started Jisr (pid ${env.JISR_STOP_WITH}) is gone: stopping.`);
    shutdown.request('SIGTERM');
  });

try {
  let url = env.DATABASE_URL;
  if (!url && env.NODE_ENV === 'production') {
    console.error('DATABASE_URL is required in production (the embedded database is for development and demos).');
    process.exit(1);
  }
  const embedded = !url;
  let migrationUrl = env.MIGRATION_DATABASE_URL ?? url;
  if (!url) {
    // No DATABASE_URL: a local PostgreSQL from node_modules, data kept under .data/ between runs.
    const { startEmbeddedPostgres, embeddedRoles } = await import('./embedded.js');
    const server = await startEmbeddedPostgres({ dir: `${env.JISR_DATA_DIR}/postgres` });
    shutdown.onStop(() => server.stop());
    shutdown.onForce(() => server.kill());
    // The app cannot serve without it: stop with a clear word (exit 1), so whatever supervises the app restarts both.
    server.onUnexpectedExit((words) =>
      setImmediate(() => {
        if (shutdown.requested) return; // a terminal's Ctrl-C reached PostgreSQL first
        void shutdown.fail(
          new StartRefused(
            `The embedded PostgreSQL stopped unexpectedly, so Jisr stops too; start it again with npm start. PostgreSQL said:\n  ${words}`,
          ),
        );
      }),
    );
    await shutdown.checkpoint();
    // Two roles, as in production: migrations as the owner, the server as a role that owns nothing.
    const roles = await embeddedRoles(server);
    url = roles.runtimeUrl;
    migrationUrl = roles.ownerUrl;
    await shutdown.checkpoint();
  }

  const keyring = await loadKeyring(env.JISR_DATA_KEY, embedded ? `${env.JISR_DATA_DIR}/data-key` : null);
  const signer = await loadSigner(env.AUDIT_SIGNING_KEY, embedded ? `${env.JISR_DATA_DIR}/audit-signing-key` : null);
  const checkpointDir = env.AUDIT_CHECKPOINT_DIR ?? `${env.JISR_DATA_DIR}/checkpoints`;
  if (!signer) console.warn('AUDIT_SIGNING_KEY is not set: the audit log is not anchored outside the database (see README: Production).');
  await migrate(migrationUrl!);
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
  if (env.NODE_ENV === 'production') {
    const unsafe = await unsafeRuntimeRole(database.pool);
    if (unsafe) {
      throw new StartRefused(
        `Refusing to start: ${unsafe}, so it could rewrite the audit log. ` +
          'Set DATABASE_URL to a role that is a member of jisr_app and owns nothing, ' +
          'and MIGRATION_DATABASE_URL to the owner (README: Production).',
      );
    }
  }
  const seeded = embedded ? await seedDemo(database.db, env.JISR_DEMO_PASSWORD, keyring) : false;
  await shutdown.checkpoint();

  const anchoring = signer ? { signer, dir: checkpointDir, everyMs: env.AUDIT_CHECKPOINT_MINUTES * 60_000 } : null;
  const app = await buildApp({
    db: database.db,
    anchoring,
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

  // The reminder sweep, the audit checkpoints and the flag rules: timers on every replica, one replica at a time per job
  // (an advisory lock). Their connections dropping while everything stops is expected, not an error to log.
  const jobLog = {
    info: app.log.info.bind(app.log),
    error: (obj: object, msg: string) => {
      if (!shutdown.requested) app.log.error(obj, msg);
    },
  };
  if (env.JOBS === 'on') {
    const list: Job[] = [reminderJob(database.db)];
    if (anchoring) list.push(checkpointJob(database.db, { ...anchoring, url: env.AUDIT_CHECKPOINT_URL }));
    list.push(flagRulesJob(database.db, { anchoring }));
    list.push(nameKeysJob(database.db));
    list.push(recordKeysJob(database.db, keyring));
    list.push(retentionJob(database.db));
    // Alerts are queued whether or not a mail server is set; with none they stay in the app.
    const channel = env.JISR_SMTP_URL ? emailChannel(env.JISR_SMTP_URL, env.JISR_MAIL_FROM) : null;
    const host = env.HOST === '0.0.0.0' ? '127.0.0.1' : env.HOST;
    list.push(alertsJob(database.db, { channel, origin: env.PUBLIC_ORIGIN ?? `http://${host}:${env.PORT}` }));
    const jobs = startJobs({ url, jobs: list, log: jobLog });
    shutdown.onStop(() => jobs.stop());
    // What jobs and the command line staged is linked within seconds even when no request comes.
    const stopLinking = startLinkTimer(database.db);
    shutdown.onStop(async () => stopLinking());
  }

  const where = `http://${env.HOST === '0.0.0.0' ? '127.0.0.1' : env.HOST}:${env.PORT}`;
  if (embedded) {
    const demo = DEMO_ACCOUNTS.map((a) => `    ${a.email.padEnd(32)} ${a.role}`).join('\n');
    console.log(
      `\nJisr is running at ${where}  (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)\n` +
        `Embedded PostgreSQL, data in ${env.JISR_DATA_DIR}/postgres${seeded ? ' (demo data created)' : ''}.\n` +
        `Sign in with one of these, password "${env.JISR_DEMO_PASSWORD}" ` +
        `(set JISR_DEMO_PASSWORD to change it for a new database):\n${demo}\n` +
        `Ctrl-C stops the app and the database.\n`,
    );
  }
  shutdown.ready();
} catch (err) {
  // A signal already delivered (a terminal's Ctrl-C, which may also have made this step fail) is handled
  // first, one turn of the event loop; then a failed start stops what it had started (the embedded database above all).
  await new Promise((turn) => setImmediate(turn));
  await shutdown.fail(err);
}
