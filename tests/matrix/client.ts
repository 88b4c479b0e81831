import superjson from 'superjson';
import { appRouter } from '../../src/trpc/router.js';
import { ORIGIN, type makeTestApp } from '../helpers/http.js';
import type { Outcome } from './matrix.js';

type App = Awaited<ReturnType<typeof makeTestApp>>['app'];
type Procedure = { _def: { type: 'query' | 'mutation' | 'subscription'; meta?: { action?: string } } };

/** Every procedure of the app router by its dotted path, as tRPC records them. */
export const PROCEDURES = (appRouter as unknown as { _def: { procedures: Record<string, Procedure> } })._def.procedures;

/** A tRPC call over HTTP as the web client makes it (superjson, so dates travel as dates), from `ip`. */
export function call(app: App, path: string, input: unknown, cookie: string | null, ip = '203.0.113.77') {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  const body = JSON.stringify(superjson.serialize(input));
  if (PROCEDURES[path]!._def.type === 'query') {
    const q = input === undefined ? '' : `?input=${encodeURIComponent(body)}`;
    return app.inject({ method: 'GET', url: `/trpc/${path}${q}`, headers, remoteAddress: ip });
  }
  const post = { ...headers, 'content-type': 'application/json', origin: ORIGIN };
  return app.inject({ method: 'POST', url: `/trpc/${path}`, headers: post, payload: body, remoteAddress: ip });
}

/** The data of a successful answer, decoded (dates as dates); throws with the body otherwise. */
export function dataOf<T = any>(res: { statusCode: number; body: string }): T {
  if (res.statusCode !== 200) throw new Error(`expected 200, got ${res.statusCode}: ${res.body.slice(0, 200)}`);
  return superjson.deserialize(JSON.parse(res.body).result.data) as T;
}

/** What the answer means for access; anything else (a bad input, a conflict) names its code. */
export function outcomeOf(res: { statusCode: number; body: string }): Outcome | string {
  if (res.statusCode === 200) return 'allowed';
  const code = JSON.parse(res.body).error?.json?.data?.appCode as string | undefined;
  if (code === 'NOT_FOUND' || code === 'FORBIDDEN') return code;
  if (code === 'UNAUTHENTICATED' || code === 'SESSION_EXPIRED') return 'UNAUTHORIZED';
  return `${res.statusCode} ${code ?? res.body.slice(0, 80)}`;
}
