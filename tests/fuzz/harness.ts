import fc from 'fast-check';
import superjson from 'superjson';
import { expect } from 'vitest';
import type { Db } from '../../src/db.js';
import { appRouter } from '../../src/trpc/router.js';
import { createSession } from '../../src/auth/session.js';
import type { Role } from '../../src/generated/prisma/enums.js';
import { ORIGIN, type makeTestApp } from '../helpers/http.js';
import { testConfig } from '../helpers/callers.js';
import { adversarialValue, CRAFTED_CURSORS, craftedCursor, pollutingObject } from './arbitraries.js';
import { fieldPaths, sample, setPath, stringPaths, type IdFor } from './zod-sample.js';

type App = Awaited<ReturnType<typeof makeTestApp>>['app'];
type Clock = Awaited<ReturnType<typeof makeTestApp>>['clock'];

/** Random inputs per procedure, on top of the fixed sweep of its text fields; FUZZ_RUNS for a longer hunt. */
export const RUNS = Number(process.env.FUZZ_RUNS ?? 16);

/** What every text field gets, whatever the dice say: a NUL (PostgreSQL refuses it) and half a surrogate pair. */
const SWEEP = ['Synthetic\u0000text with a NUL', 'Synthetic \uD800 broken pair'];

export interface Procedure {
  path: string;
  type: 'query' | 'mutation';
  input: any | undefined;
}

/** Every procedure of the app, read from the router itself so new ones are fuzzed too. */
export function allProcedures(): Procedure[] {
  return Object.entries<any>((appRouter as any)._def.procedures).map(([path, p]) => ({
    path,
    type: p._def.type,
    input: p._def.inputs[0],
  }));
}

/** The namespaces the first fuzz file covers; the second covers every other, present and future. */
export const ACCOUNT_NAMESPACES = ['auth', 'agencies', 'users', 'audit'];
export const inAccountFile = (p: Procedure) => ACCOUNT_NAMESPACES.includes(p.path.split('.')[0]!);

/** Who calls each namespace: someone allowed to, so validation is what stands in the way. */
const ROLE_BY_NAMESPACE: Record<string, Role> = { agencies: 'admin', users: 'admin', audit: 'auditor' };
export const roleFor = (path: string): Role => ROLE_BY_NAMESPACE[path.split('.')[0]!] ?? 'coordinator';

// ---------------------------------------------------------------- transport

function encode(input: unknown): string {
  try {
    return JSON.stringify(superjson.serialize(input));
  } catch {
    // superjson refuses own `__proto__` keys; a hostile client would send them anyway.
    return JSON.stringify({ json: input }, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
  }
}

/** The input after the trip through JSON and superjson, as the procedure receives it. */
function asServerSees(input: unknown): unknown {
  return input === undefined ? undefined : superjson.deserialize(JSON.parse(encode(input)));
}

export function send(app: App, proc: Procedure, input: unknown, cookie: string | undefined) {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  if (proc.type === 'query') {
    const q = input === undefined ? '' : `?input=${encodeURIComponent(encode(input))}`;
    return app.inject({ method: 'GET', url: `/trpc/${proc.path}${q}`, headers });
  }
  return app.inject({
    method: 'POST',
    url: `/trpc/${proc.path}`,
    headers: { ...headers, 'content-type': 'application/json', origin: ORIGIN },
    payload: input === undefined ? '' : encode(input),
  });
}

// ---------------------------------------------------------------- database

/**
 * Records every committed write in this file's database (a test database of its own) through
 * row triggers on every app table: a refused call must leave no row here. A call writes its audit events
 * where they wait to be chained (audit_pending): its `allowed` ones are recorded there, its `denied` ones
 * are not (refusals are audited by design). Not recorded: the chainer's link, which moves any earlier
 * call's events onto the chain (audit_event, the chain head, their links to the records they name) at
 * a moment of its own, and a session's
 * last-seen time, which every request moves. A rolled-back write leaves nothing, as it should.
 */
export async function installWriteLog(db: Db) {
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT table_name::text AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
      AND table_name NOT IN ('audit_chain_head', 'audit_event', 'audit_event_entity', '_prisma_migrations', 'fuzz_write_log')`;
  await db.$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS fuzz_write_log (id bigserial PRIMARY KEY, tbl text NOT NULL, op text NOT NULL)`);
  await db.$executeRawUnsafe(`GRANT ALL ON fuzz_write_log, fuzz_write_log_id_seq TO PUBLIC`);
  await db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION fuzz_log_write() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN INSERT INTO fuzz_write_log (tbl, op) VALUES (TG_TABLE_NAME, TG_OP); RETURN NULL; END $$`);
  for (const { name } of tables) {
    if (name === 'session') {
      await db.$executeRawUnsafe(
        `CREATE OR REPLACE TRIGGER fuzz_log AFTER INSERT OR DELETE ON session FOR EACH ROW EXECUTE FUNCTION fuzz_log_write()`,
      );
      await db.$executeRawUnsafe(
        `CREATE OR REPLACE TRIGGER fuzz_log_update AFTER UPDATE ON session FOR EACH ROW
         WHEN ((to_jsonb(OLD) - 'last_seen_at') IS DISTINCT FROM (to_jsonb(NEW) - 'last_seen_at')) EXECUTE FUNCTION fuzz_log_write()`,
      );
    } else {
      const when =
        name === 'audit_pending'
          ? `INSERT ON audit_pending FOR EACH ROW WHEN (NEW.outcome::text = 'allowed')`
          : `INSERT OR UPDATE OR DELETE ON "${name}" FOR EACH ROW`;
      await db.$executeRawUnsafe(`CREATE OR REPLACE TRIGGER fuzz_log AFTER ${when} EXECUTE FUNCTION fuzz_log_write()`);
    }
  }
}

/** Writes committed since the log entry `after`, and the newest entry. */
export async function writesSince(db: Db, after: bigint) {
  const rows = await db.$queryRaw<
    { id: bigint; tbl: string; op: string }[]
  >`SELECT id, tbl, op FROM fuzz_write_log WHERE id > ${after} ORDER BY id`;
  return { writes: rows.map((r) => `${r.op} ${r.tbl}`), head: rows.length ? rows[rows.length - 1]!.id : after };
}

// ---------------------------------------------------------------- oracles

const flat = (o: unknown, prefix = '', out = new Set<string>()): Set<string> => {
  for (const [k, v] of Object.entries(o as object)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.add(key);
    else if (v && typeof v === 'object') flat(v, key, out);
  }
  return out;
};
// The web app's dictionaries, loaded by path: they belong to the web build, not the server's type check.
const dictionary = async (locale: string) => flat((await import(/* @vite-ignore */ `${WEB_I18N}/${locale}.ts`))[locale]);
const WEB_I18N = new URL('../../web/src/i18n', import.meta.url).pathname;
const DICTIONARIES = { en: await dictionary('en'), ar: await dictionary('ar'), fr: await dictionary('fr') };

/** True when the web app has words for this key in every language (the way fieldMessage looks it up). */
export function translated(prefixes: string[], key: string): boolean {
  return Object.values(DICTIONARIES).every((d) => prefixes.some((p) => d.has(`${p}.${key}`)));
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this pattern's purpose
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Anything but spaces, controls, format characters (direction marks, joiners) and lone marks. */
const VISIBLE = /[^\p{White_Space}\p{Cc}\p{Cf}\p{Cs}\p{M}\p{Z}]/u;
/** Secrets are never stored as text or shown; any code unit may be in them. */
const SECRET_FIELD = /password/i;

/** Stored strings the app must never accept: controls, broken UTF-16, or nothing visible at all. */
export function garbageIn(value: unknown, path = ''): string[] {
  if (typeof value === 'string') {
    if (SECRET_FIELD.test(path)) return [];
    if (CONTROL.test(value)) return [`${path}: control character`];
    if (LONE_SURROGATE.test(value)) return [`${path}: lone surrogate`];
    if (value !== '' && !VISIBLE.test(value)) return [`${path}: nothing visible`];
    return [];
  }
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.entries(value).flatMap(([k, v]) => garbageIn(v, path ? `${path}.${k}` : k));
  }
  return [];
}

// ---------------------------------------------------------------- the property

export interface FuzzWorld {
  app: App;
  clock: Clock;
  db: Db;
  /** What the server logged at level error (the cause of a 5xx). */
  serverErrors: string[];
  /** A user of the role, in the fuzzed municipality. */
  userOf(role: Role): { id: string; municipalityId: string };
  /** Real ids for the procedure's uuid fields (a case for `caseId`, ...). */
  idsFor(path: string): IdFor;
}

export interface Tally {
  runs: number;
  accepted: number;
  refused: Record<string, number>;
}

async function cookieFor(world: FuzzWorld, role: Role) {
  const { token } = await createSession(world.db, world.clock(), testConfig().session, world.userOf(role), {
    ip: '203.0.113.7',
    userAgent: 'fuzz',
  });
  return `jisr_session=${token}`;
}

/** A valid input for the procedure when the schema allows one easily (adds optional fields until it parses). */
export function baselineFor(proc: Procedure, idFor: IdFor): unknown {
  const base = sample(proc.input, idFor);
  if (proc.input.safeParse(base).success) return base;
  for (const path of fieldPaths(proc.input).filter((p) => p.length === 1)) {
    const tried = setPath(base, path, sample(childAt(proc.input, path[0]!), idFor, path[0]));
    if (proc.input.safeParse(tried).success) return tried;
  }
  return base;
}

function childAt(schema: any, key: string): any {
  let def = schema._zod.def;
  while (def.type !== 'object') def = (def.innerType ?? def.in ?? def.options[0])._zod.def;
  return def.shape[key];
}

interface Case {
  input: unknown;
  /** The one field replaced, when only one was. */
  target?: string;
}

function casesFor(proc: Procedure, baseline: unknown): fc.Arbitrary<Case> {
  const whole = adversarialValue.map((input) => ({ input }));
  if (!proc.input) return whole;
  const paths = fieldPaths(proc.input);
  const polluted = pollutingObject.map((o) => {
    const copy: Record<string, unknown> = { ...(baseline as object) };
    for (const k of Object.keys(o)) Object.defineProperty(copy, k, { value: o[k], enumerable: true, writable: true, configurable: true });
    return { input: copy };
  });
  if (paths.length === 0) return fc.oneof(whole, polluted);
  const one = fc
    .tuple(fc.constantFrom(...paths), adversarialValue)
    .map(([p, v]) => ({ input: setPath(baseline, p, v), target: p.join('.') }));
  const many = fc
    .array(fc.tuple(fc.constantFrom(...paths), adversarialValue), { minLength: 2, maxLength: 4 })
    .map((edits) => ({ input: edits.reduce<unknown>((acc, [p, v]) => setPath(acc, p, v), baseline) }));
  return fc.oneof(
    { weight: 5, arbitrary: one },
    { weight: 2, arbitrary: many },
    { weight: 2, arbitrary: whole },
    { weight: 1, arbitrary: polluted },
  );
}

function sweep(proc: Procedure, baseline: unknown): [Case][] {
  return stringPaths(proc.input).flatMap((path) =>
    SWEEP.map((v): [Case] => [{ input: setPath(baseline, path, v), target: path.join('.') }]),
  );
}

/**
 * Throws the adversarial inputs at one procedure and checks each answer: never a 5xx; what the
 * server accepts the schema accepts and holds no garbage; what it refuses leaves every table as it
 * was (refusals may add `denied` audit events, nothing else) and comes with a translated code and,
 * for bad input, translated field-level keys.
 */
export async function fuzzProcedure(world: FuzzWorld, proc: Procedure, tally: Tally) {
  const role = roleFor(proc.path);
  const idFor = world.idsFor(proc.path);
  const baseline = proc.input ? baselineFor(proc, idFor) : undefined;
  let cookie = await cookieFor(world, role);
  let head = (await writesSince(world.db, 0n)).head;
  const examples = proc.input ? sweep(proc, baseline) : [];

  await fc.assert(
    fc.asyncProperty(casesFor(proc, baseline), async ({ input, target }) => {
      tally.runs += 1;
      // Without an input parser the input is ignored; a logout must not spoil the next run.
      if (!proc.input) {
        cookie = await cookieFor(world, role);
        head = (await writesSince(world.db, head)).head;
      }
      const res = await send(world.app, proc, input, cookie);
      const since = await writesSince(world.db, head);
      head = since.head;
      expect(res.statusCode, `${res.body.slice(0, 300)}\n${world.serverErrors.slice(-1).join('').slice(0, 1500)}`).toBeLessThan(500);
      expect(({} as any).polluted).toBeUndefined();
      const local = proc.input ? proc.input.safeParse(asServerSees(input)) : { success: true, data: undefined };

      if (res.statusCode < 300) {
        tally.accepted += 1;
        expect(local.success, 'the server accepted what the schema refuses').toBe(true);
        // Stored text must be clean; a query's filter only has to be answered without a 5xx.
        if (proc.type === 'mutation') expect(garbageIn(local.data), 'accepted garbage').toEqual([]);
        return;
      }
      const error = JSON.parse(res.body).error?.json;
      const appCode: string = error?.data?.appCode;
      tally.refused[appCode] = (tally.refused[appCode] ?? 0) + 1;
      expect(error?.message).toBe(appCode);
      expect(translated(['errors'], appCode), `errors.${appCode} in en/ar/fr`).toBe(true);
      if (!local.success) expect(appCode).toBe('BAD_INPUT');
      if (appCode === 'BAD_INPUT') {
        const fields: Record<string, string> = error.data.fields;
        expect(fields, 'field-level error').toBeTruthy();
        expect(Object.keys(fields).length).toBeGreaterThan(0);
        for (const key of Object.values(fields))
          expect(translated(['validation', 'errors'], key), `validation.${key} in en/ar/fr`).toBe(true);
        if (target && !local.success && proc.input.safeParse(baseline).success) {
          // The spoilt field is named, or a field of the same top-level group (setting newPerson.x
          // alone leaves newPerson's other required fields missing), or the whole input.
          const group = target.split('.')[0];
          expect(
            Object.keys(fields).some((f) => f === '_' || f.split('.')[0] === group),
            JSON.stringify({ target, fields }),
          ).toBe(true);
        }
      }
      expect(since.writes, 'a refused call changed the database').toEqual([]);
    }),
    // fast-check counts the examples in numRuns; the random inputs come on top of the sweep.
    { numRuns: RUNS + examples.length, endOnFailure: true, examples, ...seedFor(proc.path) },
  );
}

/** True when the procedure pages with a `cursor` field. */
export const hasCursor = (proc: Procedure) => Boolean(proc.input) && fieldPaths(proc.input).some((p) => p.join('.') === 'cursor');

/**
 * Crafted cursors (CRAFTED_CURSORS, then more at random) in an otherwise valid input: each must be
 * refused as BAD_INPUT with a translated error on the `cursor` field, and leave every table as it was.
 */
export async function fuzzCursors(world: FuzzWorld, proc: Procedure, tally: Tally) {
  const baseline = baselineFor(proc, world.idsFor(proc.path));
  const cookie = await cookieFor(world, roleFor(proc.path));
  let head = (await writesSince(world.db, 0n)).head;
  await fc.assert(
    fc.asyncProperty(craftedCursor, async (cursor) => {
      tally.runs += 1;
      const res = await send(world.app, proc, { ...(baseline as object), cursor }, cookie);
      const since = await writesSince(world.db, head);
      head = since.head;
      expect(res.statusCode, `${res.body.slice(0, 300)}\n${world.serverErrors.slice(-1).join('').slice(0, 1500)}`).toBe(400);
      const error = JSON.parse(res.body).error?.json;
      tally.refused[error?.data?.appCode] = (tally.refused[error?.data?.appCode] ?? 0) + 1;
      expect(error?.data?.appCode).toBe('BAD_INPUT');
      const key: string | undefined = error.data.fields?.cursor;
      expect(key, JSON.stringify(error.data.fields)).toBeTruthy();
      expect(translated(['validation', 'errors'], key!), `validation.${key} in en/ar/fr`).toBe(true);
      expect(since.writes, 'a refused call changed the database').toEqual([]);
    }),
    {
      numRuns: RUNS + CRAFTED_CURSORS.length,
      endOnFailure: true,
      examples: CRAFTED_CURSORS.map((c) => [c]),
      ...seedFor(`${proc.path}#cursor`),
    },
  );
}

/**
 * Each procedure's inputs come from a seed of its own, fixed so that `npm test` is reproducible and a
 * red run can be replayed; FUZZ_SEED=<n> draws another set, FUZZ_SEED=random a fresh one each run.
 */
function seedFor(path: string): { seed?: number } {
  const given = process.env.FUZZ_SEED ?? '0';
  if (given === 'random') return {};
  let h = Number(given) | 0;
  for (const ch of path) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return { seed: h };
}

/** The figures, printed after the run: inputs tried per procedure and how they were answered. */
export function report(title: string, tallies: Map<string, Tally>) {
  const lines = [...tallies].map(([path, t]) => {
    const refused = Object.entries(t.refused)
      .sort()
      .map(([c, n]) => `${c} ${n}`)
      .join(', ');
    return `  ${path.padEnd(28)} ${String(t.runs).padStart(4)} inputs   accepted ${String(t.accepted).padStart(3)}   refused: ${refused}`;
  });
  const total = [...tallies.values()].reduce((n, t) => n + t.runs, 0);
  console.log(`${title}: ${total} inputs over ${tallies.size} procedures\n${lines.join('\n')}`);
}
