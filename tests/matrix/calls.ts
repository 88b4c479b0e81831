import { randomUUID } from 'node:crypto';
import { makeCase, OPENED_AT, purposeIdOf } from '../helpers/case-factories.js';
import { referralInput } from '../helpers/referral-factories.js';
import type { CaseStage } from '../../src/generated/prisma/enums.js';
import type { Actor, Scenario, TargetIds } from './scenario.js';
import { testDb } from '../helpers/db.js';
import { makeMunicipality as makeTownId, makeUser } from '../helpers/factories.js';
import { makePerson } from '../helpers/people-factories.js';
import { testKeyring } from '../helpers/callers.js';
import { manualClock } from '../../src/lib/clock.js';
import { codeAt, encryptSecret } from '../../src/auth/totp.js';
import { subjectAccessRequest } from '../subject-access/requests.js';

/** How the matrix test calls one procedure: valid input, so any refusal is about access. */
export interface Call {
  /** Valid input for the row's target; may read the scenario. */
  input: (t: TargetIds, s: Scenario, actor: Actor | null) => unknown | Promise<unknown>;
  /** The target case must be at this stage for the action to make sense. */
  stage?: CaseStage;
  /** The target meeting must have been held. */
  held?: boolean;
  /**
   * The row acts as the role's spare user in a session of its own: signing in ends the session it was
   * sent with, logging out ends it, changing the password ends the others. The shared one survives.
   */
  spare?: boolean;
}

const tag = () => randomUUID().slice(0, 8);

/** A deletion certificate of `municipalityId`, as the retention job leaves one. */
async function certificateOf(municipalityId: string) {
  const { db } = await testDb();
  const row = await db.deletionCertificate.create({
    data: {
      id: randomUUID(),
      municipalityId,
      recordType: 'case_closed',
      months: 36,
      legalReference: 'Synthetic reference',
      ranAt: new Date('2026-01-15T08:00:00Z'),
      counts: { cases: 0, referrals: 0, people: 0 },
      auditEventId: 1n,
      auditSeq: 1,
      auditHash: 'synthetic',
    },
    select: { id: true },
  });
  return row.id;
}

/** The key the matrix's spare users enrol with. */
const FACTOR_KEY = new Uint8Array(20).fill(3);

async function unenrol(userId: string) {
  const { db } = await testDb();
  await db.secondFactor.deleteMany({ where: { userId } });
}

/** An alert the job gave up on, of `municipalityId`, for `userId`. */
async function failedAlertOf(userId: string, municipalityId: string) {
  const { db } = await testDb();
  const at = new Date('2026-01-15T08:00:00Z');
  const row = await db.alertOutbox.create({
    data: {
      id: randomUUID(),
      municipalityId,
      userId,
      kind: 'reminder_due',
      entityType: 'Case',
      entityId: randomUUID(),
      reference: 'W-MATRIX01',
      createdAt: at,
      nextAttemptAt: at,
      attempts: 6,
      failedAt: at,
      lastError: '451',
    },
    select: { id: true },
  });
  return row.id;
}

const municipalityOf = async (userId: string) =>
  (await (await testDb()).db.user.findUniqueOrThrow({ where: { id: userId }, select: { municipalityId: true } })).municipalityId;

/**
 * Gives the spare a second factor with the known key (confirmed unless `enrolled: false`; no step used
 * yet), optionally marks its live sessions as owing the code, and returns the code of the app's time.
 */
async function factorCode(userId: string, opts: { enrolled?: boolean; pending?: boolean } = {}) {
  const { db } = await testDb();
  const now = manualClock()();
  const data = {
    secret: encryptSecret(testKeyring, userId, FACTOR_KEY),
    enabledAt: opts.enrolled === false ? null : now,
    lastStep: null,
    createdAt: now,
  };
  await db.secondFactor.upsert({
    where: { userId },
    create: { userId, municipalityId: await municipalityOf(userId), ...data },
    update: data,
    select: { userId: true },
  });
  if (opts.pending) await db.session.updateMany({ where: { userId, endedAt: null }, data: { factorPending: true } });
  return codeAt(FACTOR_KEY, now);
}
const REASON = 'Synthetic minuted reason for the matrix.';

/** The record's version now (a row before may have saved it); 1 for an id that exists nowhere. */
async function versionOf(kind: 'person' | 'referral' | 'case' | 'intervention', id: string) {
  const { db } = await testDb();
  const where = { where: { id }, select: { version: true } };
  const row =
    kind === 'person'
      ? await db.person.findUnique(where)
      : kind === 'referral'
        ? await db.referral.findUnique(where)
        : kind === 'case'
          ? await db.case.findUnique(where)
          : await db.intervention.findUnique(where);
  return row?.version ?? 1;
}

/** A fresh open flag of the municipality (as a rule raises it), so a review that succeeds changes no other row. */
async function openFlag(municipalityId: string) {
  const { db } = await testDb();
  const flag = await db.auditFlag.create({
    data: { municipalityId, kind: 'repeated_denials', dedupeKey: `matrix:${randomUUID()}`, detail: { count: 11, limit: 10 } },
    select: { id: true },
  });
  return flag.id;
}
const none = () => undefined;

/**
 * A consent of the case for a row that names one: the newest not yet renewed, or (`live`) one still in force,
 * made directly when there is none (an earlier row may have renewed or withdrawn it); a random id without a case.
 */
async function consentOn(caseId: string | undefined, live = false) {
  const { db } = await testDb();
  const c = caseId ? await db.case.findUnique({ where: { id: caseId }, select: { id: true, municipalityId: true } }) : null;
  if (!c) return randomUUID();
  const found = await db.consent.findFirst({
    where: { caseId: c.id, renewedAt: null, ...(live ? { withdrawnAt: null, expiresAt: { gt: new Date('2100-01-01T00:00:00Z') } } : {}) },
    select: { id: true },
  });
  if (found) return found.id;
  const made = await db.consent.create({
    data: {
      id: randomUUID(),
      municipalityId: c.municipalityId,
      caseId: c.id,
      givenBy: 'person',
      purposes: ['education'],
      anyPartner: true,
      agencyIds: [],
      method: 'verbal',
      givenAt: new Date('2000-01-01T00:00:00Z'),
      expiresAt: new Date('2100-01-02T00:00:00Z'),
      recordedAt: new Date('2000-01-01T00:00:00Z'),
    },
    select: { id: true },
  });
  return made.id;
}
const CONSENT = {
  givenBy: 'person',
  purposes: ['education'],
  anyPartner: true,
  method: 'verbal',
  givenAt: new Date(OPENED_AT.getTime() - 86_400_000),
};

/** A live break-glass of the actor (whatever their role) on a case of their town, for a row that ends it; a random id without one. */
async function liveGrant(caseId: string | undefined, actor: Actor | null) {
  const { db } = await testDb();
  if (!actor) return randomUUID();
  const c = await db.case.findFirst({
    where: { municipalityId: actor.user.municipalityId, ...(caseId ? { id: caseId } : {}) },
    select: { id: true },
  });
  if (!c) return randomUUID();
  const grant = await db.breakGlass.create({
    data: {
      municipalityId: actor.user.municipalityId,
      caseId: c.id,
      userId: actor.user.id,
      sections: ['summary'],
      justification: testKeyring.encrypt(REASON, 'matrix'),
      grantedAt: new Date('2000-01-01T00:00:00Z'),
      expiresAt: new Date('2100-01-01T00:00:00Z'),
    },
    select: { id: true },
  });
  return grant.id;
}

/** A merge of a fresh record of the person's town into the person, as people.merge leaves it (a random id when there is no such person). */
async function mergeInto(personId: string) {
  const { db } = await testDb();
  const survivor = await db.person.findUnique({ where: { id: personId }, select: { municipalityId: true } });
  if (!survivor) return randomUUID();
  const { municipalityId } = survivor;
  const merged = await makePerson(db, municipalityId, { nameLatin: 'Huda Synthetic' });
  await db.person.update({ where: { id: merged.id }, data: { mergedIntoId: personId } });
  const by = await db.user.findFirstOrThrow({ where: { municipalityId, role: 'coordinator' }, select: { id: true } });
  const merge = await db.personMerge.create({
    data: {
      municipalityId,
      survivorId: personId,
      mergedId: merged.id,
      moved: { referrals: [], cases: [], households: [] },
      mergedById: by.id,
      mergedAt: manualClock()(),
    },
    select: { id: true },
  });
  return merge.id;
}

/**
 * An onward referral for a row that answers or re-sends one, at `status`: on a fresh case of town A (the
 * actor's own when they are a social worker, so they may re-send it), sent by A's coordinator to A's
 * agency (the practitioner actor's).
 */
async function onwardFor(s: Scenario, actor: Actor | null, status: 'sent' | 'accepted' | 'declined') {
  const { db } = await testDb();
  const c = await makeCase(db, s.A, { keyWorkerId: actor?.role === 'social_worker' ? actor.user.id : s.otherSocialWorker.id });
  const id = randomUUID();
  const answered = status === 'sent' ? {} : { answeredAt: OPENED_AT, answeredById: s.A.practitioner.id };
  await db.onwardReferral.create({
    data: {
      id,
      municipalityId: s.A.town.id,
      caseId: c.id,
      agencyId: s.A.agency.id,
      sentById: s.A.coordinator.id,
      sentAt: OPENED_AT,
      summary: testKeyring.encrypt('Synthetic words for the matrix.', `onward_referral.summary/${id}`),
      status,
      ...answered,
      ...(status === 'declined' ? { declineReason: testKeyring.encrypt(REASON, `onward_referral.decline_reason/${id}`) } : {}),
    },
    select: { id: true },
  });
  return id;
}
const ONWARD_WORDS = { summary: 'Synthetic words for the receiving agency, from the matrix.' };

/**
 * An open transfer proposal for a row that answers or withdraws one, on a fresh case: to A (the actors'
 * town) from B, or from A to B; both are members of the scenario's hub. Basis: a public task, justified.
 */
async function transferFor(s: Scenario, to: 'A' | 'B') {
  const { db } = await testDb();
  const [from, into] = to === 'A' ? [s.B, s.A] : [s.A, s.B];
  const c = await makeCase(db, from, { stage: 'planning' });
  const id = randomUUID();
  await db.caseTransfer.create({
    data: {
      id,
      municipalityId: from.town.id,
      receivingMunicipalityId: into.town.id,
      hubId: s.hub.hub.id,
      caseId: c.id,
      sections: ['summary'],
      legalBasis: 'public_task',
      justification: testKeyring.encrypt(TRANSFER_WORDS.justification, `case_transfer.justification/${id}`),
      proposedById: from.coordinator.id,
      proposedAt: OPENED_AT,
    },
    select: { id: true },
  });
  return id;
}
const TRANSFER_WORDS = { justification: 'Synthetic justification for the matrix: the family moved to the other city.' };

export const CALLS: Record<string, Call> = {
  'auth.login': {
    spare: true,
    input: (_t, s, a) => ({ email: (a?.spare ?? s.anonLogin).email, password: (a?.spare ?? s.anonLogin).password }),
  },
  'auth.me': { input: none },
  'auth.logout': { spare: true, input: none },
  'auth.sessions': { input: none },
  'auth.endSession': { input: (t) => ({ id: t.sessionId }) },
  'auth.changePassword': {
    spare: true,
    input: (_t, _s, a) => {
      const next = `matrix passphrase ${tag()}`;
      if (!a) return { currentPassword: 'whatever it was', newPassword: next };
      const current = a.spare.password;
      a.spare.password = next; // later rows sign the spare in with the new one
      return { currentPassword: current, newPassword: next };
    },
  },
  'auth.setLocale': { input: () => ({ locale: 'en' }) },
  'auth.dismissNotice': { input: none },
  // The spare enrols with a known key here, so the row can send a valid code (factorCode).
  'auth.beginFactor': { spare: true, input: async (_t, _s, a) => void (a && (await unenrol(a.spare.id))) },
  'auth.confirmFactor': {
    spare: true,
    input: async (_t, _s, a) => ({ code: a ? await factorCode(a.spare.id, { enrolled: false }) : '000000' }),
  },
  'auth.verifyFactor': {
    spare: true,
    input: async (_t, _s, a) => ({ code: a ? await factorCode(a.spare.id, { pending: true }) : '000000' }),
  },
  'auth.keepAlive': { spare: true, input: none },
  'auth.stepUp': { spare: true, input: async (_t, _s, a) => ({ code: a ? await factorCode(a.spare.id) : '000000' }) },

  'agencies.list': { input: () => ({}) },
  'agencies.create': { input: () => ({ name: `Matrix agency ${tag()}`, kind: 'ngo' }) },
  'agencies.update': { input: (t) => ({ id: t.agencyId, name: `Renamed agency ${tag()}` }) },
  'purposes.list': { input: () => ({}) },
  'purposes.create': {
    input: () => ({ code: 'support_services', labelAr: `غرض ${tag()}`, labelFr: `Finalité ${tag()}`, labelEn: `Matrix purpose ${tag()}` }),
  },
  'purposes.update': { input: (t) => ({ id: t.purposeId, labelEn: `Relabelled purpose ${tag()}` }) },
  'lists.items': { input: () => ({}) },
  'lists.create': {
    input: () => ({
      list: 'cohort',
      code: 'youth',
      labelAr: `فئة ${tag()}`,
      labelFr: `Public ${tag()}`,
      labelEn: `Matrix cohort ${tag()}`,
    }),
  },
  'lists.update': { input: (t) => ({ id: t.listItemId, labelEn: `Relabelled item ${tag()}` }) },
  'processingRecord.get': { input: () => ({}) },
  'users.list': { input: () => ({}) },
  'users.create': { input: () => ({ email: `matrix.${tag()}@test.jisr.local`, displayName: 'Matrix Synthetic', role: 'social_worker' }) },
  'users.update': { input: (t) => ({ id: t.userId, displayName: `Renamed ${tag()}` }) },
  'users.disable': { input: (t) => ({ id: t.userId }) },
  'users.enable': { input: (t) => ({ id: t.userId }) },
  'users.resetPassword': { input: (t) => ({ id: t.userId }) },
  'users.directory': { input: () => ({}) },
  'users.factorResets': { input: none },
  'users.requestFactorReset': { input: (t) => ({ id: t.userId, reason: REASON }) },
  'users.sessions': { input: (t) => ({ userId: t.userId }) },
  'users.endSession': { input: (t) => ({ id: t.sessionId }) },
  'users.caseloads': { input: none },
  'users.caseload': { input: (t) => ({ userId: t.userId }) },
  // To an active social worker of town A who is not the target: eligible for anything handed over.
  'users.handover': { input: (t, s) => ({ userId: t.userId, toUserId: s.otherSocialWorker.id }) },
  'users.confirmFactorReset': {
    // A request by another admin about a fresh account: the actor is neither its author nor its subject.
    input: async (_t, s) => {
      const { db } = await testDb();
      const subject = await makeUser(db, { municipalityId: s.A.town.id, role: 'social_worker' });
      const reset = await db.secondFactorReset.create({
        data: { municipalityId: s.A.town.id, userId: subject.id, requestedById: s.actors.admin.colleague.id, requestedAt: new Date() },
        select: { id: true },
      });
      return { id: reset.id };
    },
  },

  'audit.list': { input: () => ({}) },
  'audit.verify': { input: none },
  'audit.export': { input: () => ({}) },
  'statistics.figures': { input: () => ({ year: 2026 }) },
  'statistics.export': { input: () => ({ year: 2026 }) },
  'audit.anchors': { input: none },
  'audit.flags': { input: () => ({}) },
  'audit.flag': { input: async (_t, s) => ({ id: await openFlag(s.A.town.id) }) },
  'audit.reviewFlag': { input: async (_t, s) => ({ id: await openFlag(s.A.town.id), status: 'reviewed', note: REASON }) },
  'audit.caseHistory': { input: (t) => ({ id: t.caseId }) },
  'audit.personHistory': { input: (t) => ({ id: t.personId }) },
  'audit.referralHistory': { input: (t) => ({ id: t.referralId }) },

  'people.match': { input: () => ({ name: 'Sami Test' }) },
  'search.find': { input: () => ({ query: 'Sami Test' }) },
  'people.create': { input: () => ({ nameLatin: 'Nour Synthetic', cohort: 'youth', birthYear: 2001 }) },
  'people.get': { input: (t) => ({ id: t.personId }) },
  'people.correct': {
    input: async (t) => ({ id: t.personId, version: await versionOf('person', t.personId!), nameLatin: 'Corrected Synthetic' }),
  },
  'people.history': { input: (t) => ({ id: t.personId }) },
  'people.linkHousehold': {
    input: async (t, s) => ({ personId: t.personId, memberId: (await s.newPerson()).id, relationship: 'sibling' }),
  },

  // A fresh record of the town is merged into (or marked apart from) the target: the target stays live.
  'people.merges': { input: (t) => ({ id: t.personId }) },
  'people.merge': { input: async (t, s) => ({ survivorId: t.personId, mergedId: (await s.newPerson()).id }) },
  'people.unmerge': { input: async (t) => ({ personId: t.personId, mergeId: await mergeInto(t.personId!) }) },
  'people.markDistinct': { input: async (t, s) => ({ personId: t.personId, otherId: (await s.newPerson()).id }) },
  'people.unmarkDistinct': { input: async (t, s) => ({ personId: t.personId, otherId: (await s.newPerson()).id }) },

  // A request of the target person made for the row (in the person's town; a random id without a person).
  'subjectAccess.list': { input: (t) => ({ personId: t.personId }) },
  'subjectAccess.prepare': { input: (t) => ({ personId: t.personId, language: 'ar', requestedBy: 'person' }) },
  'subjectAccess.get': { input: async (t) => ({ personId: t.personId, id: await subjectAccessRequest(t.personId) }) },
  'subjectAccess.review': {
    input: async (t) => ({ personId: t.personId, id: await subjectAccessRequest(t.personId), version: 1, decisions: [] }),
  },
  'subjectAccess.release': {
    input: async (t) => ({
      personId: t.personId,
      id: await subjectAccessRequest(t.personId, 'decided'),
      version: 1,
      method: 'handed_over',
    }),
  },
  'subjectAccess.document': {
    input: async (t) => ({ personId: t.personId, id: await subjectAccessRequest(t.personId, 'released'), format: 'json' }),
  },

  'referrals.create': { input: () => referralInput() },
  'referrals.mine': { input: () => ({}) },
  'referrals.queue': { input: () => ({}) },
  'referrals.get': { input: (t) => ({ id: t.referralId }) },
  'referrals.correct': {
    input: async (t) => ({ id: t.referralId, version: await versionOf('referral', t.referralId!), urgency: 'priority' }),
  },
  'referrals.history': { input: (t) => ({ id: t.referralId }) },
  'referrals.screen': { input: (t) => ({ id: t.referralId, decision: 'close', closeReason: 'mistaken', reason: REASON }) },

  'cases.list': { input: () => ({}) },
  'cases.get': { input: (t) => ({ id: t.caseId }) },
  'cases.history': { input: (t) => ({ id: t.caseId }) },
  'cases.notes': { input: (t) => ({ caseId: t.caseId }) },
  'cases.updateSummary': {
    input: async (t) => ({ id: t.caseId, version: await versionOf('case', t.caseId!), summary: 'Synthetic summary from the matrix.' }),
  },
  'cases.changeStage': { input: (t) => ({ id: t.caseId, stage: 'assessment', reason: REASON }) },
  'cases.assign': { input: (t, s) => ({ id: t.caseId, leadAgencyId: s.A.agency.id }) },
  'cases.close': { input: (t) => ({ id: t.caseId, closureReason: 'risk_reduced', reason: REASON, confirm: true }) },
  'cases.reopen': { stage: 'closed', input: (t) => ({ id: t.caseId, reason: REASON }) },
  'cases.disclose': {
    input: async (t, s) => ({
      caseId: t.caseId,
      agencyId: s.A.agency.id,
      purposeId: await purposeIdOf((await testDb()).db, s.A.town.id),
      sections: ['summary'],
      legalBasis: 'public_task',
      expiresAt: new Date(OPENED_AT.getTime() + 10 * 86_400_000),
    }),
  },
  'cases.revokeDisclosure': { input: (t) => ({ id: t.disclosureId, reason: REASON }) },
  'cases.addNote': { input: (t) => ({ caseId: t.caseId, body: 'Synthetic note from the matrix.' }) },
  'cases.addIntervention': {
    input: (t, s) => ({ caseId: t.caseId, type: 'mentoring', title: 'Synthetic mentoring', agencyId: s.A.agency.id }),
  },
  'cases.updateIntervention': {
    input: async (t) => ({ id: t.interventionId, version: await versionOf('intervention', t.interventionId!), status: 'active' }),
  },
  'consent.list': { input: (t) => ({ caseId: t.caseId }) },
  'consent.record': { input: (t) => ({ caseId: t.caseId, ...CONSENT }) },
  'consent.renew': { input: async (t) => ({ caseId: t.caseId, renewsId: await consentOn(t.caseId), ...CONSENT }) },
  'consent.withdraw': { input: async (t) => ({ caseId: t.caseId, consentId: await consentOn(t.caseId, true) }) },
  'consent.form': { input: async (t) => ({ caseId: t.caseId, consentId: await consentOn(t.caseId) }) },
  'cases.recordReview': { input: (t) => ({ caseId: t.caseId }) },
  'cases.breakGlass': { input: (t) => ({ caseId: t.caseId, sections: ['summary'], justification: REASON }) },
  'cases.emergencyAccess': { input: none },
  'cases.endBreakGlass': { input: async (t, _s, actor) => ({ id: await liveGrant(t.caseId, actor) }) },

  'assessments.list': { input: (t) => ({ caseId: t.caseId }) },
  'assessments.create': {
    input: (t, s) => ({ caseId: t.caseId, ratings: s.ratings, overallJudgement: 'Synthetic judgement from the matrix.' }),
  },
  'assessments.factors': { input: () => ({}) },
  'assessments.createFactor': {
    input: () => ({ domain: 'protective', labelAr: 'عامل تجريبي', labelFr: 'Facteur de test', labelEn: 'Test factor' }),
  },
  'assessments.updateFactor': { input: (t) => ({ id: t.factorId, labelEn: `Renamed factor ${tag()}` }) },

  'meetings.list': { input: () => ({}) },
  'meetings.get': { input: (t) => ({ id: t.meetingId }) },
  'meetings.schedule': {
    input: (_t, s) => ({
      title: 'Synthetic panel',
      scheduledAt: new Date(OPENED_AT.getTime() + 7 * 86_400_000),
      caseIds: [s.agendaCase.id],
      agencyIds: [s.A.agency.id],
      userIds: [],
    }),
  },
  'meetings.update': { input: (t) => ({ id: t.meetingId, title: `Renamed panel ${tag()}` }) },
  'meetings.cancel': { input: (t) => ({ id: t.meetingId }) },
  'meetings.recordAttendance': { input: (t) => ({ id: t.meetingId, attendance: [{ inviteeId: t.inviteeId, attended: true }] }) },
  'meetings.addMinute': { input: (t) => ({ meetingId: t.meetingId, body: 'Synthetic minutes entry from the matrix.' }) },
  'meetings.approveMinutes': { held: true, input: (t) => ({ id: t.meetingId }) },
  'meetings.decide': { input: (t) => ({ agendaItemId: t.agendaItemId, decision: 'continue', consensus: true }) },
  'print.caseSummary': { input: (t) => ({ id: t.caseId }) },
  'print.meeting': { input: (t) => ({ id: t.meetingId, kind: 'pack' }) },
  'print.referral': { input: (t) => ({ id: t.referralId }) },

  'work.mine': { input: none },
  'drafts.list': { input: none },
  'drafts.save': { input: () => ({ id: randomUUID(), kind: 'referral', fields: { concernText: 'Synthetic draft concern.' } }) },
  'drafts.get': { input: (t) => ({ id: t.draftId }) },
  'drafts.discard': { input: (t) => ({ id: t.draftId }) },
  'work.dismiss': { input: (t) => ({ id: t.reminderId }) },
  'work.completeTask': { input: (t) => ({ id: t.taskId }) },
  'work.settings': { input: none },
  'work.updateSettings': { input: () => ({ reviewIntervalDays: 90 }) },
  'work.flagSettings': { input: none },
  'work.setFlagSettings': { input: () => ({ bulkReadLimit: 200 }) },
  'work.factorRoles': { input: none },
  // Nobody required, as the matrix's towns were made: the other rows sign in with the password alone.
  'work.setFactorRoles': { input: () => ({ roles: [] }) },
  'work.holidays': { input: none },
  'onward.forCase': { input: (t) => ({ caseId: t.caseId }) },
  'onward.send': { input: (t, s) => ({ caseId: t.caseId, agencyId: s.A.agency.id, ...ONWARD_WORDS }) },
  'onward.forReferral': { input: (t) => ({ referralId: t.referralId }) },
  'onward.resend': { input: async (_t, s, a) => ({ id: await onwardFor(s, a, 'declined'), agencyId: s.A.agency.id, ...ONWARD_WORDS }) },
  'onward.inbox': { input: () => ({}) },
  'onward.accept': { input: async (_t, s, a) => ({ id: await onwardFor(s, a, 'sent') }) },
  'onward.decline': { input: async (_t, s, a) => ({ id: await onwardFor(s, a, 'sent'), reason: REASON }) },
  'onward.recordOutcome': { input: async (_t, s, a) => ({ id: await onwardFor(s, a, 'accepted'), outcome: 'engaged' }) },
  'transfers.destinations': { input: none },
  'transfers.forCase': { input: (t) => ({ caseId: t.caseId }) },
  'transfers.received': { input: (t) => ({ caseId: t.caseId }) },
  'transfers.propose': {
    input: (t, s) => ({
      caseId: t.caseId,
      receivingMunicipalityId: s.B.town.id,
      sections: ['summary'],
      legalBasis: 'public_task',
      ...TRANSFER_WORDS,
    }),
  },
  'transfers.withdraw': { input: async (_t, s) => ({ id: await transferFor(s, 'B') }) },
  'transfers.inbox': { input: () => ({}) },
  'transfers.get': { input: async (_t, s) => ({ id: await transferFor(s, 'A') }) },
  'transfers.matches': { input: async (_t, s) => ({ id: await transferFor(s, 'A') }) },
  'transfers.accept': { input: async (_t, s) => ({ id: await transferFor(s, 'A'), personId: null }) },
  'transfers.decline': { input: async (_t, s) => ({ id: await transferFor(s, 'A'), reason: REASON }) },
  'work.setHolidays': { input: () => ({ holidays: [{ date: '2026-04-09', name: 'Synthetic holiday' }] }) },
  'retention.rules': { input: none },
  'retention.setRule': { input: () => ({ recordType: 'case_closed', months: 36, legalReference: 'Synthetic reference, art. 1' }) },
  'retention.preview': { input: none },
  'retention.hold': { input: (t) => ({ caseId: t.caseId }) },
  'retention.placeHold': { input: (t) => ({ caseId: t.caseId, reason: 'Synthetic reason for a legal hold.' }) },
  'retention.liftHold': { input: (t) => ({ caseId: t.caseId }) },
  'retention.certificates': { input: none },
  // A certificate of the actor's town (the retention job's record: counts only).
  'retention.certificate': {
    input: async (_t, _s, actor) => ({ id: actor ? await certificateOf(actor.user.municipalityId) : randomUUID() }),
  },
  'alerts.preferences': { input: none },
  'alerts.setPreferences': { input: () => ({ preferences: [{ kind: 'reminder_due', mode: 'digest' }] }) },
  'alerts.status': { input: none },
  // A failed alert of the actor's town, addressed to the actor (the job gave it up).
  'alerts.retry': {
    input: async (_t, _s, actor) => ({ id: actor ? await failedAlertOf(actor.user.id, actor.user.municipalityId) : randomUUID() }),
  },
  // The regional hub of the scenario (A a member sharing its figures, B a member that does not).
  // The last published year (hub/release.ts: a year is published when it is over).
  'hub.figures': { input: () => ({}) },
  'hub.members': { input: none },
  'hub.addMember': { input: async () => ({ municipalityId: (await makeTownId((await testDb()).db)).id }) },
  'hub.removeMember': { input: (_t, s) => ({ municipalityId: s.B.town.id }) },
  'hub.memberships': { input: none },
  'hub.setSharing': { input: (_t, s) => ({ hubId: s.hub.hub.id, share: true }) },
};
