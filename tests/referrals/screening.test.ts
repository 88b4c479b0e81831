import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { openStored } from '../helpers/crypto.js';
import { makeAgency, makeTown, makeUser } from '../helpers/factories.js';
import { callerFor, testKeyring } from '../helpers/callers.js';
import { makeReferral, referralInput } from '../helpers/referral-factories.js';

const { db } = await testDb();

type Town = Awaited<ReturnType<typeof makeTown>>;

// The manual clock reads Thursday 2026-01-15 09:00 UTC.
const NOW = new Date('2026-01-15T09:00:00Z');

const codeOf = async (town: Town) =>
  (await db.municipality.findUniqueOrThrow({ where: { id: town.town.id }, select: { code: true } })).code;
const submitted = (town: Town) => makeReferral(db, testKeyring, { town, referrer: town.socialWorker });
const eventsOf = (entityId: string) =>
  db.auditEvent.findMany({
    where: { entityId },
    orderBy: { seq: 'asc' },
    select: { action: true, outcome: true, actorId: true, detail: true },
  });

describe('referrals.screen', () => {
  it('accept opens a case <CODE>-<YEAR>-0001 in the same transaction, links it, and audits both', async () => {
    const town = await makeTown(db);
    const first = await submitted(town);
    const second = await submitted(town);
    const { caller } = await callerFor(db, town.coordinator);
    const code = await codeOf(town);

    const result = await caller.referrals.screen({ id: first.id, decision: 'accept' });
    expect(result).toEqual({
      id: first.id,
      status: 'accepted',
      decidedAt: NOW,
      case: { id: expect.any(String), reference: `${code}-2026-0001` },
    });
    expect((await caller.referrals.screen({ id: second.id, decision: 'accept' })).case?.reference).toBe(`${code}-2026-0002`);

    const row = await db.referral.findUniqueOrThrow({
      where: { id: first.id },
      select: {
        status: true,
        decidedAt: true,
        decidedById: true,
        signpostTo: true,
        closeReason: true,
        decisionReason: true,
        case: { select: { id: true, personId: true, stage: true, cohort: true } },
      },
    });
    expect(row).toEqual({
      status: 'accepted',
      decidedAt: NOW,
      decidedById: town.coordinator.id,
      signpostTo: null,
      closeReason: null,
      decisionReason: null,
      case: { id: result.case!.id, personId: first.personId, stage: 'intake', cohort: 'youth' },
    });
    expect(await db.caseEvent.findMany({ where: { caseId: result.case!.id }, select: { kind: true, actorId: true } })).toEqual([
      { kind: 'opened', actorId: town.coordinator.id },
    ]);
    expect(await eventsOf(first.id)).toEqual([
      {
        action: 'referral.screen',
        outcome: 'allowed',
        actorId: town.coordinator.id,
        detail: { decision: 'accept', caseId: result.case!.id },
      },
    ]);
    expect(await eventsOf(result.case!.id)).toEqual([
      {
        action: 'case.open',
        outcome: 'allowed',
        actorId: town.coordinator.id,
        detail: { reference: `${code}-2026-0001`, referralId: first.id },
      },
    ]);
  });

  it('signpost records where to (an agency of the directory, sent an onward referral) and why; close records the reason category and the minuted reason; neither opens a case', async () => {
    const town = await makeTown(db);
    const [a, b] = [await submitted(town), await submitted(town)];
    const { caller } = await callerFor(db, town.coordinator);
    const why = 'Needs family counselling, not prevention work.';
    const counselling = await makeAgency(db, town.town.id, { name: 'Family counselling centre' });
    const summary = 'Family asks for counselling; please contact them.';
    await expect(
      caller.referrals.screen({ id: a.id, decision: 'signpost', agencyId: counselling.id, summary, reason: why }),
    ).resolves.toMatchObject({ status: 'signposted', case: null });
    const minuted = 'Panel of 15 January: the school withdrew the concern after meeting the family.';
    await expect(caller.referrals.screen({ id: b.id, decision: 'close', closeReason: 'mistaken', reason: minuted })).resolves.toMatchObject(
      { status: 'closed', case: null },
    );

    const select = { status: true, signpostTo: true, closeReason: true, decisionReason: true, decidedById: true } as const;
    // The minuted reason under the referral's key, bound to the referral.
    const screened = async (id: string) => {
      const row = await db.referral.findUniqueOrThrow({ where: { id }, select });
      expect(row.decisionReason).toMatch(/^k1\./);
      return { ...row, decisionReason: await openStored(db, `referral.decision_reason/${id}`, row.decisionReason!) };
    };
    expect(await screened(a.id)).toEqual({
      status: 'signposted',
      signpostTo: 'Family counselling centre',
      closeReason: null,
      decisionReason: why,
      decidedById: town.coordinator.id,
    });
    expect(await screened(b.id)).toEqual({
      status: 'closed',
      signpostTo: null,
      closeReason: 'mistaken',
      decisionReason: minuted,
      decidedById: town.coordinator.id,
    });
    expect(await db.case.count({ where: { municipalityId: town.town.id } })).toBe(0);
    const onward = await db.onwardReferral.findFirstOrThrow({
      where: { referralId: a.id },
      select: { id: true, agencyId: true, status: true },
    });
    expect(onward).toMatchObject({ agencyId: counselling.id, status: 'sent' });
    expect((await eventsOf(a.id)).map((e) => e.detail)).toEqual([
      {
        decision: 'signpost',
        onwardId: onward.id,
        agencyId: counselling.id,
        shares: { name: false, birthYear: false, cohort: false },
        disclosure: null,
        intervention: null,
      },
    ]);
    expect((await eventsOf(b.id)).map((e) => e.detail)).toEqual([{ decision: 'close', closeReason: 'mistaken' }]);
    // Shown opened to the coordinator who screens.
    expect((await caller.referrals.get({ id: b.id })).decision?.reason).toBe(minuted);
  });

  it('refuses a second screening with ALREADY_SCREENED and changes nothing; the next case number has no gap', async () => {
    const town = await makeTown(db);
    const [r, next] = [await submitted(town), await submitted(town)];
    const other = await makeUser(db, { municipalityId: town.town.id, role: 'coordinator' });
    await (await callerFor(db, town.coordinator)).caller.referrals.screen({ id: r.id, decision: 'accept' });
    const before = await db.referral.findUniqueOrThrow({ where: { id: r.id } });
    const { caller } = await callerFor(db, other);
    for (const attempt of [
      { id: r.id, decision: 'accept' as const },
      { id: r.id, decision: 'close' as const, closeReason: 'malicious' as const, reason: 'Trying to overturn the acceptance.' },
    ]) {
      await expect(caller.referrals.screen(attempt)).rejects.toMatchObject({ code: 'CONFLICT', message: 'ALREADY_SCREENED' });
    }
    expect(await db.referral.findUniqueOrThrow({ where: { id: r.id } })).toEqual(before);
    expect(await db.case.count({ where: { municipalityId: town.town.id } })).toBe(1);
    expect((await caller.referrals.screen({ id: next.id, decision: 'accept' })).case?.reference).toBe(`${await codeOf(town)}-2026-0002`);
    expect(await db.auditEvent.count({ where: { entityId: r.id, action: 'referral.screen' } })).toBe(1);
  });

  it('of two coordinators accepting at the same moment, one opens the case and the other is told it is screened', async () => {
    const town = await makeTown(db);
    const r = await submitted(town);
    const other = await makeUser(db, { municipalityId: town.town.id, role: 'coordinator' });
    const callers = [(await callerFor(db, town.coordinator)).caller, (await callerFor(db, other)).caller];
    const results = await Promise.allSettled(callers.map((c) => c.referrals.screen({ id: r.id, decision: 'accept' })));
    expect(results.map((x) => x.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(results.find((x) => x.status === 'rejected')).toMatchObject({ reason: { message: 'ALREADY_SCREENED' } });
    expect(await db.case.findMany({ where: { referralId: r.id }, select: { reference: true } })).toEqual([
      { reference: `${await codeOf(town)}-2026-0001` },
    ]);
  });

  it('asks each decision for its own fields', async () => {
    const town = await makeTown(db);
    const r = await submitted(town);
    const { caller } = await callerFor(db, town.coordinator);
    const issues = (call: Promise<unknown>) =>
      call.then(
        () => expect.unreachable(),
        (e: { code: string; cause: { issues: { path: PropertyKey[]; code: string }[] } }) => [
          e.code,
          e.cause.issues.map((i) => `${i.path.join('.')}:${i.code}`),
        ],
      );
    expect(await issues(caller.referrals.screen({ id: r.id, decision: 'signpost', reason: 'Better served elsewhere.' } as never))).toEqual([
      'BAD_REQUEST',
      ['summary:invalid_type', 'agencyId:invalid_type'],
    ]);
    expect(await issues(caller.referrals.screen({ id: r.id, decision: 'close', closeReason: 'spite', reason: 'x' } as never))).toEqual([
      'BAD_REQUEST',
      ['closeReason:invalid_value', 'reason:too_small'],
    ]);
    expect(await issues(caller.referrals.screen({ id: r.id, decision: 'ignore' } as never))).toEqual([
      'BAD_REQUEST',
      ['decision:invalid_union'],
    ]);
    expect(await db.referral.findUniqueOrThrow({ where: { id: r.id }, select: { status: true } })).toEqual({ status: 'submitted' });
  });
});

describe('after screening', () => {
  it('the referrer sees the status in "shared by me", and referrals.get shows the decision with who and when', async () => {
    const town = await makeTown(db);
    const worker = (await callerFor(db, town.socialWorker)).caller;
    const coordinator = (await callerFor(db, town.coordinator)).caller;
    const made = await Promise.all([
      worker.referrals.create(referralInput()),
      worker.referrals.create(referralInput({ urgency: 'routine' })),
    ]);
    const [accepted, signposted] = made.sort((x, y) => (x.id < y.id ? -1 : 1));
    expect((await worker.referrals.mine({})).items.map((r) => r.status)).toEqual(['submitted', 'submitted']);

    const { case: opened } = await coordinator.referrals.screen({ id: accepted!.id, decision: 'accept' });
    const office = await makeAgency(db, town.town.id, { name: 'Employment office' });
    await coordinator.referrals.screen({
      id: signposted!.id,
      decision: 'signpost',
      agencyId: office.id,
      summary: 'Looking for work; please offer your programme.',
      reason: 'Looking for work; no sign of risk.',
    });

    const mine = new Map((await worker.referrals.mine({})).items.map((r) => [r.id, r]));
    expect(mine.get(accepted!.id)).toMatchObject({ status: 'accepted', decidedAt: NOW, caseReference: opened!.reference });
    expect(mine.get(signposted!.id)).toMatchObject({ status: 'signposted', signpostTo: 'Employment office', caseReference: null });

    const coordinatorName = (await db.user.findUniqueOrThrow({ where: { id: town.coordinator.id }, select: { displayName: true } }))
      .displayName;
    // The minuted reason is for coordinators; the referrer sees the outcome.
    for (const [c, reason] of [
      [worker, null],
      [coordinator, 'Looking for work; no sign of risk.'],
    ] as const) {
      expect(await c.referrals.get({ id: signposted!.id })).toMatchObject({
        status: 'signposted',
        concernText: referralInput().concernText,
        consent: { given: true, by: 'person', scope: 'Support through the prevention network' },
        person: { nameLatin: 'Karim Synthetic', birthYear: 1990 },
        decision: {
          at: NOW,
          by: { id: town.coordinator.id, displayName: coordinatorName },
          signpostTo: 'Employment office',
          closeReason: null,
          reason,
          case: null,
        },
      });
      expect(await c.referrals.get({ id: accepted!.id })).toMatchObject({ status: 'accepted', decision: { case: opened } });
    }
    expect(await db.auditEvent.count({ where: { entityId: signposted!.id, action: 'referral.read', outcome: 'allowed' } })).toBe(2);
  });
});
