import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import superjson from 'superjson';
import { freePort } from '../../src/embedded.js';
import { TEST_KEY_SPEC } from '../helpers/callers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const live = new Set<ChildProcess>();
// Whatever happens to the test worker, no server outlives it.
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/** Polls `check` until it returns a value other than undefined, or fails after `ms`. */
export async function until<T>(what: string, ms: number, check: () => Promise<T | undefined> | T | undefined, everyMs = 25): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((ok) => setTimeout(ok, everyMs));
  }
}

export interface ServerProcess {
  origin: string;
  child: ChildProcess;
  /** What the process printed so far (stdout and stderr). */
  output(): string;
  /** Resolves with the exit code or signal once the process is gone. */
  exited: Promise<number | string | null>;
  kill(signal: NodeJS.Signals): Promise<number | string | null>;
}

/**
 * Starts the real server (`node --import tsx src/main.ts`) on a free port against `databaseUrl`, as a
 * deployment would (production mode, a data key, its own origin), and waits until /healthz says 200.
 */
export async function startServer(databaseUrl: string, env: Record<string, string> = {}, port?: number): Promise<ServerProcess> {
  const p = port ?? (await freePort());
  const origin = `http://127.0.0.1:${p}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      JISR_DATA_KEY: TEST_KEY_SPEC,
      HOST: '127.0.0.1',
      PORT: String(p),
      PUBLIC_ORIGIN: origin,
      LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += String(d)));
  child.stderr!.on('data', (d) => (output += String(d)));
  const exited = new Promise<number | string | null>((ok) =>
    child.once('exit', (code, signal) => {
      live.delete(child);
      ok(code ?? signal);
    }),
  );
  const server: ServerProcess = {
    origin,
    child,
    output: () => output,
    exited,
    kill: (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
  try {
    await until('the server to answer /healthz', 120_000, async () => {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`server exited (${child.exitCode ?? child.signalCode}):\n${output}`);
      const res = await fetch(`${origin}/healthz`).catch(() => null);
      return res?.status === 200 ? true : undefined;
    });
  } catch (err) {
    await server.kill('SIGKILL');
    throw new Error(`${(err as Error).message}\n${output}`);
  }
  return server;
}

/** Kills every server this file started that is still running. For afterAll. */
export async function killAll() {
  await Promise.all([...live].map((child) => new Promise((ok) => (child.once('exit', ok), child.kill('SIGKILL')))));
}

export interface Answer {
  status: number;
  /** The procedure's result (deserialised), or undefined on an error. */
  data: any;
  /** The app error code on an error. */
  appCode?: string;
  body: string;
}

async function answer(res: Response): Promise<Answer> {
  const body = await res.text();
  let parsed: any = null;
  try {
    parsed = JSON.parse(body);
  } catch {
    // not JSON: keep the text
  }
  const data = parsed?.result?.data ? superjson.deserialize(parsed.result.data) : undefined;
  const appCode = parsed?.error?.json?.data?.appCode;
  return { status: res.status, data, appCode, body };
}

/** A browser-like client of one server: the session cookie, the Origin and JSON on mutations. */
export class Client {
  cookie = '';
  constructor(readonly origin: string) {}

  async mutate(path: string, input: unknown, signal?: AbortSignal): Promise<Answer> {
    const res = await fetch(`${this.origin}/trpc/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: this.origin, ...(this.cookie ? { cookie: this.cookie } : {}) },
      body: JSON.stringify(superjson.serialize(input)),
      signal,
    });
    const set = res.headers.getSetCookie();
    if (set.length && set[0]!.includes('=') && !set[0]!.startsWith('jisr_session=;')) this.cookie = set[0]!.split(';')[0]!;
    return answer(res);
  }

  async query(path: string, input?: unknown, signal?: AbortSignal): Promise<Answer> {
    const q = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;
    const res = await fetch(`${this.origin}/trpc/${path}${q}`, { headers: this.cookie ? { cookie: this.cookie } : {}, signal });
    return answer(res);
  }

  async signIn(email: string, password: string) {
    const res = await this.mutate('auth.login', { email, password });
    if (res.status !== 200 || !this.cookie) throw new Error(`sign-in failed: ${res.status} ${res.body}`);
    return this;
  }
}

/** GET /healthz: its status, or 0 when nothing answered within `timeoutMs`. */
export async function health(origin: string, timeoutMs = 10_000): Promise<number> {
  try {
    return (await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(timeoutMs) })).status;
  } catch {
    return 0;
  }
}
