import { beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { callerFor, testKeyring } from '../helpers/callers.js';
import { makeCase } from '../helpers/case-factories.js';
import { makeMeeting } from '../helpers/meeting-factories.js';
import { makeReferral } from '../helpers/referral-factories.js';
import { makeDraft } from '../helpers/draft-factories.js';
import { makeHub } from '../helpers/hub-factories.js';
import { appRouter } from '../../src/trpc/router.js';
import { verifyChain } from '../../src/audit/verify.js';
import { subjectAccessRequest } from '../subject-access/requests.js';

/**
 * Reads (tRPC queries) run without a transaction and append their audit events on their own, so
 * they must write nothing else: every query procedure, called by every role, is checked against a
 * log of committed writes kept by row triggers on every table.
 */
const { db, owner } = await testDb();

type Procedure = { _def: { type: 'query' | 'mutation' } };
const procedures = (appRouter as unknown as { _def: { procedures: Record<string, Procedure> } })._def.procedures;
const QUERIES = Object.keys(procedures)
  .filter((p) => procedures[p]!._def.type === 'query')
  .sort();

beforeAll(async () => {
  const tables = await db.$queryRaw<{ name: string }[]>`
    SELECT table_name::text AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ('_prisma_migrations', 'read_write_log')`;
  // Installed by the owner (the app's role may create nothing); the triggers run as whoever writes.
  await owner.$executeRawUnsafe(
    `CREATE TABLE IF NOT EXISTS read_write_log (id bigserial PRIMARY KEY, tbl text NOT NULL, op text NOT NULL)`,
  );
  await owner.$executeRawUnsafe(`GRANT ALL ON read_write_log, read_write_log_id_seq TO PUBLIC`);
  await owner.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION read_log_write() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN INSERT INTO read_write_log (tbl, op) VALUES (TG_TABLE_NAME, TG_OP); RETURN NULL; END $$`);
  for (const { name } of tables) {
    await owner.$executeRawUnsafe(
      `CREATE OR REPLACE TRIGGER read_log AFTER INSERT OR UPDATE OR DELETE ON "${name}" FOR EACH ROW EXECUTE FUNCTION read_log_write()`,
    );
  }
});

const lastLog = async () => (await db.$queryRaw<{ id: bigint | null }[]>`SELECT max(id) AS id FROM read_write_log`)[0]!.id ?? 0n;
const writesSince = async (after: bigint) =>
  (await db.$queryRaw<{ w: string }[]>`SELECT op || ' ' || tbl AS w FROM read_write_log WHERE id > ${after} ORDER BY id`).map((r) => r.w);

describe('read procedures', () => {
  it('are all known here (a new one gets an input below)', () => {
    expect(QUERIES).toEqual(Object.keys(inputs(ids)).sort());
  });

  it('write nothing but their audit events (and the chain head), for every role', { timeout: 120_000 }, async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town, { keyWorkerId: town.socialWorker.id });
    const referral = await makeReferral(db, testKeyring, { town, referrer: town.socialWorker });
    const meeting = await makeMeeting(db, town, { cases: [c], agencyIds: [town.agency.id] });
    const flag = await db.auditFlag.create({
      data: { municipalityId: town.town.id, kind: 'repeated_denials', subjectUserId: town.socialWorker.id, detail: { count: 11 } },
      select: { id: true },
    });
    const draft = await makeDraft(db, testKeyring, town.socialWorker, new Date('2026-01-15T08:00:00Z'));
    // The consent carried over from the case's referral (consent/carry-over.ts).
    const consent = await db.consent.findFirstOrThrow({ where: { caseId: c.id }, select: { id: true } });
    // A deletion certificate of the town (the retention job's record; counts only).
    const certificate = await db.deletionCertificate.create({
      data: {
        id: crypto.randomUUID(),
        municipalityId: town.town.id,
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
    Object.assign(ids, {
      consentId: consent.id,
      certificateId: certificate.id,
      draftId: draft.id,
      userId: town.socialWorker.id,
      caseId: c.id,
      personId: c.person.id,
      subjectAccessId: await subjectAccessRequest(c.person.id),
      releasedSubjectAccessId: await subjectAccessRequest(c.person.id, 'released'),
      referralId: referral.id,
      meetingId: meeting.id,
      flagId: flag.id,
    });
    // A transfer proposed to the town by another city of a hub of theirs (modules/transfers).
    const sender = await makeTown(db);
    await makeHub(db, [{ id: town.town.id }, { id: sender.town.id }]);
    const sent = await makeCase(db, sender, {});
    const sentConsent = await db.consent.findFirstOrThrow({ where: { caseId: sent.id }, select: { id: true } });
    const transfer = await db.caseTransfer.create({
      data: {
        id: crypto.randomUUID(),
        municipalityId: sender.town.id,
        receivingMunicipalityId: town.town.id,
        hubId: (await db.hubMember.findFirstOrThrow({ where: { municipalityId: sender.town.id }, select: { hubId: true } })).hubId,
        caseId: sent.id,
        sections: ['summary'],
        legalBasis: 'consent',
        consentId: sentConsent.id,
        proposedById: sender.coordinator.id,
        proposedAt: new Date('2026-01-15T08:00:00Z'),
      },
      select: { id: true },
    });
    ids.transferId = transfer.id;
    // A hub the town shares its figures with: its analyst reads the hub's figures, its admin the members.
    const hub = await makeHub(db, [{ id: town.town.id, share: true }]);
    const roles = [town.admin, town.coordinator, town.socialWorker, town.practitioner, town.auditor, hub.analyst, hub.admin, hub.auditor];
    const allowedSomewhere = new Set<string>();
    for (const user of roles) {
      const { caller } = await callerFor(db, user);
      for (const path of QUERIES) {
        const before = await lastLog();
        const [group, name] = path.split('.') as [string, string];
        const fn = (caller as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>)[group]![name]!;
        const outcome = await fn(inputs(ids)[path]).then(
          () => 'ok',
          (e: { code?: string }) => e.code ?? 'error',
        );
        const writes = await writesSince(before);
        // Allowed or refused, a read leaves its audit event(s), their links to the records they touched and the head they move: nothing else.
        // (Its events are staged first and moved onto the chain by the chainer: audit/chainer.ts.)
        const audit = new Set([
          'INSERT audit_event',
          'INSERT audit_event_entity',
          'UPDATE audit_chain_head',
          'INSERT audit_chain_head',
          'INSERT audit_pending',
          'DELETE audit_pending',
        ]);
        // The reads that write: the hub's figures store a published year at its first request (hub/release.ts), and the
        // figures of a city and of the hub count the referral tallies of months not counted yet (statistics/tally.ts).
        const tallies = ['INSERT referral_tally_month', 'INSERT referral_tally', 'INSERT screening_tally'];
        const own = new Set(path === 'hub.figures' ? ['INSERT hub_release', ...tallies] : path === 'statistics.figures' ? tallies : []);
        expect({ path, role: user.role, writes: writes.filter((w) => !audit.has(w) && !own.has(w)) }).toEqual({
          path,
          role: user.role,
          writes: [],
        });
        if (outcome === 'ok') allowedSomewhere.add(path);
      }
    }
    // Each read ran for real (valid input, some role allowed), so its queries were exercised.
    expect([...allowedSomewhere].sort()).toEqual(QUERIES);
    expect((await verifyChain(db, town.town.id)).firstBroken).toBeNull();
  });
});

const ids: {
  consentId?: string;
  certificateId?: string;
  draftId?: string;
  userId?: string;
  caseId?: string;
  personId?: string;
  subjectAccessId?: string;
  releasedSubjectAccessId?: string;
  referralId?: string;
  meetingId?: string;
  flagId?: string;
  transferId?: string;
} = {};

function inputs(t: typeof ids): Record<string, unknown> {
  return {
    'agencies.list': {},
    'purposes.list': {},
    'lists.items': {},
    'processingRecord.get': {},
    'assessments.factors': {},
    'assessments.list': { caseId: t.caseId },
    'audit.list': {},
    'audit.anchors': undefined,
    'audit.flags': {},
    'audit.flag': { id: t.flagId },
    'audit.caseHistory': { id: t.caseId },
    'audit.personHistory': { id: t.personId },
    'audit.referralHistory': { id: t.referralId },
    'auth.me': undefined,
    'auth.sessions': undefined,
    'cases.emergencyAccess': undefined,
    'cases.get': { id: t.caseId },
    'cases.history': { id: t.caseId },
    'cases.list': {},
    'cases.notes': { caseId: t.caseId },
    'consent.list': { caseId: t.caseId },
    'consent.form': { caseId: t.caseId, consentId: t.consentId },
    'drafts.list': undefined,
    'drafts.get': { id: t.draftId },
    'meetings.get': { id: t.meetingId },
    'meetings.list': {},
    'print.caseSummary': { id: t.caseId },
    'statistics.figures': { year: 2026 },
    'print.meeting': { id: t.meetingId, kind: 'minutes' },
    'print.referral': { id: t.referralId },
    'people.get': { id: t.personId },
    'people.history': { id: t.personId },
    'people.match': { name: 'Sami Test' },
    'search.find': { query: 'Sami Test' },
    'people.merges': { id: t.personId },
    'subjectAccess.list': { personId: t.personId },
    'subjectAccess.get': { personId: t.personId, id: t.subjectAccessId },
    'subjectAccess.document': { personId: t.personId, id: t.releasedSubjectAccessId, format: 'json' },
    'referrals.get': { id: t.referralId },
    'referrals.history': { id: t.referralId },
    'referrals.mine': {},
    'referrals.queue': {},
    'users.directory': {},
    'users.list': {},
    'users.factorResets': undefined,
    'users.sessions': { userId: t.userId },
    'users.caseload': { userId: t.userId },
    'users.caseloads': undefined,
    'work.mine': undefined,
    'work.settings': undefined,
    'work.factorRoles': undefined,
    'work.flagSettings': undefined,
    'work.holidays': undefined,
    'onward.forCase': { caseId: t.caseId },
    'onward.forReferral': { referralId: t.referralId },
    'onward.inbox': {},
    'retention.rules': undefined,
    'retention.preview': undefined,
    'retention.hold': { caseId: t.caseId },
    'retention.certificates': undefined,
    'retention.certificate': { id: t.certificateId },
    'alerts.preferences': undefined,
    'alerts.status': undefined,
    'hub.figures': {},
    'hub.members': undefined,
    'hub.memberships': undefined,
    'transfers.destinations': undefined,
    'transfers.forCase': { caseId: t.caseId },
    'transfers.received': { caseId: t.caseId },
    'transfers.inbox': {},
    'transfers.get': { id: t.transferId },
    'transfers.matches': { id: t.transferId },
  };
}
