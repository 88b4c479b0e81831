import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/db.js';
import { createSession } from '../../src/auth/session.js';
import type { CaseStage } from '../../src/generated/prisma/enums.js';
import { testConfig, testKeyring } from '../helpers/callers.js';
import { makeAgency, makeTown, makeUser, TEST_PASSWORD } from '../helpers/factories.js';
import { makeCase, makeDisclosure, OPENED_AT, type Town } from '../helpers/case-factories.js';
import { makePerson } from '../helpers/people-factories.js';
import { makeReferral } from '../helpers/referral-factories.js';
import { activeFactors, fullRatings, makeAssessor } from '../helpers/assessment-factories.js';
import { makeMeeting } from '../helpers/meeting-factories.js';
import { makeTask } from '../helpers/work-factories.js';
import { makeDraft } from '../helpers/draft-factories.js';
import { makeHub } from '../helpers/hub-factories.js';
import type { makeTestApp } from '../helpers/http.js';
import { signIn } from '../helpers/http.js';
import { ROLES, type Role, type Scope, type Target } from './matrix.js';

type App = Awaited<ReturnType<typeof makeTestApp>>['app'];
type User = Awaited<ReturnType<typeof makeUser>>;

export interface Actor {
  role: Role;
  user: User;
  /** Same role, municipality and agency: whose records are "sameAgency". */
  colleague: User;
  /** Same role again, for rows that end sessions or change the password of their own account. */
  spare: User;
  cookie: string;
}

/** Ids a row's input is built from; only those of its target kind are set. */
export interface TargetIds {
  caseId?: string;
  personId?: string;
  interventionId?: string;
  disclosureId?: string;
  referralId?: string;
  userId?: string;
  agencyId?: string;
  purposeId?: string;
  listItemId?: string;
  sessionId?: string;
  factorId?: string;
  meetingId?: string;
  inviteeId?: string;
  agendaItemId?: string;
  reminderId?: string;
  taskId?: string;
  draftId?: string;
}

export interface TargetOptions {
  /** A fresh record for this row only (a mutation expected to succeed changes it). */
  fresh?: boolean;
  stage?: CaseStage;
  /** For a meeting target: already held (attendance or minutes recorded). */
  held?: boolean;
}

const DAY = 86_400_000;
/** Panel meetings of the scenario: earlier on the day the clock stands at, so they may be recorded. */
const MEETING_AT = new Date(OPENED_AT.getTime() - 2 * 3_600_000);
export const SESSION_COOKIE = 'jisr_session';

/**
 * Two municipalities (A, where every actor works, and B), a second agency in A, one signed-in
 * session per role, and the records of every scope, made on demand and kept for read-only rows.
 */
export async function buildScenario(db: Db, app: App) {
  const [A, B] = await Promise.all([makeTown(db), makeTown(db)]);
  // The regional hub of the hub analyst: A shares its figures with it, B is a member that does not.
  const hub = await makeHub(db, [
    { id: A.town.id, share: true },
    { id: B.town.id, share: false },
  ]);
  const otherAgency = await makeAgency(db, A.town.id, { name: `Other agency ${randomUUID().slice(0, 6)}` });
  const mk = (role: Role, agencyId: string | null, town: Town = A) => makeUser(db, { municipalityId: town.town.id, role, agencyId });
  const [otherPractitioner, otherSocialWorker, anonLogin] = await Promise.all([
    mk('agency_practitioner', otherAgency.id),
    mk('social_worker', null),
    mk('social_worker', null),
  ]);
  const mains: Record<Role, User> = {
    social_worker: A.socialWorker,
    coordinator: A.coordinator,
    agency_practitioner: A.practitioner,
    auditor: A.auditor,
    admin: A.admin,
    hub_analyst: hub.analyst,
  };
  const actors = {} as Record<Role, Actor>;
  for (const role of ROLES) {
    const agencyId = mains[role].agencyId;
    const home = { municipalityId: mains[role].municipalityId, role, agencyId };
    const [colleague, spare] = await Promise.all([makeUser(db, home), makeUser(db, home)]);
    // Every actor is a trained assessor, so rating is refused only for reasons of role and scope
    // (matrix.test.ts checks an untrained user apart).
    await makeAssessor(db, mains[role]);
    actors[role] = { role, user: mains[role], colleague, spare, cookie: await signIn(app, mains[role].email, TEST_PASSWORD) };
  }

  /** A new session of `user`, as a cookie header and the session's id. */
  async function sessionOf(user: { id: string; municipalityId: string }) {
    const { token, sessionId } = await createSession(db, OPENED_AT, testConfig().session, user, {
      ip: '203.0.113.50',
      userAgent: 'matrix',
    });
    return { cookie: `${SESSION_COOKIE}=${token}`, sessionId };
  }

  const coordinatorOf = (town: Town) => town.coordinator.id;

  /** A case in the actor's relation `scope` (see matrix.ts), with the disclosures that define it. */
  async function scopedCase(actor: Actor, scope: Scope, stage: CaseStage = 'intake') {
    const me = actor.user;
    const toMe = me.agencyId ? { agencyId: me.agencyId } : { userId: me.id };
    const others = { keyWorkerId: otherSocialWorker.id, leadAgencyId: otherAgency.id, stage };
    const by = { createdById: coordinatorOf(A) };
    switch (scope) {
      case 'own':
        return makeCase(db, A, { keyWorkerId: me.id, stage });
      case 'sameAgency': {
        const c = await makeCase(db, A, { keyWorkerId: actor.colleague.id, stage });
        await makeDisclosure(db, c, { ...by, userId: actor.colleague.id });
        return c;
      }
      case 'otherMunicipality': {
        // Rows no real workflow makes: a case of B naming the actor. Tenancy must still win.
        const c = await makeCase(db, B, { keyWorkerId: me.id, stage });
        await makeDisclosure(db, c, { createdById: coordinatorOf(B), ...toMe });
        return c;
      }
      default: {
        const c = await makeCase(db, A, others);
        await makeDisclosure(db, c, { ...by, agencyId: otherAgency.id });
        if (scope === 'disclosed') await makeDisclosure(db, c, { ...by, ...toMe });
        if (scope === 'summaryOnly') await makeDisclosure(db, c, { ...by, ...toMe, sections: ['summary'] });
        if (scope === 'expired') await makeDisclosure(db, c, { ...by, ...toMe, expiresAt: new Date(OPENED_AT.getTime() - DAY) });
        if (scope === 'revoked') await makeDisclosure(db, c, { ...by, ...toMe, revokedAt: OPENED_AT });
        return c;
      }
    }
  }

  async function build(kind: Target, actor: Actor, scope: Scope, opts: TargetOptions): Promise<TargetIds> {
    if (scope === 'nonexistent') {
      const id = randomUUID();
      const any = [
        'case',
        'person',
        'intervention',
        'disclosure',
        'referral',
        'user',
        'agency',
        'purpose',
        'listItem',
        'session',
        'factor',
        'meeting',
        'invitee',
        'agendaItem',
        'reminder',
        'task',
        'draft',
      ];
      return Object.fromEntries(any.map((k) => [`${k}Id`, id])) as TargetIds;
    }
    const town = scope === 'otherMunicipality' ? B : A;
    const caseOf = () =>
      opts.fresh
        ? scopedCase(actor, scope, opts.stage)
        : cached(`scopedCase|${actor.role}|${scope}|${opts.stage ?? ''}`, () => scopedCase(actor, scope, opts.stage));
    switch (kind) {
      case 'case':
      case 'person': {
        const c = await caseOf();
        return { caseId: c.id, personId: c.person.id };
      }
      case 'disclosure': {
        const c = await caseOf();
        const d = await makeDisclosure(db, c, { createdById: coordinatorOf(town), agencyId: town === A ? otherAgency.id : B.agency.id });
        return { caseId: c.id, disclosureId: d.id };
      }
      case 'intervention': {
        const c = await caseOf();
        const mine = { agencyId: actor.user.agencyId ?? A.agency.id, assigneeId: actor.user.id };
        const who =
          scope === 'sameAgency'
            ? { ...mine, assigneeId: actor.colleague.id }
            : scope === 'otherAgency'
              ? { agencyId: otherAgency.id, assigneeId: otherPractitioner.id }
              : scope === 'otherMunicipality'
                ? { ...mine, agencyId: B.agency.id }
                : mine;
        const i = await db.intervention.create({
          data: {
            caseId: c.id,
            municipalityId: c.municipalityId,
            type: 'mentoring',
            title: 'Synthetic mentoring',
            createdAt: OPENED_AT,
            updatedAt: OPENED_AT,
            createdById: coordinatorOf(town),
            ...who,
          },
          select: { id: true },
        });
        return { caseId: c.id, interventionId: i.id };
      }
      case 'referral': {
        const referrer = {
          own: actor.user,
          sameAgency: actor.colleague,
          otherAgency: otherPractitioner,
          otherMunicipality: B.socialWorker,
        }[scope as 'own'];
        const r = await makeReferral(db, testKeyring, { town, referrer });
        return { referralId: r.id };
      }
      case 'user': {
        if (scope === 'own') return { userId: actor.user.id };
        return { userId: (await mk('social_worker', null, town)).id };
      }
      case 'agency':
        return { agencyId: (await makeAgency(db, town.town.id)).id };
      case 'purpose': {
        const label = `Matrix purpose ${randomUUID().slice(0, 8)}`;
        const data = { municipalityId: town.town.id, code: 'other' as const, labelAr: label, labelFr: label, labelEn: label };
        return { purposeId: (await db.disclosurePurpose.create({ data, select: { id: true } })).id };
      }
      case 'listItem': {
        const label = `Matrix item ${randomUUID().slice(0, 8)}`;
        const data = { municipalityId: town.town.id, list: 'cohort' as const, code: 'other' };
        const labels = { labelAr: label, labelFr: label, labelEn: label };
        return { listItemId: (await db.listItem.create({ data: { ...data, ...labels }, select: { id: true } })).id };
      }
      case 'factor':
        return { factorId: (await activeFactors(db, town.town.id))[0]!.id };
      case 'meeting':
      case 'agendaItem': {
        // Invited: the actor by name (own), a colleague (sameAgency), another agency (otherAgency),
        // the actor's agency or, without one, the actor (disclosed); in B, the actor and their agency.
        const me = actor.user;
        const invite =
          scope === 'own'
            ? { userIds: [me.id] }
            : scope === 'sameAgency'
              ? { userIds: [actor.colleague.id] }
              : scope === 'otherAgency'
                ? { agencyIds: [otherAgency.id] }
                : scope === 'disclosed'
                  ? me.agencyId
                    ? { agencyIds: [me.agencyId] }
                    : { userIds: [me.id] }
                  : { userIds: [me.id], agencyIds: me.agencyId ? [me.agencyId] : [] };
        const item = await makeCase(db, town, { keyWorkerId: town === A ? otherSocialWorker.id : B.socialWorker.id });
        const m = await makeMeeting(db, town, {
          cases: [item],
          ...invite,
          scheduledAt: MEETING_AT,
          status: opts.held ? 'held' : 'scheduled',
        });
        return { meetingId: m.id, inviteeId: m.invitees[0]!.id, agendaItemId: m.agenda[0]!.id };
      }
      case 'reminder': {
        const owner = { own: actor.user, sameAgency: actor.colleague, otherMunicipality: B.socialWorker }[scope as 'own'];
        const r = await db.reminder.create({
          data: {
            municipalityId: town.town.id,
            userId: owner.id,
            kind: 'review_overdue',
            entityType: 'Case',
            entityId: randomUUID(),
            dueAt: OPENED_AT,
            createdAt: OPENED_AT,
          },
          select: { id: true },
        });
        return { reminderId: r.id };
      }
      case 'task': {
        const c = await caseOf();
        const assigneeId = scope === 'sameAgency' ? actor.colleague.id : scope === 'otherAgency' ? otherPractitioner.id : actor.user.id;
        const task = await makeTask(db, c, { createdById: coordinatorOf(town), assigneeId });
        return { caseId: c.id, taskId: task.id };
      }
      case 'draft': {
        const owner = { own: actor.user, sameAgency: actor.colleague, otherMunicipality: B.socialWorker }[scope as 'own'];
        return { draftId: (await makeDraft(db, testKeyring, owner, OPENED_AT)).id };
      }
      case 'session': {
        const owner = { own: actor.user, sameAgency: actor.colleague, otherMunicipality: B.socialWorker }[scope as 'own'];
        return { sessionId: (await sessionOf(owner)).sessionId };
      }
      default:
        return {};
    }
  }

  const cache = new Map<string, Promise<unknown>>();
  function cached<T>(key: string, make: () => Promise<T>): Promise<T> {
    if (!cache.has(key)) cache.set(key, make());
    return cache.get(key) as Promise<T>;
  }
  /** The target of a row: shared by the rows of the same actor and scope that change nothing, fresh when asked. */
  function target(kind: Target, actor: Actor, scope: Scope, opts: TargetOptions = {}) {
    if (opts.fresh) return build(kind, actor, scope, opts);
    return cached(`${kind}|${actor.role}|${scope}|${opts.stage ?? ''}|${opts.held ?? ''}`, () => build(kind, actor, scope, opts));
  }

  const agendaCase = await makeCase(db, A, { keyWorkerId: otherSocialWorker.id });
  /** A complete assessment form of A (rows about B's cases are refused before the factors matter). */
  const ratings = await fullRatings(db, A.town.id);
  const newPerson = () => makePerson(db, A.town.id, { nameLatin: 'Huda Synthetic' });

  return {
    A,
    B,
    hub,
    otherAgency,
    otherPractitioner,
    otherSocialWorker,
    anonLogin,
    actors,
    target,
    sessionOf,
    newPerson,
    agendaCase,
    ratings,
  };
}

export type Scenario = Awaited<ReturnType<typeof buildScenario>>;
