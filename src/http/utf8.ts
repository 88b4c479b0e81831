import { Transform } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { trpcErrorBody } from './security.js';

/** Thrown through Fastify's body reader to the app's error handler, which sends `body` as it is. */
const invalidUtf8 = () => Object.assign(new Error('BAD_INPUT'), { statusCode: 400, body: trpcErrorBody('BAD_INPUT', 400) });

/**
 * Refuses a request body that is not valid UTF-8 with 400 BAD_INPUT, before anything reads it. Fastify
 * (and the tRPC plugin's own JSON parser) decode bodies leniently, so a broken byte became U+FFFD and was
 * stored as if someone had typed it. The bytes pass through unchanged; a fatal decoder in streaming mode
 * checks them on the way, so a character split across chunks is fine and the body limit still applies.
 */
export function refuseInvalidUtf8(app: FastifyInstance) {
  app.addHook('preParsing', async (req, _reply, payload) => {
    if (req.method === 'GET' || req.method === 'HEAD') return payload;
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let received = 0;
    const checked = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        received += chunk.length;
        (checked as Transform & { receivedEncodedLength?: number }).receivedEncodedLength = received;
        try {
          decoder.decode(chunk, { stream: true });
          done(null, chunk);
        } catch {
          done(invalidUtf8());
        }
      },
      flush(done) {
        try {
          decoder.decode(); // a sequence cut off at the very end
          done();
        } catch {
          done(invalidUtf8());
        }
      },
    });
    payload.on('error', (err) => checked.destroy(err));
    return payload.pipe(checked);
  });
}
