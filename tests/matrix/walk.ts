import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db.js';
import { testDb } from '../helpers/db.js';
import { makeTestApp } from '../helpers/http.js';
import { NARROWER, type AuditAction } from '../../src/audit/actions.js';
import { call as callApp, dataOf, outcomeOf, PROCEDURES } from './client.js';
import { CALLS } from './calls.js';
import { EVENT, recordAsked, type Named, type Seen } from './events.js';
import { GRID, MATRIX, type Outcome, type Row } from './matrix.js';
import { buildScenario, type Actor, type Scenario } from './scenario.js';

/**
 * The matrix is walked in three test files so that they run side by side; every procedure belongs
 * to exactly one part (a new one falls into "rest"), which matrix.test.ts checks.
 */
export const PARTS = {
  cases: (p: string) => p.startsWith('cases.'),
  coordination: (p: string) => p.startsWith('assessments.') || p.startsWith('meetings.'),
  rest: (p: string) => !p.startsWith('cases.') && !p.startsWith('assessments.') && !p.startsWith('meetings.'),
} as const;

type App = Awaited<ReturnType<typeof makeTestApp>>['app'];
let db: Db;
let app: App;
let s: Scenario;
const call = (path: string, input: unknown, cookie: string | null, ip: string) => callApp(app, path, input, cookie, ip);

/**
 * The file's app and scenario, built before its tests and closed after them. Call it at the top level of
 * every file that walks rows or uses context(): a worker that runs files one after another without
 * isolation keeps this module, so each file builds its own (walk() calls it).
 */
export function matrixWorld() {
  let mine: App | undefined;
  beforeAll(async () => {
    ({ db } = await testDb());
    ({ app } = await makeTestApp(db));
    mine = app;
    s = await buildScenario(db, app);
  }, 240_000);
  afterAll(() => mine?.close());
}

export const context = () => ({ db, app, s, call, nextIp });
// Each row calls from an address of its own, so its audit events (which record the client address)
// are told apart from every other row's even when rows run side by side.
let rowCount = 0;
const nextIp = () => (++rowCount, `10.${(rowCount >> 16) & 255}.${(rowCount >> 8) & 255}.${rowCount & 255}`);

interface Ran {
  row: Row;
  ip: string;
  actorId: string | null;
  got: Outcome | string;
  /** What the row sent and got back, for the record its audit event must name (null for anonymous rows). */
  seen: Seen | null;
}

/** Runs one row over HTTP. */
async function run(row: Row): Promise<Ran> {
  const spec = GRID[row.procedure]!;
  const how = CALLS[row.procedure]!;
  const actor: Actor | null = row.role === 'anonymous' ? null : s.actors[row.role];
  const scope = row.scope === 'any' ? 'own' : row.scope;
  const fresh = row.expect === 'allowed' && PROCEDURES[row.procedure]!._def.type === 'mutation';
  // A refusal comes before any stage rule, so refused rows share the scope's case whatever its stage
  // (were access wrongly granted, the stage rule's BAD_REQUEST would still differ from the matrix).
  const targetActor = actor ?? s.actors.coordinator; // anonymous callers aim at a real record
  const ids =
    spec.target === 'none'
      ? {}
      : await s.target(spec.target, targetActor, scope, {
          fresh,
          stage: fresh ? how.stage : undefined,
          held: fresh ? how.held : undefined,
        });
  const user = actor && how.spare ? actor.spare : actor?.user;
  const session = actor && how.spare ? await s.sessionOf(actor.spare) : null;
  const cookie = actor ? (session?.cookie ?? actor.cookie) : null;
  const ip = nextIp();
  const input = await how.input(ids, s, actor);
  const res = await call(row.procedure, input, cookie, ip);
  const data = res.statusCode === 200 ? dataOf(res) : null;
  const seen = user ? { ids, input, data, actor: user, sessionId: session?.sessionId ?? null, ip, db } : null;
  return { row, ip, actorId: user?.id ?? null, got: outcomeOf(res), seen };
}

/**
 * The audit event a row must leave, as [who, action, outcome, entity type, entity id]: for a refusal,
 * one `denied` event naming the record asked for (without the entity for a procedure without a
 * target); for an allowed row, one `allowed` event naming the record of EVENT, or else of its target.
 */
async function expectedEvent({ row, seen }: Ran, action: string) {
  const target = GRID[row.procedure]!.target;
  const asked: Named | null = target === 'none' ? null : recordAsked(target, seen!.ids);
  if (row.expect !== 'allowed') return ['actor', action, 'denied', ...(asked ? [asked.type, asked.id] : [])];
  const named = EVENT[row.procedure] ? await EVENT[row.procedure]!(seen!) : (asked ?? { type: 'no EVENT entry in events.ts', id: null });
  return ['actor', action, 'allowed', named.type, named.id];
}

/**
 * What differs from the matrix: the outcome, or an audit trail other than its one event (expectedEvent).
 * A refusal leaves nothing else; an allowed row may leave events of other actions beside its own
 * (a person registered with a referral), but no other of its own action or of a narrower one, and no refusal.
 */
async function differences(procedure: string, ran: Ran[]) {
  // Sign-in, public, records its own events under its path's name.
  const action = PROCEDURES[procedure]!._def.meta?.action ?? procedure;
  const ownActions: string[] = [action, ...(NARROWER[action as AuditAction] ?? [])];
  const audited = ran.filter((r) => r.actorId);
  const events = await db.auditEvent.findMany({
    where: { ip: { in: audited.map((r) => r.ip) } },
    select: { ip: true, actorId: true, action: true, outcome: true, entityType: true, entityId: true },
    orderBy: { id: 'asc' },
  });
  const found: string[] = [];
  for (const r of ran) {
    const { row, ip, actorId, got } = r;
    const where = `${row.procedure} as ${row.role} on ${row.scope}`;
    if (got !== row.expect) {
      found.push(`${where}: expected ${row.expect}, got ${got}`);
      continue;
    }
    if (!actorId) continue;
    const expected = await expectedEvent(r, action);
    const allowed = row.expect === 'allowed';
    const mine = events
      .filter((e) => e.ip === ip && (!allowed || ownActions.includes(e.action) || e.outcome === 'denied'))
      .map((e) => [
        e.actorId === actorId ? 'actor' : e.actorId,
        e.action,
        e.outcome,
        ...(expected.length > 3 ? [e.entityType, e.entityId] : []),
      ]);
    if (JSON.stringify(mine) !== JSON.stringify([expected])) {
      found.push(`${where}: audited as ${JSON.stringify(mine)}, expected ${JSON.stringify([expected])}`);
    }
  }
  return found;
}

/** Runs `jobs` with at most `width` at a time. */
async function inParallel<T>(width: number, jobs: (() => Promise<T>)[]) {
  const results: T[] = [];
  let next = 0;
  const lane = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]!();
    }
  };
  await Promise.all(Array.from({ length: width }, lane));
  return results;
}

/** Walks every row of the procedures of `part` over HTTP, one test per procedure (in a matrixWorld of its own). */
export function walk(part: keyof typeof PARTS) {
  matrixWorld();
  describe(`every row over HTTP (${part})`, () => {
    for (const procedure of Object.keys(GRID).filter(PARTS[part])) {
      it(procedure, async () => {
        // Rows of one procedure run side by side; those that change a record get one of their own.
        const ran = await inParallel(
          3,
          MATRIX.filter((r) => r.procedure === procedure).map((row) => () => run(row)),
        );
        expect(await differences(procedure, ran)).toEqual([]);
      });
    }
  });
}

export { outcomeOf, PROCEDURES };
