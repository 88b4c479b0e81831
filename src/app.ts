import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import type { Db } from './db.js';
import type { Keyring } from './crypto/keyring.js';
import type { Anchoring } from './audit/checkpoints.js';
import { systemClock, type Clock } from './lib/clock.js';
import type { AppConfig } from './config.js';
import { cookieName, createContext } from './trpc/context.js';
import { appRouter, type AppRouter } from './trpc/router.js';
import { registerSecurity } from './http/security.js';
import { refuseInvalidUtf8 } from './http/utf8.js';
import { sendAnswersWhole } from './http/whole-answer.js';

export interface BuildAppOptions {
  db: Db;
  config: AppConfig;
  keyring: Keyring;
  anchoring?: Anchoring | null;
  clock?: Clock;
  publicOrigin?: string | null;
  loginPerMinute?: number;
  /** Proxies whose X-Forwarded-For is believed: a hop count or their addresses. Never "everyone". */
  trustProxy?: false | number | string;
  logger?: FastifyServerOptions['logger'];
  /** The built web app; defaults to web/dist. */
  webRoot?: string;
}

const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../web/dist/', import.meta.url));

/** Log lines carry the request id, method and path: never query strings, bodies, cookies or tokens. */
export const logSerializers = {
  req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
};

/**
 * What an internal error may put in the log: its kind, code and where it was thrown. Not its message:
 * database errors quote the values they choked on, and those can be names or contact details.
 */
export function safeError(err: unknown) {
  const e = err as { name?: string; code?: string; stack?: string };
  return {
    type: e?.name ?? typeof err,
    code: e?.code,
    at: e?.stack
      ?.split('\n')
      .slice(1, 6)
      .map((l) => l.trim()),
  };
}

/** A hop count as proxy-addr's trust function (the n nearest hops); addresses and `false` pass through. */
function trustFunction(trust: false | number | string) {
  return typeof trust === 'number' ? (_addr: string, hop: number) => hop < trust : trust;
}

/** Builds the whole HTTP app: security, tRPC at /trpc, /healthz, and the web build. Listens nowhere. */
export async function buildApp(opts: BuildAppOptions) {
  const clock = opts.clock ?? systemClock;
  const app = Fastify({
    logger: opts.logger ?? false,
    genReqId: () => randomUUID(),
    trustProxy: trustFunction(opts.trustProxy ?? false),
    bodyLimit: 1_048_576,
    routerOptions: { maxParamLength: 200 },
  });

  app.setErrorHandler((err: { statusCode?: number; body?: unknown }, req, reply) => {
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (err.body && status < 500) return reply.code(status).send(err.body);
    if (status >= 500) req.log.error({ err: safeError(err) }, 'request failed');
    // A 5xx never shows its internals; a 4xx shows only its status.
    return reply.code(status).send({ error: status >= 500 ? 'internal' : 'bad_request' });
  });

  await registerSecurity(app, { publicOrigin: opts.publicOrigin ?? null, loginPerMinute: opts.loginPerMinute ?? 20 });
  refuseInvalidUtf8(app);
  sendAnswersWhole(app);
  await app.register(cookie);

  app.get('/healthz', async (_req, reply) => {
    try {
      await opts.db.$queryRaw`SELECT 1`;
      return { status: 'ok' };
    } catch {
      return reply.code(503).send({ status: 'unavailable' });
    }
  });

  const name = cookieName(opts.config);
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: opts.config.secureCookies };
  await app.register(fastifyTRPCPlugin, {
    prefix: '/trpc',
    trpcOptions: {
      router: appRouter,
      // One procedure per request: a batch would let one request carry hundreds of password guesses
      // or hold many transactions at once. The web client does not batch.
      allowBatching: false,
      createContext: ({ req }) => {
        const outgoing: string[] = [];
        return {
          ...createContext(
            { db: opts.db, clock, config: opts.config, keyring: opts.keyring, anchoring: opts.anchoring ?? null },
            {
              requestId: String(req.id),
              ip: req.ip ?? null,
              userAgent: req.headers['user-agent'] ?? null,
              token: req.cookies[name] ?? null,
              idempotencyKey: typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'] : null,
              setSessionCookie: (token) => void outgoing.push(app.serializeCookie(name, token, cookieOptions)),
              clearSessionCookie: () =>
                void outgoing.push(app.serializeCookie(name, '', { ...cookieOptions, maxAge: 0, expires: new Date(0) })),
            },
          ),
          outgoing,
        };
      },
      // The adapter answers with a fetch Response, so cookies travel through responseMeta.
      responseMeta: ({ ctx }) => {
        const outgoing = (ctx as { outgoing?: string[] } | undefined)?.outgoing;
        return outgoing?.length ? { headers: { 'set-cookie': outgoing } } : {};
      },
      onError: ({ error, path, req }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR') req.log.error({ err: safeError(error.cause ?? error), path }, 'procedure failed');
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
  });

  const webRoot = opts.webRoot ?? DEFAULT_WEB_ROOT;
  if (existsSync(webRoot)) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: 'index.html',
      // The build writes .br and .gz beside each asset: sent as they are to a browser that takes them.
      preCompressed: true,
      // …and only that way: the siblings get no route of their own.
      globIgnore: ['**/*.br', '**/*.gz'],
      // Built assets carry a content hash in their name and never change; the page itself is asked for anew.
      setHeaders: (reply, path) =>
        void reply.header(
          'cache-control',
          relative(webRoot, path).startsWith(`assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        ),
    });
    // Client-side routes (/admin/users, /audit, ...) get the app's page.
    app.setNotFoundHandler((req, reply) => {
      if (req.method === 'GET' && !req.url.startsWith('/trpc') && !req.url.includes('.')) return reply.sendFile('index.html');
      return reply.code(404).send({ error: 'not_found' });
    });
  }

  return app;
}
