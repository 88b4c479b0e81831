import { beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { testKeyring } from '../helpers/callers.js';
import { seedDemo } from '../../src/seed/demo.js';
import { verifyChain } from '../../src/audit/verify.js';
import type { AuditAction } from '../../src/audit/actions.js';

// A database of its own: the demo seeds only an empty one.
const { db } = await testDb();
const eventSelect = { seq: true, at: true, action: true, outcome: true, entityId: true, detail: true } as const;
let town: { id: string };
let events: Awaited<ReturnType<typeof db.auditEvent.findMany<{ select: typeof eventSelect }>>>;

beforeAll(async () => {
  expect(await seedDemo(db, 'demo password 2026', testKeyring)).toBe(true);
  // The demo municipality (the regional hub and its second city have chains of their own: tests/hub/demo.test.ts).
  town = await db.municipality.findFirstOrThrow({ where: { code: 'DEMO' }, select: { id: true } });
  events = await db.auditEvent.findMany({ where: { chain: town.id }, orderBy: { seq: 'asc' }, select: eventSelect });
});

/** Every id an event names: its entity, and the ids in its detail (a note's event names its case, and the note by `noteId`). */
function idsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(idsIn);
  return value && typeof value === 'object' ? Object.values(value).flatMap(idsIn) : [];
}
const namedBy = (action: AuditAction) =>
  new Set(events.filter((e) => e.action === action).flatMap((e) => [e.entityId, ...idsIn(e.detail)]));
/** The ids of `rows` that no `action` event names: none, and there are rows. */
function unnamed(action: AuditAction, rows: { id: string }[]) {
  expect(rows.length, `rows for ${action}`).toBeGreaterThan(0);
  const named = namedBy(action);
  return rows.map((r) => r.id).filter((id) => !named.has(id));
}

type Move = { from: string; to: string };

describe('the demo log', () => {
  it('is one chain that verifies, never goes back in time and ends before the app serves anyone', async () => {
    expect(await verifyChain(db, town.id)).toMatchObject({ checked: events.length, firstBroken: null });
    expect(events.filter((e, i) => i > 0 && e.at < events[i - 1]!.at).map((e) => e.seq)).toEqual([]);
    expect(events.at(-1)!.at.getTime()).toBeLessThanOrEqual(Date.now());
    expect(events.filter((e) => e.outcome !== 'allowed')).toEqual([]);
    // The demo users sign in for their work and out after it.
    expect(events.filter((e) => e.action === 'auth.login')).toHaveLength(4);
    expect(events.filter((e) => e.action === 'auth.logout')).toHaveLength(4);
  });

  it('names every record the demo made in the event of the procedure that made it', async () => {
    const id = { select: { id: true } } as const;
    expect(unnamed('municipality.create', await db.municipality.findMany({ where: { id: town.id }, ...id }))).toEqual([]);
    expect(unnamed('agency.create', await db.agency.findMany(id))).toEqual([]);
    expect(unnamed('user.create', await db.user.findMany({ where: { municipalityId: town.id }, ...id }))).toEqual([]);
    // The demo municipality's records (the hub's second city has its own chain: src/seed/demo-hub-history.ts).
    const mine = { where: { municipalityId: town.id }, ...id };
    expect(unnamed('person.create', await db.person.findMany(mine))).toEqual([]);
    expect(unnamed('referral.create', await db.referral.findMany(mine))).toEqual([]);
    expect(
      unnamed('referral.screen', await db.referral.findMany({ where: { municipalityId: town.id, status: { not: 'submitted' } }, ...id })),
    ).toEqual([]);
    expect(unnamed('case.open', await db.case.findMany(mine))).toEqual([]);
    expect(unnamed('case.note.create', await db.caseNote.findMany(id))).toEqual([]);
    expect(unnamed('case.intervention.create', await db.intervention.findMany(id))).toEqual([]);
    expect(unnamed('case.disclose', await db.disclosure.findMany(id))).toEqual([]);
    expect(unnamed('assessment.create', await db.assessment.findMany(id))).toEqual([]);
    expect(unnamed('meeting.schedule', await db.panelMeeting.findMany(id))).toEqual([]);
    expect(unnamed('meeting.decide', await db.meetingAgendaItem.findMany({ where: { decision: { not: null } }, ...id }))).toEqual([]);
    expect(unnamed('meeting.decide', await db.caseTask.findMany(id))).toEqual([]);
    expect(unnamed('meeting.minute.create', await db.meetingMinute.findMany(id))).toEqual([]);
  });

  it('gives every case the timeline entries of what happened to it', async () => {
    const cases = await db.case.findMany({
      where: { municipalityId: town.id },
      select: {
        id: true,
        referralId: true,
        stage: true,
        keyWorkerId: true,
        leadAgencyId: true,
        summary: true,
        events: { select: { kind: true, data: true }, orderBy: [{ at: 'asc' }, { id: 'asc' }] },
        notes: { select: { id: true } },
        interventions: { select: { id: true } },
        assessments: { select: { id: true } },
        disclosures: { select: { id: true } },
        agendaItems: { where: { decision: { not: null } }, select: { id: true } },
      },
    });
    expect(new Set(cases.map((c) => c.stage)).size).toBe(7);
    for (const c of cases) {
      const data = (kind: string, field: string) =>
        c.events.filter((e) => e.kind === kind).map((e) => (e.data as Record<string, unknown>)[field]);
      const missing = (kind: string, field: string, rows: { id: string }[]) =>
        rows.map((r) => r.id).filter((id) => !data(kind, field).includes(id));
      expect(c.events[0], c.id).toMatchObject({ kind: 'opened', data: { referralId: c.referralId } });
      expect(missing('note', 'noteId', c.notes), c.id).toEqual([]);
      expect(missing('intervention', 'interventionId', c.interventions), c.id).toEqual([]);
      expect(missing('assessment', 'assessmentId', c.assessments), c.id).toEqual([]);
      expect(missing('disclose', 'disclosureId', c.disclosures), c.id).toEqual([]);
      expect(missing('panel_decision', 'agendaItemId', c.agendaItems), c.id).toEqual([]);
      expect(data('assign', 'to'), c.id).toEqual(expect.arrayContaining([c.keyWorkerId, c.leadAgencyId]));
      if (c.summary) expect(data('summary', 'cleared')).toContain(false);
      // Each move starts where the last one ended, from intake to the stage the case is in.
      const moves = c.events.filter((e) => ['stage', 'close', 'reopen'].includes(e.kind)).map((e) => e.data as Move);
      const reached = moves.reduce((stage, move) => (move.from === stage ? move.to : `${stage}, then a move from ${move.from}`), 'intake');
      expect(reached, c.id).toBe(c.stage);
    }
  });
});
