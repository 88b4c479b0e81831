import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeAgency, makeTown } from '../helpers/factories.js';
import { callerFor } from '../helpers/callers.js';
import { makeCase, makeDisclosure, OPENED_AT } from '../helpers/case-factories.js';
import { manualClock } from '../../src/lib/clock.js';
import { createDb } from '../../src/db.js';
import { caseListParams, caseListSql } from '../../bench/sql.js';

const { db, url } = await testDb();

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The benchmark's hand-written SQL uses the database's now(), the procedure the request's clock: both
 * run at the real time here, with disclosures expiring well away from it.
 */
const now = new Date();
const live = new Date(now.getTime() + 30 * DAY);
const expired = new Date(now.getTime() - DAY);

type Town = Awaited<ReturnType<typeof makeTown>>;
const casesOf = (town: Town, n: number) =>
  Promise.all(
    Array.from({ length: n }, (_, i) =>
      makeCase(db, town, { openedAt: new Date(OPENED_AT.getTime() + i * HOUR), person: { nameLatin: `Synthetic Listed ${i}` } }),
    ),
  );

/** The page as the procedure returns it and as the benchmark's L0 SQL does: id and summary flag, in order. */
async function bothWays(town: Town, user: Town['practitioner'] | Town['coordinator']) {
  const { caller } = await callerFor(db, user, { clock: manualClock(now) });
  const procedure = (await caller.cases.list({})).items.map((r) => [r.id, r.summaryVisible]);
  const who = user.role === 'coordinator' ? { userId: null, agencyId: null } : { userId: user.id, agencyId: user.agencyId };
  const rows = await db.$queryRawUnsafe<{ id: string; summary_visible: boolean }[]>(
    caseListSql(who),
    ...caseListParams({ municipalityId: town.town.id, stage: null, ...who }),
  );
  return { procedure, sql: rows.slice(0, 50).map((r) => [r.id, r.summary_visible]) };
}

describe('cases.list: which rows show their summary', () => {
  it('a practitioner sees the summary only through a live disclosure that includes it, and the L0 SQL agrees', async () => {
    const town = await makeTown(db);
    const elsewhere = await makeAgency(db, town.town.id);
    const [a, b, c, d, e, f] = await casesOf(town, 6);
    const by = { createdById: town.coordinator.id };
    const mine = { agencyId: town.agency.id, ...by };
    await makeDisclosure(db, a!, { ...mine, sections: ['summary'], expiresAt: live });
    await makeDisclosure(db, b!, { ...mine, sections: ['plan'], expiresAt: live });
    await makeDisclosure(db, b!, { ...mine, sections: ['summary'], expiresAt: expired });
    await makeDisclosure(db, c!, { ...mine, sections: ['plan'], expiresAt: live });
    await makeDisclosure(db, c!, { ...mine, sections: ['summary'], expiresAt: live, revokedAt: OPENED_AT });
    await makeDisclosure(db, d!, { userId: town.practitioner.id, sections: ['summary', 'notes'], expiresAt: live, ...by });
    await makeDisclosure(db, e!, { agencyId: elsewhere.id, sections: ['summary'], expiresAt: live, ...by });
    await makeDisclosure(db, f!, { ...mine, sections: ['notes'], expiresAt: live });
    await makeDisclosure(db, f!, { agencyId: elsewhere.id, sections: ['summary'], expiresAt: live, ...by });

    const { procedure, sql } = await bothWays(town, town.practitioner);
    // Newest first; e is disclosed to another agency only, so it is not listed at all.
    expect(procedure).toEqual([
      [f!.id, false],
      [d!.id, true],
      [c!.id, false],
      [b!.id, false],
      [a!.id, true],
    ]);
    expect(sql).toEqual(procedure);
  });

  it('a disclosure to an agency that is no longer active shows no summary, even when another disclosure lists the case', async () => {
    const town = await makeTown(db);
    const [a] = await casesOf(town, 1);
    const by = { createdById: town.coordinator.id };
    await makeDisclosure(db, a!, { userId: town.practitioner.id, sections: ['plan'], expiresAt: live, ...by });
    await makeDisclosure(db, a!, { agencyId: town.agency.id, sections: ['summary'], expiresAt: live, ...by });
    expect((await bothWays(town, town.practitioner)).procedure).toEqual([[a!.id, true]]);

    await db.agency.update({ where: { id: town.agency.id }, data: { active: false } });
    const { procedure, sql } = await bothWays(town, town.practitioner);
    expect(procedure).toEqual([[a!.id, false]]);
    expect(sql).toEqual(procedure);
  });

  it('a social worker sees the summary of their own cases and of cases disclosed to them with it', async () => {
    const town = await makeTown(db);
    const sw = town.socialWorker;
    const [own, notesOnly, withSummary] = await Promise.all([
      makeCase(db, town, { keyWorkerId: sw.id, openedAt: new Date(OPENED_AT.getTime()) }),
      makeCase(db, town, { keyWorkerId: null, openedAt: new Date(OPENED_AT.getTime() + HOUR) }),
      makeCase(db, town, { keyWorkerId: null, openedAt: new Date(OPENED_AT.getTime() + 2 * HOUR) }),
    ]);
    const by = { createdById: town.coordinator.id };
    await makeDisclosure(db, notesOnly, { userId: sw.id, sections: ['notes'], expiresAt: live, ...by });
    await makeDisclosure(db, withSummary, { userId: sw.id, sections: ['summary'], expiresAt: live, ...by });
    const { caller } = await callerFor(db, sw, { clock: manualClock(now) });
    expect((await caller.cases.list({})).items.map((r) => [r.id, r.summaryVisible])).toEqual([
      [withSummary.id, true],
      [notesOnly.id, false],
      [own.id, true],
    ]);
  });

  it('a coordinator sees every summary, and the L0 SQL agrees', async () => {
    const town = await makeTown(db);
    const cases = await casesOf(town, 3);
    const { procedure, sql } = await bothWays(town, town.coordinator);
    expect(procedure).toEqual([...cases].reverse().map((c) => [c.id, true]));
    expect(sql).toEqual(procedure);
  });

  it('loads a page with its person, key worker, lead agency and disclosures in one statement (no query per relation)', async () => {
    const town = await makeTown(db);
    const [a, b] = await Promise.all([
      makeCase(db, town, { keyWorkerId: town.socialWorker.id, leadAgencyId: town.agency.id }),
      makeCase(db, town, { openedAt: new Date(OPENED_AT.getTime() + HOUR), leadAgencyId: town.agency.id }),
    ]);
    for (const c of [a, b])
      await makeDisclosure(db, c, { agencyId: town.agency.id, sections: ['summary'], expiresAt: live, createdById: town.coordinator.id });
    // A client of our own whose connections record what they send.
    const sent: string[] = [];
    const own = createDb({ url, poolMax: 2 });
    own.pool.on('connect', (client) => {
      const query = client.query.bind(client) as (...args: unknown[]) => unknown;
      (client as unknown as { query: typeof query }).query = (...args: unknown[]) => {
        const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string } | undefined)?.text;
        if (text) sent.push(text);
        return query(...args);
      };
    });
    try {
      for (const user of [town.coordinator, town.practitioner]) {
        const { caller } = await callerFor(own.db, user, { clock: manualClock(now) });
        sent.length = 0;
        const { items } = await caller.cases.list({});
        expect(items).toHaveLength(2);
        expect(items.every((r) => r.summaryVisible && r.leadAgency?.id === town.agency.id)).toBe(true);
        const reads = sent.filter((s) => /case_record|"person"|"agency"|"disclosure"/.test(s));
        expect(reads).toHaveLength(1);
        expect(reads[0]).toContain('case_record');
      }
    } finally {
      await own.close();
    }
  });
});
