import type { RuleBuilder } from '../../auth/rules.js';
import type { SessionUser } from '../../auth/session.js';
import { CASE_SECTIONS, type CaseSection } from '../../shared/vocabulary.js';

/** A live break-glass of this user: theirs, not yet expired nor ended (including `section`, when given). `now` is the request's. */
export function liveBreakGlassOf(user: SessionUser, now: Date, section?: CaseSection) {
  return { userId: user.id, expiresAt: { gt: now }, endedAt: null, ...(section ? { sections: { has: section } } : {}) };
}

/**
 * Break-glass (DESIGN: "break-glass into a case: SW ✓ | C n/a (sees all) | AP, AU, AD –"). A social
 * worker may ask for emergency access to any case of their municipality; while their grant is live it
 * reaches exactly the sections it names, as a live disclosure to them would: the case, those sections,
 * the standard notes (notes), the plan's interventions (plan), the assessments (assessments), the
 * person (summary). Never restricted notes, the case team or panel items: those stay with the
 * coordinator and the key worker. Query conditions like the disclosures', so an expired grant stops
 * reaching the case at its minute without anyone revoking it, and tenancy stays in every rule.
 */
export function defineBreakGlassRules(user: SessionUser, { can }: RuleBuilder, now: Date) {
  defineJustificationRules(user, can);
  if (user.role !== 'social_worker') return;
  const own = { municipalityId: user.municipalityId };
  const glass = (section?: CaseSection) => ({ ...own, breakGlasses: { some: liveBreakGlassOf(user, now, section) } });

  // Never into a case that moved to another city (closed as `transferred`): it lives there now (transfers/leave.ts).
  can('breakGlass', 'Case', { ...own, OR: [{ closureReason: null }, { closureReason: { not: 'transferred' } }] });
  can('read', 'BreakGlass', { ...own, userId: user.id });
  // Ending one's own access early (never another's, never extending it: see break-glass-end.ts).
  can('update', 'BreakGlass', { ...own, userId: user.id });
  can('read', 'Case', glass());
  for (const s of CASE_SECTIONS) can(`read:${s}`, 'Case', glass(s));
  can('write:notes', 'Case', glass('notes'));
  can('read', 'CaseNote', { ...own, sensitivity: 'standard', case: { is: glass('notes') } });
  can('read', 'Intervention', { ...own, case: { is: glass('plan') } });
  can('read', 'Assessment', { ...own, case: { is: glass('assessments') } });
  can('read', 'Person', { ...own, cases: { some: glass('summary') } });
}

/**
 * Who may read a break-glass's written justification: the municipality's auditors (on the flag they
 * review), its coordinators and the case's key worker (on the case's timeline: they answer for the
 * case) and the social worker who wrote it. Nobody else: not an admin, not another social worker or
 * an agency practitioner on the case's team, never another municipality.
 */
function defineJustificationRules(user: SessionUser, can: RuleBuilder['can']) {
  const own = { municipalityId: user.municipalityId };
  if (user.role === 'auditor' || user.role === 'coordinator') can('readJustification', 'BreakGlass', own);
  if (user.role === 'social_worker') {
    can('readJustification', 'BreakGlass', { ...own, userId: user.id });
    can('readJustification', 'BreakGlass', { ...own, case: { is: { ...own, keyWorkerId: user.id } } });
  }
}
