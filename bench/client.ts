import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import superjson from 'superjson';
import type { Request } from './measure.js';
import type { AppConfig } from '../src/config.js';

export const BENCH_ORIGIN = 'http://bench.jisr.local';
/** The app's settings in every bench process: sessions that outlive a run, plain HTTP, production errors. */
export const BENCH_CONFIG: AppConfig = { session: { idleMs: 120 * 60_000, absoluteMs: 12 * 3_600_000 }, secureCookies: false };
const root = fileURLToPath(new URL('..', import.meta.url));

export interface BenchServer {
  base: string;
  /** The server's logged errors so far, by kind (what failed requests were). */
  errors(): Record<string, number>;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts bench/server.ts as a child process (the app plus the bench layers) and waits until it listens; `nodeArgs` e.g. `--cpu-prof`. */
export async function startServer(env: {
  url: string;
  keySpec: string;
  municipalityId: string;
  poolMax?: number;
  nodeArgs?: string[];
}): Promise<BenchServer> {
  const child = spawn(process.execPath, [...(env.nodeArgs ?? []), '--import', 'tsx', 'bench/server.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: env.url,
      JISR_DATA_KEY: env.keySpec,
      BENCH_MUNICIPALITY: env.municipalityId,
      DB_POOL_MAX: String(env.poolMax ?? 10),
      PORT: '0',
      NODE_ENV: 'production',
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const errors = new Map<string, number>();
  let pending = '';
  child.stdout!.on('data', (d) => {
    pending += d;
    const lines = pending.split('\n');
    pending = lines.pop()!;
    for (const line of lines) {
      if (!line.startsWith('{')) continue;
      try {
        const entry = JSON.parse(line) as { msg?: string; path?: string; err?: { type?: string; code?: string; at?: string[] } };
        const key = `${entry.msg ?? ''}${entry.path ? ` ${entry.path}` : ''}: ${entry.err?.type ?? ''}${entry.err?.code ? ` ${entry.err.code}` : ''} at ${projectRelative(entry.err?.at?.[0] ?? '?')}`;
        errors.set(key, (errors.get(key) ?? 0) + 1);
      } catch {
        /* not a log line */
      }
    }
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /listening (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`bench server exited (${code}): ${stderr.slice(-2000)}`)));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    errors: () => Object.fromEntries(errors),
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        // A graceful close waits for open requests; a load generator may leave some hanging.
        const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

/** A tRPC query as a GET path. */
export const queryPath = (prefix: string, procedure: string, input: unknown) =>
  `/${prefix}/${procedure}?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;

/** A tRPC mutation as a POST request. */
export const mutation = (procedure: string, input: unknown, cookie?: string): Request => ({
  method: 'POST',
  path: `/trpc/${procedure}`,
  headers: { 'content-type': 'application/json', origin: BENCH_ORIGIN, ...(cookie ? { cookie } : {}) },
  body: JSON.stringify(superjson.serialize(input)),
});

/** Sends one request with fetch; returns status and parsed JSON body. */
export async function send(base: string, r: Request): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await fetch(base + r.path, { method: r.method ?? 'GET', headers: r.headers, body: r.body });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, body, headers: res.headers };
}

/** The `result.data` of a tRPC answer, deserialised. */
export const dataOf = (body: any) => superjson.deserialize(body.result.data);

/** Signs in over HTTP; returns the cookie to send back. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const res = await send(base, mutation('auth.login', { email, password }));
  if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
  const cookie = res.headers.getSetCookie()[0];
  return cookie!.split(';')[0]!;
}

/** Results are committed: a stack location names the file inside the project, never this machine's folders. */
function projectRelative(where: string): string {
  return where.replaceAll(`file://${process.cwd()}/`, '').replaceAll(`${process.cwd()}/`, '');
}
