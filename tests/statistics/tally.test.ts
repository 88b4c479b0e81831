import fc from 'fast-check';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { makePerson } from '../helpers/people-factories.js';
import { referralRow } from '../helpers/referral-factories.js';
import { directCounts, sorted } from '../helpers/direct-counts.js';
import type { Window } from '../../src/modules/statistics/queries.js';
import { referralTallies } from '../../src/modules/statistics/tally.js';
import { COHORTS, REFERRAL_SOURCES, URGENCIES } from '../../src/shared/vocabulary.js';

const { db, url } = await testDb();

/**
 * The monthly tallies (tally.ts) must equal counting the referrals, whatever the writers did since the
 * month was counted: insertions one by one and in bulk, screening decisions, corrections, moves between
 * months, removals, in two time zones at once, and a write in flight while a reader counts.
 */
const window = (m: string, timeZone: string, year = 2026): Window => ({
  municipalityId: m,
  timeZone,
  start: `${year}-01-01`,
  end: `${year + 1}-01-01`,
  today: `${year}-12-05`,
});
const ZONES = ['Asia/Beirut', 'Africa/Tunis'];

async function expectTalliesEqualCounts(m: string) {
  for (const zone of ZONES) {
    const w = window(m, zone);
    expect(sorted(await referralTallies(db, w)), zone).toEqual(await directCounts(db, w));
  }
}

// Instants from mid-December 2025 to mid-January 2027, so month and year edges in both zones are crossed.
const FROM = Date.parse('2025-12-15T00:00:00Z');
const TO = Date.parse('2027-01-15T00:00:00Z');
const instant = fc.integer({ min: FROM, max: TO }).map((t) => new Date(t));
const fields = fc.record({
  cohort: fc.constantFrom(...COHORTS),
  source: fc.constantFrom(...REFERRAL_SOURCES),
  urgency: fc.constantFrom(...URGENCIES),
});
const op = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), at: instant, fields }),
  fc.record({ kind: fc.constant('addMany' as const), at: fc.array(instant, { minLength: 2, maxLength: 6 }), fields }),
  fc.record({ kind: fc.constant('decide' as const), pick: fc.nat(), after: fc.integer({ min: 0, max: 20 * 86_400_000 }) }),
  // A correction changes one field at a time, so each counted column must drop the month on its own.
  fc.record({
    kind: fc.constant('correct' as const),
    pick: fc.nat(),
    fields: fc.oneof(
      fc.record({ cohort: fc.constantFrom(...COHORTS) }),
      fc.record({ source: fc.constantFrom(...REFERRAL_SOURCES) }),
      fc.record({ urgency: fc.constantFrom(...URGENCIES) }),
    ),
  }),
  fc.record({ kind: fc.constant('move' as const), pick: fc.nat(), at: instant }),
  fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
);

describe('referral tallies', () => {
  it('equal counting the referrals after every write of any sequence, in two time zones', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 4, maxLength: 10 }), async (ops) => {
        const town = await makeTown(db);
        const m = town.town.id;
        const person = await makePerson(db, m);
        const pick = async (n: number) => {
          const ids = await db.referral.findMany({
            where: { municipalityId: m },
            select: { id: true, submittedAt: true },
            orderBy: { id: 'asc' },
          });
          return ids.length ? ids[n % ids.length]! : null;
        };
        for (const o of ops) {
          if (o.kind === 'add') await db.referral.create({ data: referralRow(town, person, { submittedAt: o.at, ...o.fields }) });
          else if (o.kind === 'addMany')
            await db.referral.createMany({ data: o.at.map((at) => referralRow(town, person, { submittedAt: at, ...o.fields })) });
          else {
            const r = await pick(o.pick);
            if (!r) continue;
            if (o.kind === 'decide')
              await db.referral.update({
                where: { id: r.id },
                data: { status: 'accepted', decidedAt: new Date(r.submittedAt.getTime() + o.after) },
              });
            else if (o.kind === 'correct') await db.referral.update({ where: { id: r.id }, data: o.fields });
            else if (o.kind === 'move') await db.referral.update({ where: { id: r.id }, data: { submittedAt: o.at } });
            else await db.referral.delete({ where: { id: r.id } });
          }
          // Read after every write: the months counted now are the ones the next write must drop.
          await expectTalliesEqualCounts(m);
        }
      }),
      { numRuns: 15 },
    );
  });

  it('keep a counted month until a write touches it, and count only that month again', async () => {
    const town = await makeTown(db);
    const m = town.town.id;
    const person = await makePerson(db, m);
    await db.referral.createMany({
      data: ['2026-02-10T10:00:00Z', '2026-05-10T10:00:00Z', '2026-05-11T10:00:00Z'].map((t) =>
        referralRow(town, person, { submittedAt: new Date(t) }),
      ),
    });
    const w = window(m, 'Asia/Beirut');
    await referralTallies(db, w);
    const counted = () =>
      db.$queryRaw<
        { month: string }[]
      >`SELECT month::text AS month FROM referral_tally_month WHERE municipality_id = ${m}::uuid ORDER BY 1`;
    expect((await counted()).length).toBe(12);
    // A screening decision in May drops May only; a change that counts nothing (the status alone) drops nothing.
    const may = await db.referral.findFirstOrThrow({ where: { municipalityId: m, submittedAt: new Date('2026-05-10T10:00:00Z') } });
    await db.referral.update({ where: { id: may.id }, data: { status: 'accepted', decidedAt: new Date('2026-05-12T09:00:00Z') } });
    expect((await counted()).map((r) => r.month)).not.toContain('2026-05-01');
    expect((await counted()).length).toBe(11);
    await db.referral.update({ where: { id: may.id }, data: { status: 'closed' } });
    expect((await counted()).length).toBe(11);
    const again = await referralTallies(db, w);
    expect(again.screening.find((s) => s.submitted === '2026-05-10')).toMatchObject({ decided: '2026-05-12', n: 1 });
    expect((await counted()).length).toBe(12);
    // Another city's write drops nothing here.
    const other = await makeTown(db);
    await db.referral.create({
      data: referralRow(other, await makePerson(db, other.town.id), { submittedAt: new Date('2026-05-10T10:00:00Z') }),
    });
    expect((await counted()).length).toBe(12);
  });

  it('count a write that was in flight while the month was being counted (the tally lock), never a stale month', async () => {
    const town = await makeTown(db);
    const m = town.town.id;
    const person = await makePerson(db, m);
    await db.referral.create({ data: referralRow(town, person, { submittedAt: new Date('2026-03-03T10:00:00Z') }) });
    const w = window(m, 'Africa/Tunis');
    const writer = new pg.Client({ connectionString: url });
    await writer.connect();
    try {
      // A referral written, not yet committed: its transaction holds the tally lock in shared mode.
      await writer.query('BEGIN');
      const { rows } = await writer.query<{ id: string }>(
        `INSERT INTO referral (id, municipality_id, person_id, referrer_id, cohort, source, concern_categories, concern_text, urgency,
                               consent_given, status, submitted_at)
         VALUES (gen_random_uuid(), $1, $2, $3, 'returnee', 'police', '{isolation}', 'synthetic', 'priority', true, 'submitted',
                 '2026-03-04T10:00:00Z') RETURNING id`,
        [m, person.id, town.socialWorker.id],
      );
      expect(rows).toHaveLength(1);
      // The reader has months to count: it waits for the writer's lock (seen in pg_locks), then counts.
      const reading = referralTallies(db, w);
      let waiting = false;
      for (let i = 0; i < 500 && !waiting; i++) {
        const { rows: locks } = await writer.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
        );
        waiting = locks[0]!.n > 0;
      }
      expect(waiting, 'the reader waits for the writer in flight').toBe(true);
      await writer.query('COMMIT');
      const read = await reading;
      expect(read.referrals.find((r) => r.cohort === 'returnee')).toMatchObject({
        month: '2026-03',
        source: 'police',
        urgency: 'priority',
        n: 1,
      });
      expect(sorted(read)).toEqual(await directCounts(db, w));
      expect(sorted(await referralTallies(db, w))).toEqual(await directCounts(db, w));
    } finally {
      await writer.query('ROLLBACK').catch(() => undefined);
      await writer.end();
    }
  });
});
