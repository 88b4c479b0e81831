import type { RuleBuilder } from '../../auth/rules.js';
import type { SessionUser } from '../../auth/session.js';
import type { CaseSection } from '../../generated/prisma/enums.js';
import { liveDisclosureTo } from '../cases/policy.js';

/** An invitation that reaches this user: to them by name, or to their (active) agency. */
export function invitationOf(user: SessionUser) {
  return {
    OR: [{ userId: user.id }, ...(user.agencyId ? [{ agencyId: user.agencyId, agency: { is: { active: true } } }] : [])],
  };
}

/**
 * Panel meetings (DESIGN.md: "schedule a panel meeting, record decisions: C"; "see a meeting's agenda
 * item: C all; SW invited + team; AP invited + disclosed"). The coordinator runs every meeting of the
 * municipality. Anyone else reads the meetings they (or their agency) are invited to, and of their
 * agenda only the items whose case they may see right now: a social worker as key worker or through a
 * live disclosure, a practitioner through a live disclosure to their agency or to them. These are
 * query conditions, so `accessibleBy` filters the agenda in the database and hidden items are never
 * loaded, counted or hinted at.
 */
export function defineMeetingRules(user: SessionUser, { can }: RuleBuilder, now: Date) {
  const own = { municipalityId: user.municipalityId };
  if (user.role === 'coordinator') {
    can(['read', 'create', 'update'], 'PanelMeeting', own);
    can(['read', 'decide'], 'MeetingAgendaItem', own);
    return;
  }
  if (user.role !== 'social_worker' && user.role !== 'agency_practitioner') return;

  const invited = { ...own, invitees: { some: invitationOf(user) } };
  can('read', 'PanelMeeting', invited);
  const disclosed = { ...own, disclosures: { some: liveDisclosureTo(user, now) } };
  const caseRules = user.role === 'social_worker' ? [{ ...own, keyWorkerId: user.id }, disclosed] : [disclosed];
  for (const c of caseRules) can('read', 'MeetingAgendaItem', { ...own, meeting: { is: invited }, case: { is: c } });
}

/**
 * What of the panel's record about a case a reader may know, by the case sections they may read
 * (DESIGN: "decisions become plan actions"; minutes and dissent are minuted free text about the case,
 * which this app shows with the summary, as it does the reasons and purposes on a case's timeline):
 * - the decision and whether it was by consensus: readers of the plan;
 * - the dissent (who disagreed with that decision, and why): readers of the plan and the summary;
 * - minutes about the agenda item: readers of the summary.
 * Minutes about the meeting as a whole go to everyone who may read the meeting.
 */
export const PANEL_RECORD_SECTIONS = {
  decision: ['plan'],
  dissent: ['plan', 'summary'],
  minutes: ['summary'],
} as const satisfies Record<string, readonly CaseSection[]>;

/** True when a reader of these sections of a case may know this part of the panel's record about it. */
export const mayKnowPanel = (sections: readonly string[], part: keyof typeof PANEL_RECORD_SECTIONS) =>
  PANEL_RECORD_SECTIONS[part].every((s) => sections.includes(s));
