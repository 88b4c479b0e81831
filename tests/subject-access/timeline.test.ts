import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { failure, makeDisclosure } from '../helpers/case-factories.js';
import { makeMeeting, makeMinute } from '../helpers/meeting-factories.js';
import { FOREIGN, personWithEverything } from './setting.js';

const { db } = await testDb();

/**
 * The person of setting.ts, whose case also moved (stage, review, closing, reopening, a revocation, each
 * with words), went to a panel that disagreed, and whose intervention changed status; the look-alike's
 * case moved too, with words that must not appear.
 */
async function withHistory() {
  const s = await personWithEverything(db);
  const co = s.coordinator;
  await co.cases.changeStage({ id: s.c.id, stage: 'assessment', reason: 'Synthetic stage words: the family agreed.' });
  await co.cases.recordReview({ caseId: s.c.id, note: 'Synthetic review words: school attendance up.' });
  const spare = await makeDisclosure(db, s.c, { agencyId: s.town.agency.id, sections: ['summary'], createdById: s.town.coordinator.id });
  await co.cases.revokeDisclosure({ id: spare.id, reason: 'Synthetic revocation words: no longer needed.' });
  await co.cases.updateIntervention({ id: s.ids.intervention, version: 1, status: 'active' });
  const meeting = await makeMeeting(db, s.town, { cases: [s.c], agencyIds: [s.town.agency.id] });
  const item = meeting.itemFor(s.c);
  await co.meetings.decide({
    agendaItemId: item,
    decision: 'continue',
    consensus: false,
    dissent: 'Synthetic dissent: the school disagrees.',
  });
  await makeMinute(db, meeting, s.town.coordinator, { body: 'Synthetic general minute: the panel opened.' });
  await co.cases.changeStage({ id: s.lookAlike.id, stage: 'assessment', reason: FOREIGN.lookAlikeSummary });
  return { ...s, item, meeting };
}

describe('subject access: the case timeline, the panel, the plan history, and staff', () => {
  it('holds the timeline with its reasons, each for review; the dissent for review; the plan’s history; nothing of the look-alike', async () => {
    const s = await withHistory();
    const personId = s.c.person.id;
    const { id } = await s.coordinator.subjectAccess.prepare({ personId, language: 'en', requestedBy: 'person' });
    const view = await s.coordinator.subjectAccess.get({ personId, id });
    const c = view.document.cases[0]!;

    const kinds = c.timeline.map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['stage', 'review', 'revoke', 'intervention.update', 'panel_decision', 'note']));
    const stage = c.timeline.find((e) => e.kind === 'stage')!;
    expect(stage.facts).toEqual({ from: 'intake', to: 'assessment' });
    expect(stage.by).toEqual({ role: 'coordinator', name: null });
    expect(stage.words).toMatchObject({
      kind: 'timeline',
      status: 'pending',
      content: { reason: 'Synthetic stage words: the family agreed.', purpose: null },
    });
    expect(c.timeline.find((e) => e.kind === 'review')!.words!.content!.reason).toBe('Synthetic review words: school attendance up.');
    const revoke = c.timeline.find((e) => e.kind === 'revoke')!;
    expect(revoke).toMatchObject({ agency: s.town.agency.name, facts: { sections: ['summary'] } });
    expect(revoke.words!.content!.reason).toBe('Synthetic revocation words: no longer needed.');
    // Entries without words are plain facts, not for review; no entry carries an internal id.
    expect(c.timeline.find((e) => e.kind === 'note')!.words).toBeNull();
    expect(JSON.stringify(c.timeline)).not.toMatch(/"(id|caseId|noteId|disclosureId|interventionId|agencyId|userId)"/);
    expect(JSON.stringify(c.timeline)).not.toContain(s.town.agency.id);

    // The panel: its decision, and the dissent for review (the general minute is about no one case: not in it).
    const panel = c.panel.find((p) => p.decision === 'continue')!;
    expect(panel.consensus).toBe(false);
    expect(panel.dissent).toMatchObject({
      review: `dissent:${s.item}`,
      status: 'pending',
      content: { text: 'Synthetic dissent: the school disagrees.' },
    });
    expect(JSON.stringify(view.document)).not.toContain('general minute');
    // The intervention's field history.
    expect(c.plan.interventions[0]!.history).toEqual([
      expect.objectContaining({ field: 'status', from: 'planned', to: 'active', by: { role: 'coordinator', name: null } }),
    ]);

    const timelineKeys = view.pending.filter((k) => k.startsWith('timeline:'));
    expect(timelineKeys.length).toBeGreaterThanOrEqual(3);
    expect(timelineKeys.every((k) => k.startsWith(`timeline:${s.c.id}.`))).toBe(true);
    expect(view.pending).toContain(`dissent:${s.item}`);
    const json = JSON.stringify(view.document);
    expect(json).not.toContain(FOREIGN.lookAlikeSummary);
    // Staff by role by default: no member of staff is named anywhere in the document.
    expect(view.document.staffNamed).toBe(false);
    for (const u of [s.town.coordinator, s.town.socialWorker]) {
      const { displayName } = await db.user.findUniqueOrThrow({ where: { id: u.id }, select: { displayName: true } });
      expect(json).not.toContain(displayName);
    }

    // Release waits for the timeline's words and the dissent too.
    const others = view.pending.filter((k) => !k.startsWith('timeline:') && !k.startsWith('dissent:'));
    await s.coordinator.subjectAccess.review({ personId, id, version: 1, decisions: others.map((key) => ({ key, include: true })) });
    expect(await failure(s.coordinator.subjectAccess.release({ personId, id, version: 2, method: 'sent' }))).toMatchObject({
      code: 'SUBJECT_ACCESS_UNREVIEWED',
    });
    const reviewKey = (reason: string) => c.timeline.find((e) => e.words?.content?.reason === reason)!.words!.review;
    const withheld = reviewKey('Synthetic review words: school attendance up.');
    await s.coordinator.subjectAccess.review({
      personId,
      id,
      version: 2,
      decisions: [
        ...timelineKeys.map((key) =>
          key === withheld ? { key, include: false, reason: 'Synthetic: names a teacher.' } : { key, include: true },
        ),
        { key: `dissent:${s.item}`, include: false, reason: 'Synthetic: a partner’s view.' },
      ],
    });
    await s.coordinator.subjectAccess.release({ personId, id, version: 3, method: 'sent' });
    const doc = await s.coordinator.subjectAccess.document({ personId, id, format: 'json' });
    const released = JSON.stringify(doc);
    expect(released).toContain('Synthetic stage words: the family agreed.');
    expect(released).toContain('Synthetic revocation words: no longer needed.');
    expect(released).not.toContain('school attendance up');
    expect(released).not.toContain('the school disagrees');
    expect(doc.cases[0]!.timeline.find((e) => e.words?.review === withheld)!.words).toMatchObject({
      status: 'withheld',
      reason: 'Synthetic: names a teacher.',
      content: null,
    });
    expect(doc.unchanged).toBe(true);
  });

  it('names staff only when the reviewer chooses to, and the choice is kept with the release', async () => {
    const s = await withHistory();
    const personId = s.c.person.id;
    const { id } = await s.coordinator.subjectAccess.prepare({ personId, language: 'ar', requestedBy: 'person' });
    const coordinatorName = (await db.user.findUniqueOrThrow({ where: { id: s.town.coordinator.id }, select: { displayName: true } }))
      .displayName;
    const first = await s.coordinator.subjectAccess.get({ personId, id });
    await s.coordinator.subjectAccess.review({
      personId,
      id,
      version: 1,
      decisions: first.pending.map((key) => ({ key, include: true })),
      staffNames: true,
    });
    const named = await s.coordinator.subjectAccess.get({ personId, id });
    expect(named.document.staffNamed).toBe(true);
    const c = named.document.cases[0]!;
    expect(c.timeline.find((e) => e.kind === 'stage')!.by).toEqual({ role: 'coordinator', name: coordinatorName });
    expect(c.notes[0]!.content!.author).toEqual({ role: 'coordinator', name: coordinatorName });
    // A later save without the choice keeps it; a stale version is refused and changes nothing.
    expect((await failure(s.coordinator.subjectAccess.review({ personId, id, version: 1, decisions: [], staffNames: false }))).code).toBe(
      'CONFLICT',
    );
    await s.coordinator.subjectAccess.review({ personId, id, version: 2, decisions: [] });
    await s.coordinator.subjectAccess.release({ personId, id, version: 3, method: 'handed_over' });
    const doc = await s.coordinator.subjectAccess.document({ personId, id, format: 'print' });
    expect(doc.staffNamed).toBe(true);
    expect(JSON.stringify(doc.cases)).toContain(coordinatorName);
    expect(doc.unchanged).toBe(true);
    // A bad choice is refused field by field.
    expect(
      (await failure(s.coordinator.subjectAccess.review({ personId, id, version: 4, decisions: [], staffNames: 'yes' as never }))).fields,
    ).toMatchObject({ staffNames: expect.any(String) });
  });
});
