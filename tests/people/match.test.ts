import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { makePerson } from '../helpers/people-factories.js';
import { callerFor } from '../helpers/callers.js';
import { manualClock } from '../../src/lib/clock.js';
import { purposeIdOf } from '../helpers/case-factories.js';

const { db } = await testDb();

// Registered name (either script) → a spelling someone types at referral. All synthetic.
const SAME_PERSON: [string, string][] = [
  ['محمد الأمين', 'Mohamed El Amine'],
  ['محمد الأمين', 'Muhammad al-Amin'],
  ['عبد الرحمن', 'Abderrahmane'],
  ['عبد الرحمن', 'Abdul Rahman'],
  ['عبد الرحمن', 'Abdelrahman'],
  ['فاطمة الزهراء', 'Fatma Zahra'],
  ['فاطمة الزهراء', 'Fatima Al-Zahraa'],
  ['يوسف', 'Youssef'],
  ['يوسف', 'Yusuf'],
  ['يوسف', 'Youcef'],
  ['عبد الله', 'Abdallah'],
  ['عبد الله', 'Abdullah'],
  ['خالد', 'Khaled'],
  ['خالد', 'Khalid'],
  ['رشيد', 'Rachid'],
  ['رشيد', 'Rashid'],
  ['شيماء', 'Chaima'],
  ['شيماء', 'Shaimaa'],
  ['مروان', 'Marwan'],
  ['وليد', 'Oualid'],
  ['وليد', 'Walid'],
  ['جمال', 'Djamel'],
  ['جمال', 'Jamal'],
  ['جمال', 'Gamal'],
  ['قاسم', 'Kassem'],
  ['قاسم', 'Qasim'],
  ['غسان', 'Ghassan'],
  ['حسين', 'Hussein'],
  ['حسين', 'Houcine'],
  ['عائشة', 'Aicha'],
  ['عائشة', 'Aisha'],
  ['مصطفى', 'Mustapha'],
  ['مصطفى', 'Moustafa'],
  ['إبراهيم', 'Ibrahim'],
  ['إبراهيم', 'Brahim'],
  ['سعيد', 'Said'],
  ['نور الهدى', 'Nour El Houda'],
  ['أمين', 'Amine'],
  ['سليمان', 'Souleymane'],
  ['زينب', 'Zineb'],
  ['Mohammed Ben Salah', 'محمد بن صالح'],
  ['Karim Haddad', 'كريم حداد'],
  ['Samira Toumi', 'سميرة التومي'],
  ['Omar Farouk', 'عمر فاروق'],
  ['Hamza Belkacem', 'حمزة بلقاسم'],
];

// Different people whose names must not be offered for each other.
const DIFFERENT: [string, string][] = [
  ['محمد الأمين', 'Khaled Mansour'],
  ['يوسف', 'Karim'],
  ['فاطمة الزهراء', 'Samira Toumi'],
  ['عبد الرحمن', 'Abdelkader'],
  ['رشيد', 'Walid'],
  ['Hamza Belkacem', 'عمر فاروق'],
  ['زينب', 'Yasmina'],
  ['غسان', 'Hassan Idrissi'],
];

const register = (municipalityId: string, name: string) =>
  makePerson(db, municipalityId, /[\u0600-\u06FF]/.test(name) ? { nameArabic: name } : { nameLatin: name });

describe('people.match across scripts', () => {
  it(`finds the same person for each of ${SAME_PERSON.length} spellings, best candidate first, among all the others`, async () => {
    const { town, coordinator } = await makeTown(db);
    const registered = new Map<string, string>();
    for (const [name] of SAME_PERSON) if (!registered.has(name)) registered.set(name, (await register(town.id, name)).id);
    const { caller } = await callerFor(db, coordinator);
    const misses: string[] = [];
    for (const [name, typed] of SAME_PERSON) {
      const top = (await caller.people.match({ name: typed }))[0];
      if (!top || top.restricted || top.person.id !== registered.get(name)) misses.push(`${name} ← ${typed}`);
    }
    expect(misses).toEqual([]);
  });

  it('does not offer a different person', async () => {
    const offered: string[] = [];
    for (const [registered, typed] of DIFFERENT) {
      const { town, coordinator } = await makeTown(db);
      await register(town.id, registered);
      const { caller } = await callerFor(db, coordinator);
      if ((await caller.people.match({ name: typed })).length > 0) offered.push(`${registered} ← ${typed}`);
    }
    expect(offered).toEqual([]);
  });

  it('tells a name from its look-alike that shares the skeleton, and says why each matched', async () => {
    const { town, coordinator } = await makeTown(db);
    // Siblings: different names with one consonant skeleton (m-h-m-d, h-s-n), the look-alike registered first.
    const mahmoud = await register(town.id, 'محمود الجلاصي');
    const mohamed = await register(town.id, 'محمد الجلاصي');
    const hussein = await register(town.id, 'حسين الجلاصي');
    const hassan = await makePerson(db, town.id, { nameArabic: 'حسن الجلاصي', nameLatin: 'Hassan Jlassi' });
    const { caller } = await callerFor(db, coordinator);
    const first = async (name: string) => (await caller.people.match({ name }))[0];
    expect(await first('Mohamed Jlassi')).toMatchObject({ person: { id: mohamed.id }, reason: 'transliteration' });
    expect(await first('Mahmoud Jlassi')).toMatchObject({ person: { id: mahmoud.id }, reason: 'transliteration' });
    expect(await first('Houcine Jlassi')).toMatchObject({ person: { id: hussein.id } });
    expect(await first('Hassan Jlassi')).toMatchObject({ person: { id: hassan.id }, score: 1, reason: 'same_spelling' });
    const forMohamed = await caller.people.match({ name: 'Mohamed Jlassi' });
    expect(forMohamed[0]!.score).toBeGreaterThan(forMohamed.find((c) => c.person?.id === mahmoud.id)!.score);
    // Only the family name in common: not offered (a sibling is another person).
    expect(await caller.people.match({ name: 'Karim Jlassi' })).toEqual([]);
  });

  it('reads a final ح as a letter: صلاح الدين is Salaheddine, Salah Eddine', async () => {
    const { town, coordinator } = await makeTown(db);
    const salah = await register(town.id, 'صلاح الدين العياري');
    const { caller } = await callerFor(db, coordinator);
    for (const typed of ['Salaheddine Ayari', 'Salah Eddine Ayari', 'Salah-Eddine El Ayari']) {
      const found = await caller.people.match({ name: typed });
      expect(found[0]).toMatchObject({ person: { id: salah.id }, reason: 'transliteration' });
      expect(found[0]!.score).toBeGreaterThan(0.8);
    }
  });

  it('ranks the candidate with the matching birth year first', async () => {
    const { town, coordinator } = await makeTown(db);
    await makePerson(db, town.id, { nameLatin: 'Youssef Amrani', birthYear: 1990 });
    const young = await makePerson(db, town.id, { nameLatin: 'Yousef Amrani', birthYear: 2010 });
    const { caller } = await callerFor(db, coordinator);
    const found = await caller.people.match({ name: 'يوسف العمراني', birthYear: 2010 });
    expect(found[0]).toMatchObject({ restricted: false, person: { id: young.id } });
  });

  it('tells a social worker only that a match exists, and never looks in another municipality', async () => {
    const { town, socialWorker, coordinator } = await makeTown(db);
    const other = await makeTown(db);
    await makePerson(db, town.id, { nameArabic: 'سليمان الهادي' });
    await makePerson(db, other.town.id, { nameArabic: 'سليمان الهادي' });
    const sw = (await callerFor(db, socialWorker)).caller;
    const found = await sw.people.match({ name: 'Souleymane El Hadi' });
    expect(found).toEqual([{ restricted: true, score: expect.any(Number) }]);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { municipalityId: town.id, action: 'person.match', actorId: socialWorker.id },
    });
    expect(event.detail).toEqual({ candidates: 1, shown: 0, touched: { Person: [], Case: [] } });
    const coord = (await callerFor(db, coordinator)).caller;
    expect(await coord.people.match({ name: 'Souleymane El Hadi' })).toHaveLength(1);
  });

  it('is refused to auditors and admins, audited', async () => {
    const { town, auditor, admin } = await makeTown(db);
    for (const user of [auditor, admin]) {
      await expect((await callerFor(db, user)).caller.people.match({ name: 'Youssef' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(await db.auditEvent.count({ where: { municipalityId: town.id, action: 'person.match', outcome: 'denied' } })).toBe(2);
  });
});

describe('people.create and people.get', () => {
  it('registers a person with derived keys; others of the municipality cannot read them', async () => {
    const { town, coordinator, socialWorker } = await makeTown(db);
    const coord = (await callerFor(db, coordinator)).caller;
    const person = await coord.people.create({ nameArabic: 'ليلى بن عمر', nameLatin: 'Leila Ben Omar', birthYear: 2011, cohort: 'youth' });
    const row = await db.person.findUniqueOrThrow({ where: { id: person.id } });
    expect(row.latinKey).toBe('leila ben omar');
    await expect(coord.people.get({ id: person.id })).resolves.toMatchObject({ nameLatin: 'Leila Ben Omar' });
    await expect((await callerFor(db, socialWorker)).caller.people.get({ id: person.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(coord.people.create({ cohort: 'youth' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await db.auditEvent.count({ where: { municipalityId: town.id, action: 'person.read', outcome: 'denied' } })).toBe(1);
  });
});

describe('households', () => {
  it('link people while each keeps their own access: hidden members are only counted', async () => {
    const { town, coordinator, socialWorker } = await makeTown(db);
    const mother = await makePerson(db, town.id, { nameLatin: 'Nadia Test', cohort: 'returnee', birthYear: 1988 });
    const child = await makePerson(db, town.id, { nameArabic: 'آدم تجريبي', cohort: 'returnee_family', birthYear: 2016 });
    const coord = (await callerFor(db, coordinator)).caller;
    await coord.people.linkHousehold({ personId: mother.id, memberId: child.id, relationship: 'child' });
    expect((await coord.people.get({ id: mother.id })).household).toEqual({
      members: [{ id: child.id, nameArabic: 'آدم تجريبي', nameLatin: null, birthYear: 2016, relationship: 'child' }],
      hidden: 0,
    });
    // The mother's key worker sees her, not the child (whose case is not theirs).
    await db.case.create({
      data: {
        municipalityId: town.id,
        personId: mother.id,
        reference: `HH-${mother.id.slice(0, 6)}`,
        cohort: 'returnee',
        openedAt: new Date(),
        keyWorkerId: socialWorker.id,
      },
    });
    const sw = (await callerFor(db, socialWorker)).caller;
    expect((await sw.people.get({ id: mother.id })).household).toEqual({ members: [], hidden: 1 });
    await expect(sw.people.linkHousehold({ personId: mother.id, memberId: child.id, relationship: 'child' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(coord.people.linkHousehold({ personId: mother.id, memberId: mother.id, relationship: 'child' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });
});

describe('what a referrer or a partner learns about a person', () => {
  it('a referral gives no lasting access; a disclosure without the summary gives none either', async () => {
    const { town, socialWorker, practitioner, agency } = await makeTown(db);
    const person = await makePerson(db, town.id, { nameLatin: 'Rania Testing', birthYear: 2010 });
    await db.referral.create({
      data: {
        municipalityId: town.id,
        personId: person.id,
        referrerId: socialWorker.id,
        cohort: 'youth',
        source: 'school',
        concernCategories: ['other'],
        concernText: 'v1.x.y.z',
        urgency: 'routine',
        consentGiven: true,
        submittedAt: new Date(),
      },
    });
    const kase = await db.case.create({
      data: {
        municipalityId: town.id,
        personId: person.id,
        reference: `RP-${person.id.slice(0, 6)}`,
        cohort: 'youth',
        openedAt: new Date(),
      },
    });
    const sw = (await callerFor(db, socialWorker)).caller;
    await expect(sw.people.get({ id: person.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await sw.people.match({ name: 'Rania Testing' })).toEqual([{ restricted: true, score: expect.any(Number) }]);

    const purposeId = await purposeIdOf(db, town.id, 'education');
    const disclose = (sections: ('summary' | 'plan')[]) =>
      db.disclosure.create({
        data: {
          caseId: kase.id,
          municipalityId: town.id,
          agencyId: agency.id,
          purposeId,
          sections,
          legalBasis: 'consent',
          expiresAt: new Date(Date.now() + 86_400_000),
          createdAt: new Date(),
          createdById: socialWorker.id,
        },
      });
    const { caller: ap } = await callerFor(db, practitioner, { clock: manualClock(new Date()) });
    await disclose(['plan']);
    await expect(ap.people.get({ id: person.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await disclose(['summary']);
    const seen = await ap.people.match({ name: 'Rania Testing' });
    expect(seen[0]).toMatchObject({ restricted: false, person: { id: person.id, cases: [{ id: kase.id }] } });
  });
});

describe('people.get audit', () => {
  it('names the household members it showed', async () => {
    const { town, coordinator } = await makeTown(db);
    const parent = await makePerson(db, town.id, { nameLatin: 'Hela Example' });
    const child = await makePerson(db, town.id, { nameLatin: 'Amir Example' });
    const coord = (await callerFor(db, coordinator)).caller;
    await coord.people.linkHousehold({ personId: parent.id, memberId: child.id, relationship: 'child' });
    await coord.people.get({ id: parent.id });
    const event = await db.auditEvent.findFirstOrThrow({ where: { municipalityId: town.id, action: 'person.read', entityId: parent.id } });
    expect(event.detail).toEqual({ touched: { Person: [child.id] } });
  });
});
