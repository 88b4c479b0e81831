import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { callerFor, testKeyring } from '../helpers/callers.js';
import { makeCase, makeDisclosure, failure } from '../helpers/case-factories.js';
import { makePerson } from '../helpers/people-factories.js';
import { makeReferral } from '../helpers/referral-factories.js';

const { db } = await testDb();

// Synthetic names only.
const ARABIC = 'محمد بن صالح';
const TYPED = 'Mohamed Ben Salah';

const lastEvent = (actorId: string) =>
  db.auditEvent.findFirstOrThrow({
    where: { actorId, action: 'search.find' },
    orderBy: { at: 'desc' },
    select: { outcome: true, detail: true },
  });

describe('search.find by name', () => {
  it('finds a case, its person and its referral by a differently spelt name, best match first', async () => {
    const town = await makeTown(db);
    const wanted = await makeCase(db, town, { person: { nameArabic: ARABIC } });
    const other = await makeCase(db, town, { person: { nameLatin: 'Synthetic Unrelated Person' } });
    const { caller } = await callerFor(db, town.coordinator);
    const found = await caller.search.find({ query: TYPED });
    expect(found.kind).toBe('name');
    expect(found.cases.map((c) => c.id)).toEqual([wanted.id]);
    expect(found.cases[0]).toMatchObject({ reference: wanted.reference, person: { nameArabic: ARABIC } });
    expect(found.people[0]).toMatchObject({ restricted: false, person: { id: wanted.person.id } });
    expect(found.referrals.map((r) => r.id)).toEqual([wanted.referralId]);
    expect(found.cases.map((c) => c.id)).not.toContain(other.id);
    // Audited as a read: what was shown is named; what was typed is not stored.
    const event = await lastEvent(town.coordinator.id);
    const detail = event.detail as { touched: Record<string, string[]> };
    expect(detail.touched.Case).toEqual([wanted.id]);
    expect(detail.touched.Referral).toEqual([wanted.referralId]);
    expect(detail.touched.Person).toContain(wanted.person.id);
    expect(JSON.stringify(event.detail)).not.toMatch(/Mohamed|محمد/);
  });

  it('a practitioner finds only cases whose summary is disclosed to them; others stay hidden, the person restricted', async () => {
    const town = await makeTown(db);
    const by = { createdById: town.coordinator.id, agencyId: town.agency.id };
    const disclosed = await makeCase(db, town, { person: { nameArabic: ARABIC } });
    const planOnly = await makeCase(db, town, { person: { nameArabic: 'محمد بن صالح' } });
    const undisclosed = await makeCase(db, town, { person: { nameLatin: 'Mohamed Ben Salah' } });
    await makeDisclosure(db, disclosed, { ...by, sections: ['summary'] });
    await makeDisclosure(db, planOnly, { ...by, sections: ['plan'] });
    const { caller } = await callerFor(db, town.practitioner);
    const found = await caller.search.find({ query: TYPED });
    expect(found.cases.map((c) => c.id)).toEqual([disclosed.id]);
    expect(found.referrals).toEqual([]);
    const visible = found.people.filter((p) => !p.restricted).map((p) => (p.restricted ? null : p.person.id));
    expect(visible).toEqual([disclosed.person.id]);
    // The two others exist for the matcher: they come back restricted, with no name or id.
    const restricted = found.people.filter((p) => p.restricted);
    expect(restricted).toHaveLength(2);
    expect(JSON.stringify(restricted)).not.toMatch(new RegExp(`${planOnly.person.id}|${undisclosed.person.id}|Mohamed|محمد`));
    // By reference, the plan-only case is listed as cases.list lists it: reference and stage, no person.
    const byRef = await caller.search.find({ query: planOnly.reference });
    expect(byRef.kind).toBe('reference');
    expect(byRef.cases).toEqual([{ id: planOnly.id, reference: planOnly.reference, stage: 'intake', summaryVisible: false }]);
    expect((await caller.search.find({ query: undisclosed.reference })).cases).toEqual([]);
  });

  it('never shows anything of another municipality, even to its coordinator', async () => {
    const town = await makeTown(db);
    const elsewhere = await makeTown(db);
    const there = await makeCase(db, elsewhere, { person: { nameArabic: ARABIC } });
    const { caller } = await callerFor(db, town.coordinator);
    const found = await caller.search.find({ query: TYPED });
    expect(found).toEqual({ kind: 'name', people: [], cases: [], referrals: [] });
    expect((await caller.search.find({ query: there.reference })).cases).toEqual([]);
    expect((await caller.search.find({ query: '2009' })).people).toEqual([]);
  });

  it("a referrer finds their own referral by name, not a colleague's, and the person stays restricted", async () => {
    const town = await makeTown(db);
    const person = await makePerson(db, town.town.id, { nameArabic: ARABIC });
    const mine = await makeReferral(db, testKeyring, { town, referrer: town.practitioner, person });
    await makeReferral(db, testKeyring, { town, referrer: town.socialWorker, person });
    const { caller } = await callerFor(db, town.practitioner);
    const found = await caller.search.find({ query: TYPED });
    expect(found.referrals.map((r) => r.id)).toEqual([mine.id]);
    expect(found.people).toEqual([{ restricted: true }]);
  });
});

describe('search.find by birth year and reference', () => {
  it('a year alone finds the readable people, cases and referrals born that year', async () => {
    const town = await makeTown(db);
    const born = await makeCase(db, town, { person: { nameLatin: 'Synthetic Born Early' } });
    await db.person.update({ where: { id: born.person.id }, data: { birthYear: 1994 } });
    await makeCase(db, town, { person: { nameLatin: 'Synthetic Born Later' } });
    const { caller } = await callerFor(db, town.coordinator);
    const found = await caller.search.find({ query: '1994' });
    expect(found.kind).toBe('year');
    expect(found.people.map((p) => (p.restricted ? null : p.person.id))).toEqual([born.person.id]);
    expect(found.cases.map((c) => c.id)).toEqual([born.id]);
    expect(found.referrals.map((r) => r.id)).toEqual([born.referralId]);
    // Typed with Arabic-Indic digits, it is the same year.
    expect(await caller.search.find({ query: '١٩٩٤' })).toEqual(found);
  });

  it('a reference prefix in any case finds the cases and their referrals', async () => {
    const town = await makeTown(db);
    const a = await makeCase(db, town);
    const b = await makeCase(db, town);
    const { caller } = await callerFor(db, town.coordinator);
    const prefix = a.reference.split('-').slice(0, 2).join('-').toLowerCase();
    const found = await caller.search.find({ query: prefix });
    expect(found.kind).toBe('reference');
    expect(found.cases.map((c) => c.id).sort()).toEqual([a.id, b.id].sort());
    expect(found.referrals.map((r) => r.id).sort()).toEqual([a.referralId, b.referralId].sort());
  });
});

describe('search.find refusals and crafted input', () => {
  it('auditors and admins are refused, and the refusal is audited', async () => {
    const town = await makeTown(db);
    for (const user of [town.auditor, town.admin]) {
      const { caller } = await callerFor(db, user);
      expect((await failure(caller.search.find({ query: TYPED }))).code).toBe('FORBIDDEN');
      expect((await lastEvent(user.id)).outcome).toBe('denied');
    }
  });

  it('wildcards, quotes and control characters find nothing or are refused with a field error', async () => {
    const town = await makeTown(db);
    await makeCase(db, town, { person: { nameArabic: ARABIC } });
    const { caller } = await callerFor(db, town.coordinator);
    for (const query of ['%%', '__', "' OR 1=1 --", 'a%b_c', '%-%']) {
      const found = await caller.search.find({ query });
      expect([found.people, found.cases, found.referrals]).toEqual([[], [], []]);
    }
    for (const query of ['x', 'ab\u0000cd', 'a'.repeat(161), '\u200f\u200f']) {
      const refused = await failure(caller.search.find({ query }), { query });
      expect(refused.code).toBe('BAD_INPUT');
      expect(Object.keys(refused.fields ?? {})).toEqual(['query']);
    }
    expect((await failure(caller.search.find({ query: TYPED, birthYear: 3000 }))).code).toBe('BAD_INPUT');
  });
});
