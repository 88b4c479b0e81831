import type { Tx } from '../db.js';
import { auditedTransaction, type AuditTrail } from '../audit/writer.js';
import { lastPublishedYear } from '../modules/hub/release.js';
import { DAY_MS, dayOf, isoDayIn } from '../shared/days.js';
import type { Cohort, ReferralSource, Role, Urgency } from '../shared/vocabulary.js';
import type { DemoStory } from './demo-story.js';
import { seedMunicipality } from './demo-municipality.js';

/** The second city's synthetic accounts: its coordinator and a social worker, who logged its year of referrals. */
export const DEMO_SECOND_CITY_ACCOUNTS: { email: string; displayName: string; role: Role }[] = [
  { email: 'coordinator@city2.demo.jisr.local', displayName: 'Demo Second City Coordinator', role: 'coordinator' },
  { email: 'social.worker@city2.demo.jisr.local', displayName: 'Demo Second City Social Worker', role: 'social_worker' },
];

const SEED = { municipalityId: null, actorId: null, actorRole: null, requestId: 'seed', ip: null };

/** Invented combinations of common given and family names (synthetic people). */
const GIVEN = ['Omar', 'Lina', 'Yazan', 'Rania', 'Tamer', 'Dana', 'Fadi', 'Maya', 'Hani', 'Salma'];
const FAMILY = ['Qudah', 'Nimri', 'Tal', 'Zoubi', 'Rawashdeh', 'Masri'];

/**
 * The second city's referrals of the year, by month (1–12): cohort, source, urgency, and whether the
 * coordinator accepted it the next day (a case opens). Enough of each to show counts, a few small ones
 * that the hub shows as "<5".
 */
const YEAR: [month: number, cohort: Cohort, source: ReferralSource, urgency: Urgency, accepted: boolean][] = [
  [2, 'youth', 'school', 'routine', true],
  [2, 'returnee', 'social_services', 'priority', true],
  [3, 'youth', 'family', 'routine', false],
  [3, 'youth', 'school', 'routine', true],
  [4, 'returnee', 'community', 'routine', false],
  [4, 'migrant', 'health', 'routine', false],
  [5, 'youth', 'school', 'priority', true],
  [5, 'returnee', 'social_services', 'routine', true],
  [6, 'returnee_family', 'social_services', 'routine', false],
  [6, 'youth', 'community', 'routine', false],
  [7, 'returnee', 'family', 'routine', true],
  [7, 'youth', 'school', 'routine', false],
  [8, 'migrant', 'community', 'priority', false],
  [9, 'youth', 'school', 'routine', true],
  [9, 'returnee', 'social_services', 'routine', false],
  [10, 'youth', 'family', 'immediate_danger', true],
  [10, 'returnee_family', 'health', 'routine', false],
  [11, 'returnee', 'community', 'routine', true],
  [11, 'youth', 'school', 'routine', false],
];

/**
 * The demo's second city and its last published year (modules/hub/release.ts: a year is published on
 * 1 February of the next), so the hub's analyst has a year to read: the city is set up in January of
 * that year, as `jisr create-admin` makes a municipality and its accounts (straight to the database,
 * audited); its social worker then logs a referral or two a month through the app and its coordinator
 * screens each the next day. Ids: "second city".
 */
export function seedSecondCity(story: DemoStory, passwordHash: string) {
  const year = lastPublishedYear(isoDayIn(story.now, 'UTC'));
  const on = (month: number, day: number, hour: number) => {
    const target = Date.UTC(year, month - 1, day);
    return story.day(Math.round((dayOf(story.now).getTime() - target) / DAY_MS), hour);
  };
  story.direct(on(1, 20, 8), (db, clock) =>
    auditedTransaction(db, SEED, clock, async (tx: Tx, audit: AuditTrail) => {
      const city = await seedMunicipality(
        tx,
        audit,
        { name: 'Demo Second City', country: 'JO', code: 'DEM2', defaultLocale: 'ar', secondFactorRoles: [], createdAt: clock() },
        DEMO_SECOND_CITY_ACCOUNTS,
        passwordHash,
      );
      story.ids.put('second city', city.id);
    }),
  );
  const [coordinator, socialWorker] = DEMO_SECOND_CITY_ACCOUNTS.map((a) => a.email) as [string, string];
  for (const [i, [month, cohort, source, urgency, accepted]] of YEAR.entries()) {
    const day = 5 + (i % 2) * 10;
    const at = on(month, day, 10);
    story.atAccount(at, socialWorker, async (worker) => {
      const referral = await worker.referrals.create({
        newPerson: {
          nameLatin: `${GIVEN[i % GIVEN.length]} ${FAMILY[i % FAMILY.length]}`,
          birthYear: year - 24 - (i % 15),
          cohort,
          languages: ['ar'],
        },
        cohort,
        source,
        concernCategories: ['isolation'],
        concernText: 'Synthetic demo concern: the family reports growing isolation and asks for support.',
        urgency,
        consent: { given: true, by: 'person', at, scope: 'Support from the local prevention network' },
      });
      story.ids.put(`second city referral ${i}`, referral.id);
    });
    if (accepted)
      story.atAccount(on(month, day + 1, 9), coordinator, (c) =>
        c.referrals.screen({ id: story.ids.of(`second city referral ${i}`), decision: 'accept' }),
      );
  }
}
