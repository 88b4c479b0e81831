import { accessibleBy } from '../../auth/casl.js';
import type { ServiceContext } from '../../service.js';
import { openText, openWords } from '../../crypto/envelope.js';
import { CLOSE_REASON_FIELD } from './workflow.js';
import { REVOKE_REASON_FIELD } from './team.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { findCase, ruleSelect, visibleSections } from './access.js';
import { notesPage } from './notes.js';
import { mayAddIntervention, planChoices, planOf } from './interventions.js';
import { timelineOf } from './timeline.js';
import { myLiveGrant } from './break-glass.js';
import { pendingClosure } from '../meetings/closure.js';
import { readPurposeWords } from './purpose-bans.js';

/** The field name bound into a summary's ciphertext. */
export const SUMMARY_FIELD = 'case.summary';
/** How many notes the case page carries; `cases.notes` pages further. */
const NOTES_ON_PAGE = 50;

const caseSelect = {
  ...ruleSelect,
  reference: true,
  stage: true,
  cohort: true,
  cohortItemId: true,
  summary: true,
  version: true,
  openedAt: true,
  closedAt: true,
  closeReason: true,
  closureReason: true,
  closureItemId: true,
  nextReviewAt: true,
  followUpAt: true,
  consentWithdrawnAt: true,
  // Retention: an anonymised case shows when and under which rule (modules/retention).
  anonymisedAt: true,
  anonymisedRule: true,
  // The consent in force that ends last: the header says until when (consent/fields.ts liveConsent).
  consents: { where: { withdrawnAt: null, renewedAt: null }, select: { expiresAt: true, givenAt: true }, orderBy: { expiresAt: 'desc' } },
  person: { select: { id: true, nameArabic: true, nameLatin: true, birthYear: true, version: true } },
  keyWorker: { select: { id: true, displayName: true } },
  leadAgency: { select: { id: true, name: true } },
  referral: { select: { id: true, consentGiven: true, consentBy: true, consentAt: true, legalBasis: true } },
} satisfies Prisma.CaseSelect;

const teamSelect = {
  id: true,
  purpose: true,
  listedPurpose: { select: { id: true, code: true, labelAr: true, labelFr: true, labelEn: true } },
  sections: true,
  legalBasis: true,
  expiresAt: true,
  createdAt: true,
  revokedAt: true,
  revokeReason: true,
  agency: { select: { id: true, name: true } },
  user: { select: { id: true, displayName: true } },
} satisfies Prisma.DisclosureSelect;

/**
 * One case: its header, and only the sections the user may read (listed in `sections` for the UI).
 * A case out of reach is NOT_FOUND. Audited as case.read with the sections shown.
 */
export async function getCase(ctx: ServiceContext, id: string) {
  const c = await findCase(ctx, id, 'read', caseSelect);
  const sections = visibleSections(ctx, c);
  const can = (s: (typeof sections)[number]) => sections.includes(s);
  const now = ctx.clock();

  const header = {
    id: c.id,
    reference: c.reference,
    stage: c.stage,
    keyWorker: c.keyWorker,
    leadAgency: c.leadAgency,
    openedAt: c.openedAt,
    closedAt: c.closedAt,
    closureReason: c.closureReason,
    closureItemId: c.closureItemId,
    nextReviewAt: c.nextReviewAt,
    followUpAt: c.followUpAt,
    anonymised: c.anonymisedAt ? { at: c.anonymisedAt, rule: c.anonymisedRule } : null,
    consent: {
      given: c.referral?.consentGiven ?? null,
      by: c.referral?.consentBy ?? null,
      at: c.referral?.consentAt ?? null,
      referralLegalBasis: c.referral?.legalBasis ?? null,
      withdrawnAt: c.consentWithdrawnAt,
      liveUntil: c.consents.find((k) => k.givenAt <= now && k.expiresAt > now)?.expiresAt ?? null,
    },
  };
  const summary = can('summary')
    ? {
        person: c.person,
        cohort: c.cohort,
        cohortItemId: c.cohortItemId,
        text: await openText(ctx, SUMMARY_FIELD, c.id, c.summary),
        version: c.version,
        closeReason: await openWords(ctx, CLOSE_REASON_FIELD, c.id, c.closeReason),
      }
    : null;
  const notes = can('notes') ? await notesPage(ctx, id, undefined, NOTES_ON_PAGE) : null;
  const team = can('team')
    ? await Promise.all(
        (
          await ctx.db.disclosure.findMany({
            where: { AND: [accessibleBy(ctx.ability).ofType('Disclosure'), { caseId: id }] },
            select: teamSelect,
            orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          })
        ).map(async (d) => ({
          ...d,
          purpose: await readPurposeWords(ctx, d.id, d.purpose),
          revokeReason: await openWords(ctx, REVOKE_REASON_FIELD, d.id, d.revokeReason),
          status: d.revokedAt ? ('revoked' as const) : d.expiresAt <= now ? ('expired' as const) : ('live' as const),
        })),
      )
    : null;
  const plan = can('plan') ? await planOf(ctx, id) : null;
  // The pickers for a new intervention, only to those who may add one.
  const planAdd = can('plan') && mayAddIntervention(ctx, c) ? await planChoices(ctx) : null;
  const timeline = await timelineOf(ctx, id, { sections, ownsPlan: mayAddIntervention(ctx, c) });

  // A panel's decision to close, waiting for this coordinator: the page puts the close form in front of them.
  const panelClosure = c.closedAt ? null : await pendingClosure(ctx, id);

  ctx.audit.detail({ sections });
  // What the page showed of other records: the person (with the summary) and the referral's consent.
  ctx.audit.touched('Person', summary ? [c.person.id] : []).touched('Referral', c.referral ? [c.referral.id] : []);
  // The viewer's own emergency access to this case, if live: the page says so while it lasts.
  return { ...header, sections, summary, notes, team, plan, planAdd, timeline, panelClosure, emergency: myLiveGrant(ctx, c) };
}
