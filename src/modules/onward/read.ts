import { subject } from '@casl/ability';
import { accessibleBy } from '../../auth/casl.js';
import { assertCan } from '../../auth/guard.js';
import { notFound } from '../../errors.js';
import type { ServiceContext } from '../../service.js';
import { findCase } from '../cases/access.js';
import { receiverSelect, receiverView, senderSelect, senderView } from './fields.js';

/** The directory an onward referral may go to: the municipality's active agencies (never a police liaison: see send.ts). */
const directory = (ctx: ServiceContext) =>
  ctx.db.agency.findMany({
    where: { municipalityId: ctx.user.municipalityId, active: true, kind: { not: 'police_liaison' } },
    select: { id: true, name: true, kind: true },
    orderBy: { name: 'asc' },
  });

/**
 * Key worker or coordinator: the case's onward referrals, oldest first, each with every step (sent,
 * answered, outcome) and the one it re-sends; and what the sender may choose from.
 */
export async function caseOnward(ctx: ServiceContext, caseId: string) {
  const c = await findCase(ctx, caseId, 'refer', { id: true, municipalityId: true, keyWorkerId: true, stage: true });
  const rows = await ctx.db.onwardReferral.findMany({
    where: { AND: [accessibleBy(ctx.ability).ofType('OnwardReferral'), { caseId: c.id, municipalityId: c.municipalityId }] },
    select: senderSelect,
    orderBy: [{ sentAt: 'asc' }, { id: 'asc' }],
  });
  ctx.audit.detail({ count: rows.length });
  // Only the one who manages the case team may propose a disclosure; then, the purposes it may name.
  const mayDisclose = ctx.ability.can('manage:team', subject('Case', { ...c }) as never);
  const purposes = mayDisclose
    ? await ctx.db.disclosurePurpose.findMany({
        where: { municipalityId: c.municipalityId, retiredAt: null },
        select: { id: true, code: true, labelAr: true, labelFr: true, labelEn: true },
        orderBy: [{ code: 'asc' }, { labelEn: 'asc' }],
      })
    : [];
  return {
    items: await Promise.all(rows.map((r) => senderView(ctx, r))),
    agencies: await directory(ctx),
    mayDisclose,
    purposes,
    open: c.stage !== 'closed' && c.stage !== 'follow_up',
  };
}

/** Coordinator: the onward referrals a screened referral was signposted with (re-sent ones included). */
export async function referralOnward(ctx: ServiceContext, referralId: string) {
  assertCan(ctx.ability, 'screen', 'Referral');
  const referral = await ctx.db.referral.findFirst({
    where: { AND: [accessibleBy(ctx.ability, 'screen').ofType('Referral'), { id: referralId }] },
    select: { id: true, municipalityId: true },
  });
  if (!referral) throw notFound('Referral', referralId);
  const rows = await ctx.db.onwardReferral.findMany({
    where: {
      AND: [accessibleBy(ctx.ability).ofType('OnwardReferral'), { referralId: referral.id, municipalityId: referral.municipalityId }],
    },
    select: senderSelect,
    orderBy: [{ sentAt: 'asc' }, { id: 'asc' }],
  });
  ctx.audit.detail({ count: rows.length });
  return { items: await Promise.all(rows.map((r) => senderView(ctx, r))), agencies: await directory(ctx) };
}

/** More than an agency answers in a day: the inbox is a to-do list. */
const INBOX_LIMIT = 200;

/**
 * A practitioner's "referrals to answer": those sent to their agency and still waiting for an answer
 * (oldest first) and those accepted without an outcome yet; with `answered`, the ones already closed
 * (declined or completed), newest first. Audited with the people whose names they were shown.
 */
export async function onwardInbox(ctx: ServiceContext, input: { answered: boolean }) {
  assertCan(ctx.ability, 'answer', 'OnwardReferral');
  const rows = await ctx.db.onwardReferral.findMany({
    where: {
      AND: [
        accessibleBy(ctx.ability, 'answer').ofType('OnwardReferral'),
        { municipalityId: ctx.user.municipalityId, status: { in: input.answered ? ['declined', 'completed'] : ['sent', 'accepted'] } },
        // Once retention took its record, nothing is left to answer or read.
        { OR: [{ caseId: null }, { case: { is: { anonymisedAt: null } } }] },
        { OR: [{ referralId: null }, { referral: { is: { anonymisedAt: null } } }] },
      ],
    },
    select: receiverSelect,
    orderBy: input.answered ? [{ answeredAt: 'desc' }, { id: 'desc' }] : [{ status: 'asc' }, { sentAt: 'asc' }, { id: 'asc' }],
    take: INBOX_LIMIT,
  });
  const items = await Promise.all(rows.map((r) => receiverView(ctx, r)));
  ctx.audit.detail({ count: items.length, answered: input.answered });
  ctx.audit.touched(
    'Person',
    items.flatMap((i) => (i.person.id ? [i.person.id] : [])),
  );
  return { items };
}
