import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTestApp } from '../helpers/http.js';
import { call as callApp, outcomeOf, PROCEDURES } from './client.js';
import { CALLS } from './calls.js';
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

const { db } = await testDb();
const { app } = await makeTestApp(db);
afterAll(() => app.close());
const call = (path: string, input: unknown, cookie: string | null, ip: string) => callApp(app, path, input, cookie, ip);

let s: Scenario;
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
  const ids = spec.target === 'none' ? {} : await s.target(spec.target, targetActor, scope, { fresh, stage: fresh ? how.stage : undefined, held: fresh ? how.held : undefined });
  const user = actor && how.spare ? actor.spare : actor?.user;
  const cookie = actor ? (how.spare ? (await s.sessionOf(actor.spare)).cookie : actor.cookie) : null;
  const ip = nextIp();
  const res = await call(row.procedure, await how.input(ids, s, actor), cookie, ip);
  return { row, ip, actorId: user?.id ?? null, got: outcomeOf(res) };
}

/** What differs from the matrix: the outcome, or a refusal not audited as exactly one `denied` event. */
async function differences(procedure: string, ran: Ran[]) {
  const action = PROCEDURES[procedure]!._def.meta?.action ?? procedure;
  const refused = ran.filter((r) => r.actorId && r.row.expect !== 'allowed');
  const events = await db.auditEvent.findMany({ where: { ip: { in: refused.map((r) => r.ip) } }, select: { ip: true, actorId: true, action: true, outcome: true } });
  const found: string[] = [];
  for (const { row, ip, actorId, got } of ran) {
    const where = `${row.procedure} as ${row.role} on ${row.scope}`;
    if (got !== row.expect) {
      found.push(`${where}: expected ${row.expect}, got ${got}`);
      continue;
    }
    if (!actorId || row.expect === 'allowed') continue;
    const mine = events.filter((e) => e.ip === ip).map((e) => [e.actorId === actorId ? 'actor' : e.actorId, e.action, e.outcome]);
    if (JSON.stringify(mine) !== JSON.stringify([['actor', action, 'denied']])) {
      found.push(`${where}: refusal audited as ${JSON.stringify(mine)}, expected one "${action}" denied`);
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

beforeAll(async () => {
  s = await buildScenario(db, app);
}, 240_000);

/** Walks every row of the procedures of `part` over HTTP, one test per procedure. */
export function walk(part: keyof typeof PARTS) {
  describe(`every row over HTTP (${part})`, () => {
    for (const procedure of Object.keys(GRID).filter(PARTS[part])) {
      it(procedure, async () => {
        // Rows of one procedure run side by side; those that change a record get one of their own.
        const ran = await inParallel(3, MATRIX.filter((r) => r.procedure === procedure).map((row) => () => run(row)));
        expect(await differences(procedure, ran)).toEqual([]);
      });
    }
  });
}

export { outcomeOf, PROCEDURES };
