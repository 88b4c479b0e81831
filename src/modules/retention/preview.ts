import { assertCan } from '../../auth/guard.js';
import type { ServiceContext } from '../../service.js';
import { dueRecords, type DueRecord } from './due.js';
import { rulesOf } from './rules.js';

/** How far ahead the preview looks. */
export const PREVIEW_DAYS = 30;
/** At most this many records per rule on the page (the count says how many more). */
const PREVIEW_LIMIT = 300;

/**
 * Coordinator: what the retention job will anonymise in the next 30 days (and what is already due),
 * by rule: the record's reference, its due date, and whether a legal hold or a subject-access request
 * being prepared stops it. No names: the
 * reference opens the case for whoever may open it. Audited with the records shown.
 */
export async function previewRetention(ctx: ServiceContext) {
  assertCan(ctx.ability, 'preview', 'Municipality');
  const now = ctx.clock();
  const horizon = new Date(now.getTime() + PREVIEW_DAYS * 86_400_000);
  const rules = await rulesOf(ctx.db, ctx.user.municipalityId);
  const items: DueRecord[] = [];
  for (const rule of rules)
    items.push(
      ...(await dueRecords(ctx.db, rule.recordType, {
        municipalityId: ctx.user.municipalityId,
        months: rule.months,
        horizon,
        now,
        limit: PREVIEW_LIMIT,
      })),
    );
  items.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.id.localeCompare(b.id));
  ctx.audit
    .subject('Municipality', ctx.user.municipalityId)
    .detail({ shown: items.length })
    .touched(
      'Case',
      items.filter((i) => i.kind === 'Case').map((i) => i.id),
    )
    .touched(
      'Referral',
      items.filter((i) => i.kind === 'Referral').map((i) => i.id),
    );
  return {
    now,
    horizon,
    rules: rules.map((r) => ({ recordType: r.recordType, months: r.months, legalReference: r.legalReference })),
    items: items.map(({ personId: _p, referralId: _r, ...i }) => ({ ...i, overdue: i.dueAt <= now })),
  };
}
