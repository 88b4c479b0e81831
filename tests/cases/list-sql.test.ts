import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeAgency, makeTown, makeUser } from '../helpers/factories.js';
import { callerFor } from '../helpers/callers.js';
import { makeCase, makeDisclosure, OPENED_AT } from '../helpers/case-factories.js';
import { manualClock } from '../../src/lib/clock.js';
import { defineAbilityFor } from '../../src/auth/ability.js';
import { accessibleBy } from '../../src/auth/casl.js';
import { listRule } from '../../src/modules/cases/list-sql.js';
import type { SessionUser } from '../../src/auth/session.js';

const { db } = await testDb();

const HOUR = 3_600_000;
const now = new Date('2026-03-01T12:00:00Z');
type Town = Awaited<ReturnType<typeof makeTown>>;
/** A factory's user as the session has it (a city's: auth/ability.ts reads the municipality's kind). */
const inCity = (user: object) => ({ ...user, municipality: { kind: 'city' } }) as unknown as SessionUser;

const casesOf = (town: Town, n: number, extra: (i: number) => Parameters<typeof makeCase>[2] = () => ({})) =>
  Promise.all(
    Array.from({ length: n }, (_, i) =>
      makeCase(db, town, { openedAt: new Date(OPENED_AT.getTime() + i * HOUR), person: { nameLatin: `Synthetic Row ${i}` }, ...extra(i) }),
    ),
  );

/** The rule set the hand-written statement would be chosen for, from the user's real ability at `at`. */
function ruleOf(user: SessionUser, at = now) {
  const ability = defineAbilityFor(user, at);
  return listRule({ user }, accessibleBy(ability).ofType('Case'), accessibleBy(ability, 'read:summary').ofType('Case'));
}

describe('cases.list: the hand-written statement of the common page (issue 17)', () => {
  it('is chosen only for the rule sets it was written for: a coordinator, a practitioner', async () => {
    const town = await makeTown(db);
    expect(ruleOf(inCity(town.coordinator))).toEqual({ kind: 'municipality' });
    expect(ruleOf(inCity(town.practitioner))).toEqual({ kind: 'disclosed', now });
    expect(ruleOf(inCity({ ...town.practitioner, agencyId: null }))).toEqual({ kind: 'disclosed', now });
    // A social worker's rules (key worker, break-glass, disclosures) take the Prisma query, as does any other set.
    expect(ruleOf(inCity(town.socialWorker))).toBeNull();
    expect(ruleOf(inCity(town.auditor))).toBeNull();
    const coordinator = inCity(town.coordinator);
    const read = accessibleBy(defineAbilityFor(coordinator, now)).ofType('Case');
    expect(listRule({ user: coordinator }, { OR: [...(read as { OR: unknown[] }).OR, { id: 'x' }] }, read)).toBeNull();
    expect(listRule({ user: { ...coordinator, municipalityId: crypto.randomUUID() } }, read, read)).toBeNull();
  });

  it("gives a coordinator the page Prisma's query gives, row for row and field for field", async () => {
    const town = await makeTown(db);
    const other = await makeTown(db);
    await casesOf(other, 2);
    await casesOf(town, 5, (i) => ({
      keyWorkerId: i % 2 ? town.socialWorker.id : null,
      leadAgencyId: i === 1 ? town.agency.id : null,
      stage: i === 3 ? 'assessment' : 'intake',
    }));
    const { caller } = await callerFor(db, town.coordinator, { clock: manualClock(now) });
    const fast = await caller.cases.list({});
    // Every case here is of the cohort 'youth': the filter sends the same page through Prisma's query.
    const prisma = await caller.cases.list({ cohort: 'youth' });
    expect(fast.items).toHaveLength(5);
    expect(fast).toEqual(prisma);
    expect((await caller.cases.list({ stage: 'assessment' })).items.map((r) => r.stage)).toEqual(['assessment']);
    // Keyset pages: two of three, then the rest, none twice.
    const first = await caller.cases.list({ limit: 3 });
    const rest = await caller.cases.list({ limit: 3, cursor: first.nextCursor! });
    expect([...first.items, ...rest.items].map((r) => r.id)).toEqual(fast.items.map((r) => r.id));
    expect(rest.nextCursor).toBeNull();
  });

  it("gives a practitioner the cases disclosed to them now by the request's clock, and the summary only where disclosed", async () => {
    const town = await makeTown(db);
    const elsewhere = await makeAgency(db, town.town.id);
    const [a, b, c, d] = await casesOf(town, 5);
    const by = { createdById: town.coordinator.id };
    await makeDisclosure(db, a!, { agencyId: town.agency.id, sections: ['summary'], expiresAt: new Date(now.getTime() + HOUR), ...by });
    await makeDisclosure(db, b!, {
      userId: town.practitioner.id,
      sections: ['plan'],
      expiresAt: new Date(now.getTime() + 48 * HOUR),
      ...by,
    });
    await makeDisclosure(db, c!, { agencyId: elsewhere.id, sections: ['summary'], expiresAt: new Date(now.getTime() + 48 * HOUR), ...by });
    await makeDisclosure(db, d!, {
      agencyId: town.agency.id,
      sections: ['summary'],
      expiresAt: new Date(now.getTime() + 48 * HOUR),
      revokedAt: now,
      ...by,
    });

    const at = async (when: Date) => {
      const { caller } = await callerFor(db, town.practitioner, { clock: manualClock(when) });
      return caller.cases.list({});
    };
    const page = await at(now);
    expect(page.items.map((r) => [r.id, r.summaryVisible])).toEqual([
      [b!.id, false],
      [a!.id, true],
    ]);
    expect(page.items[0]).toEqual({ id: b!.id, reference: b!.reference, stage: 'intake', summaryVisible: false });
    // The same rows whose summary shows, through Prisma's query (a filter on a hidden field takes it).
    const { caller } = await callerFor(db, town.practitioner, { clock: manualClock(now) });
    expect((await caller.cases.list({ cohort: 'youth' })).items).toEqual(page.items.filter((r) => r.summaryVisible));
    // Two hours on, by the request's clock (not the database's), the agency's disclosure has expired.
    expect((await at(new Date(now.getTime() + 2 * HOUR))).items.map((r) => r.id)).toEqual([b!.id]);
    // The agency switched off: what was disclosed to it no longer reaches its practitioner.
    await db.agency.update({ where: { id: town.agency.id }, data: { active: false } });
    expect((await at(now)).items.map((r) => r.id)).toEqual([b!.id]);
  });

  it('a social worker (Prisma query) sees the summary of a case reached by a live break-glass that names it, and no rule fields', async () => {
    const town = await makeTown(db);
    const keyWorker = await makeUser(db, { municipalityId: town.town.id, role: 'social_worker' });
    const [glassed, other] = await casesOf(town, 2, () => ({ keyWorkerId: keyWorker.id }));
    const { caller } = await callerFor(db, town.socialWorker, { clock: manualClock(now) });
    expect((await caller.cases.list({})).items).toEqual([]);
    await caller.cases.breakGlass({
      caseId: glassed!.id,
      sections: ['summary'],
      justification: 'Synthetic emergency: the key worker is away and the family is in danger tonight.',
    });
    const items = (await caller.cases.list({})).items;
    expect(items.map((r) => [r.id, r.summaryVisible])).toEqual([[glassed!.id, true]]);
    expect(Object.keys(items[0]!).sort()).toEqual(
      ['cohort', 'id', 'keyWorker', 'leadAgency', 'openedAt', 'person', 'reference', 'stage', 'summaryVisible', 'updatedAt'].sort(),
    );
    expect(items.map((r) => r.id)).not.toContain(other!.id);
  });
});
