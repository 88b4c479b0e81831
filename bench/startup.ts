/**
 * DESIGN.md's last two targets, on the real `npm start`: the first page served in under 10 s on a fresh
 * database (here after `npm ci`: the clone and the install are not timed), and the first page's
 * JavaScript weighed as the server sends it (and through node:zlib's brotli): at most 60 kB brotli.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, chmod, readFile, rm } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../src/embedded.js';
import { round } from './measure.js';

const root = fileURLToPath(new URL('..', import.meta.url));
/** Fresh starts ask for the page this often until it is served. */
const POLL_MS = 50;
const LIMIT_MS = 60_000;
/** How long a Ctrl-C may take before the run counts as hung (its group is then killed). */
const STOP_MS = 30_000;

export interface StartUp {
  /** `npm start` on an empty data folder (initdb, migrations, demo data) until GET / answers 200, in s. */
  freshSeconds: number;
  /** The same with the data kept from the first start, in s. */
  warmSeconds: number;
  /** What the app's banner says it took (its own clock, from its first line of code), fresh start. */
  bannerSeconds: number | null;
}

export interface FrontEnd {
  /** The entry script, every chunk it imports statically and one dictionary: what the sign-in page loads. */
  files: string[];
  /** The dictionary counted (its manifest key), the heaviest of the three. */
  dictionary: string | null;
  rawKb: number;
  gzipKb: number;
  brotliKb: number;
  /** The same files through node:zlib's brotli (quality 11): the figure the ≤ 60 kB target is read on. */
  brotliComputedKb: number;
  /** The stylesheets of the first page, gzipped. */
  cssGzipKb: number;
}

interface Running {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

/** `npm start` in a process group of its own, as a terminal runs it (so a Ctrl-C reaches all of it). */
function npmStart(dataDir: string, port: number): Running {
  const env: NodeJS.ProcessEnv = { ...process.env, JISR_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  delete env.JISR_DATA_KEY;
  delete env.NODE_ENV;
  // Under `npm run`/`npm test`, npm_execpath names npm's own script: the same npm the user has.
  const [command, args] = process.env.npm_execpath ? [process.execPath, [process.env.npm_execpath, 'start']] : ['npm', ['start']];
  const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  return { child, output: () => output, exited: new Promise((ok) => child.once('exit', (code) => ok(code))) };
}

/** One GET with the given Accept-Encoding; the body's bytes as they came over the wire. */
function get(url: string, acceptEncoding = 'identity'): Promise<{ status: number; bytes: number; encoding: string | undefined }> {
  return new Promise((ok, fail) => {
    const req = request(url, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => ok({ status: res.statusCode ?? 0, bytes, encoding: res.headers['content-encoding'] }));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end();
  });
}

/** Seconds from `began` until GET / answers 200 (asked every POLL_MS; a refused connection means not yet). */
async function firstPage(base: string, run: Running, began: number): Promise<number> {
  for (;;) {
    if (run.child.exitCode !== null || run.child.signalCode !== null)
      throw new Error(
        `npm start ended (${run.child.exitCode ?? run.child.signalCode}) before it served a page:\n${run.output().slice(-2000)}`,
      );
    if (performance.now() - began > LIMIT_MS)
      throw new Error(`npm start served no page within ${LIMIT_MS / 1000} s:\n${run.output().slice(-2000)}`);
    const res = await get(`${base}/`).catch(() => null);
    if (res?.status === 200) return (performance.now() - began) / 1000;
    await new Promise((tick) => setTimeout(tick, POLL_MS));
  }
}

/** Ctrl-C to the group, as a terminal sends it. npm passes the signal on and then ends by it itself. */
async function stop(run: Running, dataDir: string) {
  process.kill(-run.child.pid!, 'SIGINT');
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<'hung'>((ok) => (timer = setTimeout(() => ok('hung'), STOP_MS)));
  const code = await Promise.race([run.exited, hung]);
  clearTimeout(timer);
  if (code === 'hung') throw new Error(`npm start was still running ${STOP_MS / 1000} s after Ctrl-C:\n${run.output().slice(-2000)}`);
  const clean = code === 0 || (code === null && run.child.signalCode === 'SIGINT');
  // PostgreSQL gets the Ctrl-C too and may close connections before Node has run its handler: the
  // pool's and the job runner's one-line warnings about it are expected; a stack trace or a failed stop is not.
  if (!clean || existsSync(join(dataDir, 'postgres', 'postmaster.pid')) || /stopping failed|Error|\n\s+at /.test(run.output())) {
    throw new Error(
      `npm start did not stop cleanly on Ctrl-C (exit ${code}, signal ${run.child.signalCode}):\n${run.output().slice(-2000)}`,
    );
  }
}

/**
 * What the sign-in page loads, from Vite's manifest: the entry and, recursively, what it imports
 * statically, plus the one dictionary it fetches (each language is its own chunk: the heaviest, brotli-compressed, is counted).
 */
async function initialChunks(): Promise<{ js: string[]; css: string[]; dictionary: string | null }> {
  type Chunk = { file: string; imports?: string[]; css?: string[]; isEntry?: boolean };
  const manifest = JSON.parse(await readFile(join(root, 'web/dist/.vite/manifest.json'), 'utf8')) as Record<string, Chunk>;
  const closure = (key: string, into = new Set<string>(), css = new Set<string>()) => {
    const chunk = manifest[key];
    if (!chunk || into.has(chunk.file)) return into;
    into.add(chunk.file);
    for (const sheet of chunk.css ?? []) css.add(sheet);
    for (const next of chunk.imports ?? []) closure(next, into, css);
    return into;
  };
  const js = new Set<string>();
  const css = new Set<string>();
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) closure(key, js, css);
  const dictionaries = Object.keys(manifest)
    .filter((key) => /^src\/i18n\/(ar|fr|en)\.ts$/.test(key))
    .map((key) => {
      const files = [...closure(key)].filter((f) => !js.has(f));
      return { key, files, brotli: brotliBytes(files) };
    })
    .sort((a, b) => b.brotli - a.brotli);
  const heaviest = dictionaries[0];
  for (const file of heaviest?.files ?? []) js.add(file);
  return { js: [...js], css: [...css], dictionary: heaviest?.key ?? null };
}

/** Bytes after brotli at its strongest setting, computed here (node:zlib), whatever the server sends. */
function brotliBytes(files: string[]): number {
  let bytes = 0;
  for (const file of files) {
    const body = readFileSync(join(root, 'web/dist', file));
    bytes += brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return round(bytes / 1000, 1);
}

async function weigh(base: string): Promise<FrontEnd> {
  const { js, css, dictionary } = await initialChunks();
  const total = async (files: string[], encoding: string) => {
    let bytes = 0;
    for (const file of files) {
      const res = await get(`${base}/${file}`, encoding);
      if (res.status !== 200) throw new Error(`GET /${file}: ${res.status}`);
      bytes += res.bytes;
    }
    return round(bytes / 1000, 1);
  };
  return {
    files: js,
    dictionary,
    rawKb: await total(js, 'identity'),
    gzipKb: await total(js, 'gzip'),
    brotliKb: await total(js, 'br'),
    brotliComputedKb: brotliBytes(js),
    cssGzipKb: await total(css, 'gzip'),
  };
}

/** Starts `npm start` twice on a new data folder (fresh, then with its data), weighs the first page while it runs. */
export async function measureStartUp(): Promise<{ startUp: StartUp; frontEnd: FrontEnd }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'jisr-bench-start-'));
  // As root the embedded server runs as "postgres", which must reach the folder.
  await chmod(dataDir, 0o777);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const runs: Running[] = [];
  try {
    let began = performance.now();
    const fresh = npmStart(dataDir, port);
    runs.push(fresh);
    const freshSeconds = round(await firstPage(base, fresh, began), 2);
    const banner = /ready in ([\d.]+) s/.exec(fresh.output());
    const frontEnd = await weigh(base);
    await stop(fresh, dataDir);
    began = performance.now();
    const warm = npmStart(dataDir, port);
    runs.push(warm);
    const warmSeconds = round(await firstPage(base, warm, began), 2);
    await stop(warm, dataDir);
    return { startUp: { freshSeconds, warmSeconds, bannerSeconds: banner ? Number(banner[1]) : null }, frontEnd };
  } finally {
    // After a failure, nothing of a run may outlive the bench (an app that died leaves its PostgreSQL in the group).
    for (const run of runs) {
      try {
        process.kill(-run.child.pid!, 'SIGKILL');
      } catch {
        /* the group is gone: everything in it stopped */
      }
    }
    // PostgreSQL may still be writing as it dies: try the removal a few times.
    await rm(dataDir, { recursive: true, force: true, maxRetries: 5 });
  }
}
