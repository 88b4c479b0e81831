import type { FastifyInstance } from 'fastify';

const isResponse = (v: unknown): v is Response =>
  typeof v === 'object' && v !== null && Object.prototype.toString.call(v) === '[object Response]';

/**
 * tRPC's adapter answers with a fetch Response, and Fastify streams a Response's body: chunked, with
 * the closing chunk written on its own. Our answers are whole (no subscriptions, no streaming link), so
 * the body is read here and sent in one write with its length, as Fastify sends any other answer: one
 * system call fewer per request (strace on the bench's case list: 5.8 writes a request, then 4.7).
 */
export function sendAnswersWhole(app: FastifyInstance) {
  app.addHook('onSend', async (_req, reply, payload) => {
    if (!isResponse(payload)) return payload;
    reply.code(payload.status);
    for (const [name, value] of payload.headers) reply.header(name, value);
    return payload.body ? Buffer.from(await payload.arrayBuffer()) : null;
  });
}
