import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTestApp } from '../helpers/http.js';
import { OPENED_AT } from '../helpers/case-factories.js';
import { call, dataOf } from './client.js';
import { ROLES, SCOPES, type Role } from './matrix.js';
import { buildScenario, type Actor, type Scenario } from './scenario.js';

/**
 * List results, role by role: every row a list procedure returns is one the user may see, checked
 * against SQL written here by hand from DESIGN.md (not through the app's CASL rules or Prisma), and,
 * where a list is meant to be complete, nothing the user may see is missing.
 */
const { db, url } = await testDb();
const { app } = await makeTestApp(db);
const sql = new pg.Client({ connectionString: url });
await sql.connect();
afterAll(async () => {
  await app.close();
  await sql.end();
});

const NOW = OPENED_AT; // the test app's clock stands here
let s: Scenario;
const ids = async (text: string, values: unknown[]) =>
  new Set((await sql.query<{ id: string }>(text, values)).rows.map((r) => String(r.id)));
const sorted = (set: Iterable<string>) => [...set].sort();
const WORKERS: Role[] = ['social_worker', 'coordinator', 'agency_practitioner'];

/** A live disclosure of case `c` to user $1 (by name, or to their active agency $2), including section $4 if given. */
const LIVE = `EXISTS (SELECT 1 FROM disclosure d LEFT JOIN agency a ON a.id = d.agency_id
  WHERE d.case_id = c.id AND d.revoked_at IS NULL AND d.expires_at > $3
    AND (d.user_id = $1 OR (d.agency_id = $2 AND a.active))
    AND ($4::text IS NULL OR $4::text = ANY (d.sections::text[])))`;

/** DESIGN: "list / open a case": team | all | disclosed; AP reaches a case only through a disclosure. */
function casesVisible(a: Actor, section: string | null = null) {
  const u = a.user;
  return ids(
    `SELECT c.id FROM case_record c JOIN app_user me ON me.id = $1
     WHERE c.municipality_id = me.municipality_id AND (
       me.role = 'coordinator'
       OR (me.role = 'social_worker' AND c.key_worker_id = me.id)
       OR (me.role IN ('social_worker', 'agency_practitioner') AND ${LIVE}))`,
    [u.id, u.agencyId, NOW, section],
  );
}

/** Every page of a keyset list. */
async function allPages<T>(path: string, cookie: string, input: Record<string, unknown> = {}) {
  const items: T[] = [];
  let cursor: string | null | undefined;
  do {
    const page = dataOf<{ items: T[]; nextCursor: string | null }>(
      await call(app, path, { ...input, cursor: cursor ?? undefined }, cookie),
    );
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

beforeAll(async () => {
  s = await buildScenario(db, app);
  // Records of every scope for every role, as the matrix makes them.
  for (const role of ROLES) {
    for (const scope of SCOPES.filter((x) => x !== 'nonexistent')) {
      const actor = s.actors[role];
      await s.target('case', actor, scope);
      await s.target('task', actor, scope);
      await s.target('intervention', actor, scope);
      if (['own', 'sameAgency', 'otherAgency', 'disclosed', 'otherMunicipality'].includes(scope)) await s.target('meeting', actor, scope);
      if (['own', 'sameAgency', 'otherAgency', 'otherMunicipality'].includes(scope)) await s.target('referral', actor, scope);
      if (['own', 'sameAgency', 'otherMunicipality'].includes(scope)) await s.target('reminder', actor, scope);
    }
  }
  // A standard and a restricted note in the cases of the social worker and the practitioner.
  for (const role of ['social_worker', 'agency_practitioner'] as const) {
    for (const scope of ['own', 'disclosed', 'summaryOnly'] as const) {
      const { caseId } = await s.target('case', s.actors[role], scope);
      for (const sensitivity of ['standard', 'restricted']) {
        dataOf(
          await call(app, 'cases.addNote', { caseId, body: `Synthetic ${sensitivity} note.`, sensitivity }, s.actors.coordinator.cookie),
        );
      }
    }
  }
}, 240_000);

describe('cases.list', () => {
  it.each(WORKERS)('as %s: exactly the cases DESIGN lets them see, the summary only where its section reaches', async (role) => {
    const a = s.actors[role];
    const rows = await allPages<{ id: string; summaryVisible: boolean; person?: unknown }>('cases.list', a.cookie, { limit: 100 });
    expect(sorted(rows.map((r) => r.id))).toEqual(sorted(await casesVisible(a)));
    const withSummary = await casesVisible(a, 'summary');
    for (const r of rows) {
      expect({ id: r.id, summaryVisible: r.summaryVisible }).toEqual({ id: r.id, summaryVisible: withSummary.has(r.id) });
      if (!r.summaryVisible) expect(r).not.toHaveProperty('person');
    }
  });
});

describe('cases.notes', () => {
  it.each(['social_worker', 'agency_practitioner'] as const)(
    'as %s: standard notes of a case whose notes reach them, restricted ones only as key worker',
    async (role) => {
      const a = s.actors[role];
      for (const scope of role === 'social_worker' ? (['own', 'disclosed'] as const) : (['disclosed'] as const)) {
        const { caseId } = await s.target('case', a, scope);
        const got = await allPages<{ id: string }>('cases.notes', a.cookie, { caseId });
        const expected = await ids(
          `SELECT n.id FROM case_note n JOIN case_record c ON c.id = n.case_id
         WHERE n.case_id = $1 AND (n.sensitivity = 'standard' OR c.key_worker_id = $2)`,
          [caseId, a.user.role === 'social_worker' ? a.user.id : null],
        );
        expect(sorted(got.map((n) => n.id)), `${role} ${scope}`).toEqual(sorted(expected));
        expect(expected.size).toBeGreaterThan(0);
      }
    },
  );
});

describe('referrals', () => {
  it.each(WORKERS)('mine as %s: only the referrals they made', async (role) => {
    const a = s.actors[role];
    const got = await allPages<{ id: string }>('referrals.mine', a.cookie);
    const expected = await ids(
      'SELECT r.id FROM referral r JOIN app_user me ON me.id = $1 WHERE r.referrer_id = me.id AND r.municipality_id = me.municipality_id',
      [a.user.id],
    );
    expect(sorted(got.map((r) => r.id))).toEqual(sorted(expected));
    expect(expected.size).toBeGreaterThan(0);
  });

  it("queue: every submitted referral of the coordinator's municipality, none of another", async () => {
    const a = s.actors.coordinator;
    const got = await allPages<{ id: string }>('referrals.queue', a.cookie);
    const expected = await ids(`SELECT id FROM referral WHERE municipality_id = $1 AND status = 'submitted'`, [a.user.municipalityId]);
    expect(sorted(got.map((r) => r.id))).toEqual(sorted(expected));
  });
});

describe('people.match', () => {
  it.each(WORKERS)('as %s: names only of people whose case they may see; the others are a bare "possible match"', async (role) => {
    const a = s.actors[role];
    const got = dataOf<{ restricted: boolean; person?: { id: string; cases: { id: string }[] } }[]>(
      await call(app, 'people.match', { name: 'Sami Test' }, a.cookie),
    );
    expect(got.length).toBeGreaterThan(0);
    // People whose details go with a case summary the user reads (DESIGN: "existence only, unless they may see the case").
    const readable = await ids(
      `SELECT p.id FROM person p JOIN app_user me ON me.id = $1 WHERE p.municipality_id = me.municipality_id AND me.role = 'coordinator'
       UNION
       SELECT c.person_id FROM case_record c JOIN app_user me ON me.id = $1
       WHERE c.municipality_id = me.municipality_id AND ((me.role = 'social_worker' AND c.key_worker_id = me.id) OR ${LIVE})`,
      [a.user.id, a.user.agencyId, NOW, 'summary'],
    );
    const cases = await casesVisible(a);
    for (const c of got) {
      if (c.restricted) {
        expect(Object.keys(c).sort()).toEqual(['restricted', 'score']);
        continue;
      }
      expect(readable.has(c.person!.id)).toBe(true);
      for (const k of c.person!.cases) expect(cases.has(k.id)).toBe(true);
    }
    if (role === 'coordinator') expect(got.every((c) => !c.restricted)).toBe(true);
  });
});

describe('administration and audit lists', () => {
  it('users.list (admin) and users.directory (coordinator): their municipality only', async () => {
    const admin = s.actors.admin;
    const users = dataOf<{ id: string }[]>(await call(app, 'users.list', {}, admin.cookie));
    expect(sorted(users.map((u) => u.id))).toEqual(
      sorted(await ids('SELECT id FROM app_user WHERE municipality_id = $1', [admin.user.municipalityId])),
    );
    const c = s.actors.coordinator;
    const directory = dataOf<{ id: string }[]>(await call(app, 'users.directory', {}, c.cookie));
    const active = await ids('SELECT id FROM app_user WHERE municipality_id = $1 AND disabled_at IS NULL', [c.user.municipalityId]);
    expect(directory.length).toBeGreaterThan(0);
    expect(directory.filter((u) => !active.has(u.id))).toEqual([]);
  });

  it.each(['coordinator', 'admin'] as const)('agencies.list as %s: their municipality only', async (role) => {
    const a = s.actors[role];
    const agencies = dataOf<{ id: string }[]>(await call(app, 'agencies.list', {}, a.cookie));
    expect(sorted(agencies.map((x) => x.id))).toEqual(
      sorted(await ids('SELECT id FROM agency WHERE municipality_id = $1', [a.user.municipalityId])),
    );
  });

  it("audit.list: the auditor's newest page is the newest events of their municipality, none of another", async () => {
    const a = s.actors.auditor;
    // Read before the call: the call's own event is written after its read. What earlier calls staged is
    // linked first, as the call itself does before it reads (calls answer before their events are linked).
    // Events are numbered within the municipality's own chain (seq), never by the id all towns share.
    await sql.query('SELECT audit_link()');
    const expected = (
      await sql.query<{ seq: number }>(
        'SELECT e.seq FROM audit_event e WHERE e.municipality_id = $1 AND e.chain = $1::text ORDER BY e.id DESC LIMIT 200',
        [a.user.municipalityId],
      )
    ).rows.map((r) => r.seq);
    const page = dataOf<{ items: { seq: number; id?: unknown }[] }>(await call(app, 'audit.list', { limit: 200 }, a.cookie));
    expect(page.items.map((e) => e.seq)).toEqual(expected);
    expect(page.items.every((e) => e.id === undefined)).toBe(true);
    expect(expected.length).toBeGreaterThan(0);
    // Another municipality's events exist, and are not on the page.
    const elsewhere = await sql.query<{ n: string }>('SELECT count(*) AS n FROM audit_event WHERE municipality_id = $1', [s.B.town.id]);
    expect(Number(elsewhere.rows[0]!.n)).toBeGreaterThan(0);
  });

  it.each(ROLES)('auth.sessions as %s: their own live sessions only', async (role) => {
    const a = s.actors[role];
    const got = dataOf<{ id: string }[]>(await call(app, 'auth.sessions', undefined, a.cookie));
    const expected = await ids('SELECT id FROM session WHERE user_id = $1 AND ended_at IS NULL AND expires_at > $2', [a.user.id, NOW]);
    expect(sorted(got.map((x) => x.id))).toEqual(sorted(expected));
  });
});

describe('meetings and my work', () => {
  it.each(WORKERS)(
    'meetings.list as %s: the upcoming meetings they are invited to (coordinator: all of the municipality)',
    async (role) => {
      const a = s.actors[role];
      const got = dataOf<{ id: string }[]>(await call(app, 'meetings.list', { when: 'upcoming' }, a.cookie));
      const expected = await ids(
        `SELECT m.id FROM panel_meeting m JOIN app_user me ON me.id = $1
       WHERE m.municipality_id = me.municipality_id AND m.scheduled_at >= date_trunc('day', $3::timestamptz AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
         AND (me.role = 'coordinator' OR EXISTS (SELECT 1 FROM meeting_invitee i WHERE i.meeting_id = m.id AND (i.user_id = me.id OR i.agency_id = $2)))`,
        [a.user.id, a.user.agencyId, NOW],
      );
      expect(sorted(got.map((m) => m.id))).toEqual(sorted(expected));
      expect(expected.size).toBeGreaterThan(0);
    },
  );

  it.each(WORKERS)('work.mine as %s: their own open reminders, and their open tasks on cases they still see', async (role) => {
    const a = s.actors[role];
    const got = dataOf<{
      now: { reminderId: string | null; task: { id: string } | null }[];
      upcoming: { reminderId: string | null; task: { id: string } | null }[];
    }>(await call(app, 'work.mine', undefined, a.cookie));
    const items = [...got.now, ...got.upcoming];
    const reminders = await ids('SELECT id FROM reminder WHERE user_id = $1 AND dismissed_at IS NULL', [a.user.id]);
    const cases = await casesVisible(a);
    const tasks = (
      await sql.query<{ id: string; case_id: string }>('SELECT id, case_id FROM case_task WHERE assignee_id = $1 AND done_at IS NULL', [
        a.user.id,
      ])
    ).rows.filter((t) => cases.has(t.case_id));
    expect(sorted(items.flatMap((i) => (i.reminderId ? [i.reminderId] : [])))).toEqual(sorted(reminders));
    expect(sorted(new Set(items.flatMap((i) => (i.task ? [i.task.id] : []))))).toEqual(sorted(tasks.map((t) => t.id)));
    expect(tasks.length).toBeGreaterThan(0);
  });
});
