import { randomUUID } from 'node:crypto';
import { AppError } from '../../errors.js';
import type { ServiceContext } from '../../service.js';
import { DISCLOSURE_RECIPIENT_ROLES, hasRole } from '../../shared/roles.js';
import type { ConsentPurpose, Role } from '../../shared/vocabulary.js';
import type { CaseloadItem } from './caseload.js';
import { checkPurposeRules, readPurposeWords, sealPurposeWords } from '../cases/purpose-bans.js';

type From = { id: string; municipalityId: string };
type To = { id: string; role: Role };

/** Each statement moves only what is still the leaver's: a concurrent change makes the whole handover a CONFLICT. */
function exactly(count: number, wanted: number) {
  if (count !== wanted) throw new AppError('CONFLICT');
}

const idsOf = (items: CaseloadItem[], kind: CaseloadItem['kind']) => items.filter((i) => i.kind === kind).map((i) => i.id);

/**
 * The writes of a handover (in the procedure's transaction). Disclosures by name are grants to a
 * person: the leaver's is ended and the same grant (sections, purpose, basis, expiry) made to the
 * receiver, unless the receiver is a coordinator, who sees every case already. Returns the new
 * disclosure of each ended one. The leaver's open reminders about moved items are dismissed: the
 * reminder job raises the receiver's own.
 */
export async function moveItems(ctx: ServiceContext, from: From, to: To, items: CaseloadItem[]) {
  const { municipalityId } = from;
  const now = ctx.clock();
  const cases = idsOf(items, 'case');
  const interventions = idsOf(items, 'intervention');
  const tasks = idsOf(items, 'task');
  if (cases.length) {
    const { count } = await ctx.db.case.updateMany({
      where: { municipalityId, id: { in: cases }, keyWorkerId: from.id },
      data: { keyWorkerId: to.id },
    });
    exactly(count, cases.length);
  }
  if (interventions.length) {
    const { count } = await ctx.db.intervention.updateMany({
      where: { municipalityId, id: { in: interventions }, assigneeId: from.id },
      data: { assigneeId: to.id, updatedAt: now },
    });
    exactly(count, interventions.length);
  }
  if (tasks.length) {
    const { count } = await ctx.db.caseTask.updateMany({
      where: { municipalityId, id: { in: tasks }, assigneeId: from.id },
      data: { assigneeId: to.id },
    });
    exactly(count, tasks.length);
  }
  await moveInvitations(ctx, from, to, idsOf(items, 'invitation'));
  const disclosures = await moveDisclosures(ctx, from, to, idsOf(items, 'disclosure'));
  const entityIds = items.map((i) => i.id);
  if (entityIds.length) {
    await ctx.db.reminder.updateMany({
      where: { municipalityId, userId: from.id, dismissedAt: null, entityId: { in: entityIds } },
      data: { dismissedAt: now },
    });
  }
  return { disclosures };
}

/** The receiver takes the leaver's seat at each meeting; where already invited by name, the leaver's invitation just goes. */
async function moveInvitations(ctx: ServiceContext, from: From, to: To, ids: string[]) {
  if (!ids.length) return;
  const rows = await ctx.db.meetingInvitee.findMany({
    where: { municipalityId: from.municipalityId, id: { in: ids }, userId: from.id },
    select: { id: true, meetingId: true },
  });
  exactly(rows.length, ids.length);
  const already = await ctx.db.meetingInvitee.findMany({
    where: { municipalityId: from.municipalityId, meetingId: { in: rows.map((r) => r.meetingId) }, userId: to.id },
    select: { meetingId: true },
  });
  const seated = new Set(already.map((r) => r.meetingId));
  const twice = rows.filter((r) => seated.has(r.meetingId)).map((r) => r.id);
  const moving = rows.filter((r) => !seated.has(r.meetingId)).map((r) => r.id);
  if (twice.length)
    exactly(
      (await ctx.db.meetingInvitee.deleteMany({ where: { municipalityId: from.municipalityId, id: { in: twice }, userId: from.id } }))
        .count,
      twice.length,
    );
  if (moving.length) {
    const { count } = await ctx.db.meetingInvitee.updateMany({
      where: { municipalityId: from.municipalityId, id: { in: moving }, userId: from.id },
      data: { userId: to.id },
    });
    exactly(count, moving.length);
  }
}

async function moveDisclosures(ctx: ServiceContext, from: From, to: To, ids: string[]): Promise<Record<string, string>> {
  if (!ids.length) return {};
  const now = ctx.clock();
  const rows = await ctx.db.disclosure.findMany({
    where: { municipalityId: from.municipalityId, id: { in: ids }, userId: from.id, revokedAt: null },
    select: {
      id: true,
      caseId: true,
      municipalityId: true,
      sections: true,
      purposeId: true,
      purpose: true,
      legalBasis: true,
      expiresAt: true,
      consentPurpose: true,
      listedPurpose: { select: { code: true } },
    },
  });
  exactly(rows.length, ids.length);
  const { count } = await ctx.db.disclosure.updateMany({
    where: { municipalityId: from.municipalityId, id: { in: ids }, revokedAt: null },
    data: { revokedAt: now, revokedById: ctx.user.id },
  });
  exactly(count, ids.length);
  if (!hasRole(DISCLOSURE_RECIPIENT_ROLES, to.role)) return {};
  const made: Record<string, string> = {};
  for (const { id, purpose, consentPurpose, listedPurpose, ...grant } of rows) {
    // The purpose bans hold for the new recipient too (a police liaison's officer, say): refused whole.
    await checkPurposeRules(ctx, grant.caseId, {
      code: listedPurpose.code,
      legalBasis: grant.legalBasis,
      consentPurpose: (consentPurpose as ConsentPurpose | null) ?? undefined,
      sections: grant.sections,
      userId: to.id,
    });
    // The same purpose; its free words re-encrypted for the new row (they are bound to their row's id).
    const newId = randomUUID();
    const words = await readPurposeWords(ctx, id, purpose);
    const d = await ctx.db.disclosure.create({
      data: {
        ...grant,
        id: newId,
        purpose: words === null ? null : await sealPurposeWords(ctx, grant.caseId, newId, words),
        userId: to.id,
        createdAt: now,
        createdById: ctx.user.id,
      },
      select: { id: true },
    });
    made[id] = d.id;
  }
  return made;
}
