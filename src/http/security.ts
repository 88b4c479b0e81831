import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import superjson from 'superjson';
import { ERROR_TABLE, type AppErrorCode } from '../errors.js';

/** An error body in the shape the tRPC client reads, for refusals made before tRPC runs. */
export function trpcErrorBody(appCode: AppErrorCode, httpStatus: number) {
  const shape = {
    message: appCode,
    code: -32000,
    data: { code: ERROR_TABLE[appCode], httpStatus, appCode, fields: null, info: null },
  };
  return { error: superjson.serialize(shape) };
}

function refuse(reply: FastifyReply, appCode: AppErrorCode, status: number) {
  return reply.code(status).header('cache-control', 'no-store').send(trpcErrorBody(appCode, status));
}

const isLogin = (req: FastifyRequest) => req.method === 'POST' && /^\/trpc\/[^?]*\bauth\.login\b/.test(req.url);

export interface SecurityOptions {
  /** Where browsers load the app from; mutations must come with this Origin. Null: the request's own host. */
  publicOrigin: string | null;
  loginPerMinute: number;
}

/**
 * Headers on every response, CSRF refusal for /trpc, the per-IP sign-in limit.
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
    allowList: (req) => !isLogin(req),
    keyGenerator: (req) => req.ip,
    errorResponseBuilder: (_req, ctx) => ({ statusCode: ctx.statusCode, ...trpcErrorBody('RATE_LIMITED', ctx.statusCode) }),
  });

  app.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith('/trpc')) return;
    reply.header('cache-control', 'no-store');
    if (req.method === 'GET' || req.method === 'HEAD') return;
    if (req.method !== 'POST') return refuse(reply, 'CSRF_REJECTED', 405);
    const type = req.headers['content-type'] ?? '';
    if (!/^application\/json\s*(;|$)/i.test(type)) return refuse(reply, 'CSRF_REJECTED', 415);
    const expected = opts.publicOrigin ?? `${req.protocol}://${req.headers.host ?? ''}`;
    if (req.headers.origin !== expected) return refuse(reply, 'CSRF_REJECTED', 403);
  });
}
