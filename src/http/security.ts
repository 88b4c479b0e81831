import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { serialize } from '../lib/wire.js';
import { ERROR_TABLE, type AppErrorCode } from '../errors.js';

/** An error body in the shape the tRPC client reads, for refusals made before tRPC runs. */
export function trpcErrorBody(appCode: AppErrorCode, httpStatus: number) {
  const shape = {
    message: appCode,
    code: -32000,
    data: { code: ERROR_TABLE[appCode], httpStatus, appCode, fields: null, info: null },
  };
  return { error: serialize(shape) };
}

function refuse(reply: FastifyReply, appCode: AppErrorCode, status: number) {
  return reply.code(status).header('cache-control', 'no-store').send(trpcErrorBody(appCode, status));
}

/**
 * The procedures a request calls, read from the route Fastify matched (so `/%74rpc/auth%2Elogin`
 * cannot dodge a check that a raw-URL test would miss). Empty for anything that is not tRPC.
 */
function proceduresOf(req: FastifyRequest): string[] {
  if (req.routeOptions.url !== '/trpc/:path') return [];
  return String((req.params as { path?: string }).path ?? '').split(',');
}

const isTrpc = (req: FastifyRequest) => req.routeOptions.url === '/trpc/:path';

// Both check a password: each guess counts against the caller's IP.
const GUESSES = new Set(['auth.login', 'auth.changePassword']);
const isPasswordGuess = (req: FastifyRequest) => req.method === 'POST' && proceduresOf(req).some((p) => GUESSES.has(p));

export interface SecurityOptions {
  /** Where browsers load the app from; mutations must come with this Origin. Null: the request's own host. */
  publicOrigin: string | null;
  loginPerMinute: number;
}

/**
 * Headers on every response, CSRF refusal for /trpc, the per-IP limit on password guesses.
 * Mutations must be POST with a JSON body and a matching Origin; GET never changes state
 * (tRPC refuses mutations over GET).
 */
export async function registerSecurity(app: FastifyInstance, opts: SecurityOptions) {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
    crossOriginEmbedderPolicy: false,
  });

  await app.register(rateLimit, {
    global: true,
    max: opts.loginPerMinute,
    timeWindow: 60_000,
    allowList: (req) => !isPasswordGuess(req),
    keyGenerator: (req) => req.ip,
    // Thrown to the app's error handler, which sends `body` as it is.
    errorResponseBuilder: (_req, ctx) =>
      Object.assign(new Error('RATE_LIMITED'), { statusCode: ctx.statusCode, body: trpcErrorBody('RATE_LIMITED', ctx.statusCode) }),
  });

  app.addHook('onRequest', async (req, reply) => {
    if (!isTrpc(req)) return;
    reply.header('cache-control', 'no-store');
    if (req.method === 'GET' || req.method === 'HEAD') return;
    if (req.method !== 'POST') return refuse(reply, 'CSRF_REJECTED', 405);
    const type = req.headers['content-type'] ?? '';
    if (!/^application\/json\s*(;|$)/i.test(type)) return refuse(reply, 'CSRF_REJECTED', 415);
    const expected = opts.publicOrigin ?? `${req.protocol}://${req.headers.host ?? ''}`;
    if (req.headers.origin !== expected) return refuse(reply, 'CSRF_REJECTED', 403);
  });
}
