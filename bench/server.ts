/**
 * The benchmark's server process: the real app (buildApp) plus the bench-only layers of the case
 * list. Started by bench/run.ts and bench/load.ts as a child process, so load generator and server
 * do not share an event loop. Configured by the environment; prints `listening <port>` when ready.
 *
 *   GET  /bench/l1/cases          L1: the case-list SQL in a bare Fastify route (pg, no session)
 *   GET  /bench-trpc/l2           L2: the same SQL inside a tRPC procedure (no session)
 *   GET  /bench-trpc/l3           L3: the real listCases (session, CASL, Prisma) without its audit event
 *   POST /bench/plain-referral    a plain INSERT of the row referrals.create writes
 *   everything else               the app itself (L4 is /trpc/cases.list)
 */
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import { z } from 'zod';
import { buildApp } from '../src/app.js';
import { createDb } from '../src/db.js';
import { parseKeyring } from '../src/crypto/keyring.js';
import { systemClock } from '../src/lib/clock.js';
import { t } from '../src/trpc/init.js';
import { createContext, cookieName } from '../src/trpc/context.js';
import { resolveSession } from '../src/auth/session.js';
import { defineAbilityFor } from '../src/auth/ability.js';
import { AuditTrail } from '../src/audit/writer.js';
import { ProcedureAudit } from '../src/audit/event.js';
import { AppError } from '../src/errors.js';
import { listCases } from '../src/modules/cases/list.js';
import { ListCasesInput } from '../src/modules/cases/schema.js';
import { toTRPCError } from '../src/trpc/errors.js';
import { PLAIN_REFERRAL_SQL, caseListParams, caseListSql } from './sql.js';
import { BENCH_CONFIG, BENCH_ORIGIN } from './client.js';

const env = process.env;
const url = env.DATABASE_URL!;
const keyring = parseKeyring(env.JISR_DATA_KEY!);
const municipalityId = env.BENCH_MUNICIPALITY!;
const config = BENCH_CONFIG;
const database = createDb({ url, poolMax: Number(env.DB_POOL_MAX ?? 10), statementTimeoutMs: 30_000 });
const { db, pool } = database;

const app = await buildApp({
  db,
  config,
  keyring,
  publicOrigin: BENCH_ORIGIN,
  loginPerMinute: 1_000_000,
  logger: { level: 'error' },
  // web/dist (when built) is served too: Lighthouse scores the pages on this server.
});

const ListQuery = z.object({
  stage: z.string().nullable().default(null),
  userId: z.string().nullable().default(null),
  agencyId: z.string().nullable().default(null),
  cursorAt: z.string().optional(),
  cursorId: z.string().optional(),
});
type ListQuery = z.infer<typeof ListQuery>;

const listRows = async (q: ListQuery) => {
  const cursor = q.cursorAt && q.cursorId ? { at: q.cursorAt, id: q.cursorId } : null;
  const { rows } = await pool.query(
    caseListSql(q),
    caseListParams({ municipalityId, stage: q.stage, userId: q.userId, agencyId: q.agencyId, cursor }),
  );
  return { items: rows.slice(0, 50), more: rows.length > 50 };
};

// L1: the SQL in a bare route.
app.get('/bench/l1/cases', async (req) => listRows(ListQuery.parse(req.query)));

// The plain INSERT of a referral's row (with its concern encrypted, as the app stores it).
app.post('/bench/plain-referral', async (req) => {
  const body = req.body as { personId: string; referrerId: string; concernText: string; justification: string };
  const { rows } = await pool.query(PLAIN_REFERRAL_SQL, [
    municipalityId,
    body.personId,
    body.referrerId,
    keyring.encrypt(body.concernText, 'referral.concern'),
    body.justification,
  ]);
  return rows[0];
});

// L2 and L3 as tRPC procedures, on the app's own tRPC instance (same transformer and error format).
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  return result.ok ? result : { ...result, error: toTRPCError(result.error) };
});
const benchRouter = t.router({
  l2: t.procedure
    .use(mapErrors)
    .input(ListQuery)
    .query(({ input }) => listRows(input)),
  // The real procedure's work (session check, CASL ability, the Prisma query) minus the audit append. Like
  // a signed-in query procedure, it runs on the plain client: a read opens no transaction.
  l3: t.procedure
    .use(mapErrors)
    .input(ListCasesInput)
    .query(async ({ ctx, input }) => {
      const resolved = await resolveSession(ctx.db, ctx.clock, ctx.config.session, ctx.token);
      if (resolved.status !== 'ok') throw new AppError('UNAUTHENTICATED');
      const { user, sessionId, factor } = resolved;
      const ability = defineAbilityFor(user, ctx.clock());
      const base = { municipalityId: user.municipalityId, actorId: user.id, actorRole: user.role, requestId: ctx.requestId, ip: ctx.ip };
      return listCases(
        {
          db: ctx.db,
          ability,
          user,
          sessionId,
          factor,
          audit: new ProcedureAudit(new AuditTrail(base, ctx.clock), 'case.list'),
          clock: ctx.clock,
          config: ctx.config,
          keyring: ctx.keyring,
        },
        input,
      );
    }),
});
const name = cookieName(config);
await app.register(fastifyTRPCPlugin, {
  prefix: '/bench-trpc',
  trpcOptions: {
    router: benchRouter,
    allowBatching: false,
    createContext: ({ req }) =>
      createContext(
        { db, clock: systemClock, config, keyring },
        { requestId: String(req.id), ip: req.ip ?? null, token: req.cookies[name] ?? null },
      ),
  } satisfies FastifyTRPCPluginOptions<typeof benchRouter>['trpcOptions'],
});

await app.listen({ host: '127.0.0.1', port: Number(env.PORT ?? 0) });
const address = app.server.address();
console.log(`listening ${typeof address === 'object' && address ? address.port : ''}`);

const shutdown = async () => {
  await app.close();
  await database.close();
  process.exit(0);
};
process.on('SIGTERM', () => void shutdown());
// The parent holds our stdin: when it goes away (finished, crashed, killed), so do we.
process.stdin.on('close', () => void shutdown());
process.stdin.resume();
process.on('SIGINT', () => void shutdown());
