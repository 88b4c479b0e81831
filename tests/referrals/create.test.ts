import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { testDb } from '../helpers/db.js';
import { openStored } from '../helpers/crypto.js';
import { makeTown } from '../helpers/factories.js';
import { callerFor, testKeyring } from '../helpers/callers.js';
import { appCode, makeTestApp, mutate, signIn } from '../helpers/http.js';
import { makePerson } from '../helpers/people-factories.js';
import { referralInput } from '../helpers/referral-factories.js';
import { withFailingWrites } from '../helpers/faults.js';
import { AppError } from '../../src/errors.js';
import type { TRPCDefaultErrorShape, TRPCError } from '@trpc/server';
import { formatError } from '../../src/trpc/errors.js';

const { db, owner } = await testDb();

// The manual clock starts on Thursday 2026-01-15 09:00 UTC.

/** The code and field errors a refused call carries (zod issues as path → issue code). */
function formatFields(error: unknown) {
  const shape = { code: 0, message: '', data: { code: 'BAD_REQUEST', httpStatus: 400 } } as unknown as TRPCDefaultErrorShape;
  return formatError({ shape, error: error as TRPCError }).data.fields ?? undefined;
}

async function refusal(call: Promise<unknown>) {
  const err = await call.then(
    () => expect.unreachable('the call should have been refused'),
    (e: { code: string; cause?: unknown }) => e,
  );
  // The fields exactly as the error formatter sends them to the form.
  const cause = err.cause;
  const fields = cause instanceof AppError ? cause.options.fields : cause instanceof ZodError ? formatFields(err) : undefined;
  return { code: err.code, fields };
}

const counts = async (townId: string) => ({
  referrals: await db.referral.count({ where: { municipalityId: townId } }),
  people: await db.person.count({ where: { municipalityId: townId } }),
  audited: await db.auditEvent.count({ where: { municipalityId: townId, outcome: 'allowed' } }),
});

describe('referrals.create', () => {
  it('logs a concern about a new person: person registered, concern encrypted, referrer and agency recorded, audited without the text', async () => {
    const town = await makeTown(db);
    const { caller } = await callerFor(db, town.practitioner);
    const input = referralInput();
    const created = await caller.referrals.create(input);
    expect(created).toMatchObject({ status: 'submitted', submittedAt: new Date('2026-01-15T09:00:00Z') });

    const row = await db.referral.findUniqueOrThrow({ where: { id: created.id }, include: { person: true } });
    expect(row).toMatchObject({
      municipalityId: town.town.id,
      referrerId: town.practitioner.id,
      referrerAgencyId: town.agency.id,
      cohort: 'returnee',
      source: 'social_services',
      urgency: 'priority',
      concernCategories: ['contact_with_extremists', 'isolation'],
      consentGiven: true,
      consentBy: 'person',
      legalBasis: null,
    });
    expect(row.person).toMatchObject({ municipalityId: town.town.id, nameLatin: 'Karim Synthetic', nameArabic: 'كريم', birthYear: 1990 });

    const events = await db.auditEvent.findMany({
      where: { municipalityId: town.town.id, actorId: town.practitioner.id },
      orderBy: { seq: 'asc' },
    });
    expect(events.map((e) => e.action)).toEqual(['person.create', 'referral.create']);
    expect(events[1]).toMatchObject({
      entityType: 'Referral',
      entityId: created.id,
      detail: {
        cohort: 'returnee',
        source: 'social_services',
        urgency: 'priority',
        categories: ['contact_with_extremists', 'isolation'],
        consentGiven: true,
        newPerson: true,
      },
    });
    expect(JSON.stringify(events.map((e) => e.detail))).not.toContain('recruiter');
  });

  it('stores the concern text encrypted, never in plaintext, and referrals.get decrypts it', async () => {
    const town = await makeTown(db);
    const { caller } = await callerFor(db, town.socialWorker);
    const concernText = 'Synthetic concern: شعارات عنيفة online, wants to travel to join a group.';
    const { id } = await caller.referrals.create(referralInput({ concernText }));
    const [stored] = await db.$queryRaw<{ concern_text: string }[]>`SELECT concern_text FROM referral WHERE id = ${id}::uuid`;
    expect(stored!.concern_text).toMatch(/^k1\./);
    expect(stored!.concern_text).not.toContain('travel');
    expect(Buffer.from(stored!.concern_text.split('.')[4]!, 'base64url').toString('utf8')).not.toContain('travel');
    const hits = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM referral WHERE concern_text LIKE '%travel%'`;
    expect(Number(hits[0]!.n)).toBe(0);
    // Under the referral's own key, bound to its field and row: it opens as that, and as nothing else.
    expect(await openStored(db, `referral.concern/${id}`, stored!.concern_text)).toBe(concernText);
    await expect(openStored(db, `case.note/${id}`, stored!.concern_text)).rejects.toThrow();
    expect(() => testKeyring.decrypt(stored!.concern_text, 'referral.concern')).toThrow();
    expect((await caller.referrals.get({ id })).concernText).toBe(concernText);
  });

  it('refers a person already registered: one the coordinator found by matching, or one whose case the social worker is key worker of', async () => {
    const town = await makeTown(db);
    const known = await makePerson(db, town.town.id, { nameArabic: 'يوسف العلمي', birthYear: 2001, cohort: 'migrant' });
    const coordinator = (await callerFor(db, town.coordinator)).caller;
    const [candidate] = await coordinator.people.match({ name: 'Youssef Alami', birthYear: 2001 });
    expect(candidate).toMatchObject({ restricted: false, person: { id: known.id } });
    const first = await coordinator.referrals.create(referralInput({ newPerson: undefined, personId: known.id, cohort: 'migrant' }));
    expect(await db.referral.findUniqueOrThrow({ where: { id: first.id }, select: { personId: true } })).toEqual({ personId: known.id });

    const worker = (await callerFor(db, town.socialWorker)).caller;
    const own = await worker.referrals.create(referralInput());
    // Referring someone gives no lasting access to them (people policy): the same person again is NOT_FOUND...
    await expect(worker.referrals.create(referralInput({ newPerson: undefined, personId: own.personId }))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    // ...until the social worker is key worker of that person's case.
    const accepted = await coordinator.referrals.screen({ id: own.id, decision: 'accept' });
    await db.case.update({ where: { id: accepted.case!.id }, data: { keyWorkerId: town.socialWorker.id } });
    const again = await worker.referrals.create(referralInput({ newPerson: undefined, personId: own.personId, urgency: 'routine' }));
    expect(again.personId).toBe(own.personId);
    expect(await db.person.count({ where: { municipalityId: town.town.id } })).toBe(2);
    const detail = await db.auditEvent.findFirstOrThrow({
      where: { entityId: again.id, action: 'referral.create' },
      select: { detail: true },
    });
    expect(detail.detail).toMatchObject({ newPerson: false });
  });
});

describe('referrals.create about a registered person', () => {
  it("stores the referral's key in the statement that writes its row: a row that fails leaves no key, no event", async () => {
    const town = await makeTown(db);
    const known = await makePerson(db, town.town.id, { birthYear: 1990 });
    const { caller } = await callerFor(db, town.coordinator);
    const keys = () => db.dataKey.count({ where: { municipalityId: town.town.id, ownerKind: 'referral' } });
    const before = { ...(await counts(town.town.id)), keys: await keys() };
    const input = referralInput({ newPerson: undefined, personId: known.id });
    await withFailingWrites(owner, { op: 'INSERT', table: 'referral', column: 'person_id', value: known.id }, async () => {
      await expect(caller.referrals.create(input)).rejects.toThrow();
    });
    expect({ ...(await counts(town.town.id)), keys: await keys() }).toEqual(before);
    // Written, the row and its key are there together, and its concern opens.
    const made = await caller.referrals.create(input);
    expect(await keys()).toBe(before.keys + 1);
    expect(await db.dataKey.count({ where: { ownerKind: 'referral', ownerId: made.id } })).toBe(1);
    expect((await caller.referrals.get({ id: made.id })).concernText).toBe(input.concernText);
  });

  it('is NOT_FOUND for a coordinator when the person was merged into another; the one kept is referred', async () => {
    const town = await makeTown(db);
    const kept = await makePerson(db, town.town.id, { birthYear: 1990 });
    const merged = await makePerson(db, town.town.id, { birthYear: 1990 });
    await db.person.update({ where: { id: merged.id }, data: { mergedIntoId: kept.id } });
    const { caller } = await callerFor(db, town.coordinator);
    expect(await refusal(caller.referrals.create(referralInput({ newPerson: undefined, personId: merged.id })))).toEqual({
      code: 'NOT_FOUND',
      fields: { personId: 'NOT_FOUND' },
    });
    await expect(caller.referrals.create(referralInput({ newPerson: undefined, personId: kept.id }))).resolves.toMatchObject({
      personId: kept.id,
    });
  });

  it("decides minority from the registered person's date of birth", async () => {
    const town = await makeTown(db);
    const { caller } = await callerFor(db, town.coordinator);
    const minorByPerson = {
      given: true as const,
      by: 'person' as const,
      at: new Date('2026-01-10T10:00:00Z'),
      scope: 'Prevention support',
    };
    const born = async (birthDate: string) => {
      const person = await makePerson(db, town.town.id);
      await db.person.update({ where: { id: person.id }, data: { birthDate: new Date(birthDate), birthYear: null } });
      return caller.referrals.create(referralInput({ newPerson: undefined, personId: person.id, consent: minorByPerson }));
    };
    // 18 tomorrow (2026-01-16, the callers' clock): still a minor today; 18 yesterday: an adult.
    expect((await refusal(born('2008-01-16'))).fields).toEqual({ 'consent.by': 'guardian_required' });
    await expect(born('2008-01-14')).resolves.toMatchObject({ status: 'submitted' });
  });
});

describe('consent rules', () => {
  const minorByPerson = { given: true as const, by: 'person' as const, at: new Date('2026-01-10T10:00:00Z'), scope: 'Prevention support' };

  it('a minor needs consent by a guardian: refused at consent.by, nothing written, for a new or a registered person', async () => {
    const town = await makeTown(db);
    const registered = await makePerson(db, town.town.id, { birthYear: 2012 });
    const { caller } = await callerFor(db, town.coordinator);
    const before = await counts(town.town.id);
    const newMinor = referralInput({
      newPerson: { nameLatin: 'Minor Synthetic', birthYear: 2011, cohort: 'youth' },
      consent: minorByPerson,
    });
    expect(await refusal(caller.referrals.create(newMinor))).toEqual({
      code: 'BAD_REQUEST',
      fields: { 'consent.by': 'guardian_required' },
    });
    const knownMinor = referralInput({ newPerson: undefined, personId: registered.id, consent: minorByPerson });
    expect(await refusal(caller.referrals.create(knownMinor))).toEqual({
      code: 'BAD_REQUEST',
      fields: { 'consent.by': 'guardian_required' },
    });
    expect(await counts(town.town.id)).toEqual(before);
    // With a guardian's consent the same referral goes through.
    await expect(caller.referrals.create({ ...newMinor, consent: { ...minorByPerson, by: 'guardian' } })).resolves.toMatchObject({
      status: 'submitted',
    });
  });

  it('decides minority from the date of birth when known, and errs towards the guardian with a year only', async () => {
    const town = await makeTown(db);
    const { caller } = await callerFor(db, town.coordinator);
    const withBirth = (birth: { birthDate?: Date; birthYear?: number }) =>
      caller.referrals.create(
        referralInput({ newPerson: { nameLatin: 'Edge Synthetic', cohort: 'youth', ...birth }, consent: minorByPerson }),
      );
    // 18 tomorrow (2026-01-16): still a minor today; 18 yesterday: an adult.
    expect((await refusal(withBirth({ birthDate: new Date('2008-01-16') }))).fields).toEqual({ 'consent.by': 'guardian_required' });
    await expect(withBirth({ birthDate: new Date('2008-01-14') })).resolves.toBeDefined();
    // Born "2008" may still be 17 in January 2026: a guardian is asked for. Born 2007 is 18 or more.
    expect((await refusal(withBirth({ birthYear: 2008 }))).fields).toEqual({ 'consent.by': 'guardian_required' });
    await expect(withBirth({ birthYear: 2007 })).resolves.toBeDefined();
    // Birth unknown: nothing to go on, the referral is not blocked.
    await expect(withBirth({})).resolves.toBeDefined();
  });

  it('consent cannot be dated in the future (by the server clock); both field errors come at once', async () => {
    const town = await makeTown(db);
    const { caller } = await callerFor(db, town.socialWorker);
    const before = await counts(town.town.id);
    const tomorrow = { given: true as const, by: 'person' as const, at: new Date('2026-01-16T08:00:00Z'), scope: 'Prevention support' };
    expect(await refusal(caller.referrals.create(referralInput({ consent: tomorrow })))).toEqual({
      code: 'BAD_REQUEST',
      fields: { 'consent.at': 'in_future' },
    });
    const minor = referralInput({ newPerson: { nameLatin: 'Minor Synthetic', birthYear: 2015, cohort: 'youth' }, consent: tomorrow });
    expect((await refusal(caller.referrals.create(minor))).fields).toEqual({
      'consent.at': 'in_future',
      'consent.by': 'guardian_required',
    });
    expect(await counts(town.town.id)).toEqual(before);
  });

  it('without consent a legal basis and a justification of 20+ characters are required', async () => {
    const town = await makeTown(db);
    const { caller } = await callerFor(db, town.socialWorker);
    const before = await counts(town.town.id);
    const bad = [
      [{ given: false, justification: 'Immediate risk to the life of another person.' }, { 'consent.legalBasis': 'invalid_value' }],
      [
        { given: false, legalBasis: 'consent', justification: 'Immediate risk to the life of another person.' },
        { 'consent.legalBasis': 'invalid_value' },
      ],
      [{ given: false, legalBasis: 'vital_interest', justification: 'Too short.' }, { 'consent.justification': 'too_small' }],
      [{ given: false, legalBasis: 'vital_interest' }, { 'consent.justification': 'required' }],
    ] as const;
    for (const [consent, fields] of bad) {
      expect(await refusal(caller.referrals.create(referralInput({ consent: consent as never }))), JSON.stringify(consent)).toEqual({
        code: 'BAD_REQUEST',
        fields,
      });
    }
    expect(await counts(town.town.id)).toEqual(before);
    const ok = await caller.referrals.create(
      referralInput({
        consent: { given: false, legalBasis: 'vital_interest', justification: 'Immediate risk to the life of another person.' },
      }),
    );
    expect(await caller.referrals.get({ id: ok.id })).toMatchObject({
      consent: { given: false, legalBasis: 'vital_interest', justification: 'Immediate risk to the life of another person.' },
    });
  });

  it('names the person exactly once, and needs at least one concern category from the list', async () => {
    const town = await makeTown(db);
    const person = await makePerson(db, town.town.id);
    const { caller } = await callerFor(db, town.coordinator);
    const before = await counts(town.town.id);
    expect((await refusal(caller.referrals.create(referralInput({ newPerson: undefined })))).fields).toEqual({ personId: 'required' });
    expect((await refusal(caller.referrals.create(referralInput({ personId: person.id })))).fields).toEqual({
      newPerson: 'either_person_or_new_person',
    });
    expect((await refusal(caller.referrals.create(referralInput({ concernCategories: [] })))).fields).toEqual({
      concernCategories: 'too_small',
    });
    expect((await refusal(caller.referrals.create(referralInput({ concernCategories: ['gossip' as never] })))).fields).toEqual({
      'concernCategories.0': 'invalid_value',
    });
    expect((await refusal(caller.referrals.create(referralInput({ concernText: ' short ' })))).fields).toEqual({
      concernText: 'too_small',
    });
    expect(await counts(town.town.id)).toEqual(before);
  });

  it('reaches the form as field errors over HTTP', async () => {
    const town = await makeTown(db);
    const user = await db.user.findUniqueOrThrow({ where: { id: town.socialWorker.id }, select: { email: true } });
    const { app } = await makeTestApp(db);
    const cookie = await signIn(app, user.email, town.socialWorker.password);
    const { consent: _c, ...rest } = referralInput();
    const res = await mutate(
      app,
      'referrals.create',
      { ...rest, newPerson: undefined, consent: { given: false, legalBasis: 'public_task', justification: 'short' } },
      { cookie },
    );
    expect(res.statusCode).toBe(400);
    expect(appCode(res)).toBe('BAD_INPUT');
    expect(JSON.parse(res.body).error.json.data.fields).toEqual({ personId: 'required', 'consent.justification': 'too_small' });
    await app.close();
  });
});
