import type { z } from 'zod';
import type {
  CaseClosureReason,
  CaseSection,
  Cohort,
  InterventionType,
  Relationship,
  ReferralSource,
  Urgency,
} from '../shared/vocabulary.js';
import { mayBeMinor } from '../modules/referrals/consent.js';
import type { CreateReferralInput, ScreenReferralInput } from '../modules/referrals/schema.js';
import type { DemoStory, Work } from './demo-story.js';
import { seedAssessments } from './demo-assessments.js';
import { HEALTH_CENTRE, SCHOOL, YOUTH_CENTRE } from './demo-town.js';

/**
 * One referral and what became of it, in days before today, in the order it happened: logged; screened
 * (accepted, so a case opens, unless signposted or closed); the key worker's moves along the stages;
 * the coordinator's household links, disclosure, assessments, closure; the key worker's plan, review
 * and follow-up check. The people are synthetic: invented combinations, in the scripts a register holds.
 */
interface File {
  person: { ar?: string; latin?: string; year: number; cohort: Cohort };
  submitted: number;
  screened?: [day: number, decision?: 'signpost' | 'close'];
  moves?: Partial<Record<(typeof MOVES)[number][0], number>>;
  household?: [day: number, members: [file: number, relationship: Relationship][]];
  disclosed?: number;
  plan?: [day: number, type: InterventionType, title: string, agency: string];
  assessed?: number[];
  reviewed?: number;
  closed?: [day: number, reason: Exclude<CaseClosureReason, 'transferred'>, followUpMonths?: number];
  followedUp?: number;
}

const FILES: File[] = [
  { person: { ar: 'يوسف بن سالم', latin: 'Youssef Ben Salem', year: 2009, cohort: 'youth' }, submitted: 10 },
  { person: { ar: 'محمد الأمين الورداني', year: 2008, cohort: 'youth' }, submitted: 2 },
  { person: { latin: 'Fatma Zahra Nouri', year: 2010, cohort: 'youth' }, submitted: 6, screened: [5] },
  {
    person: { ar: 'عبد الرحمن القاسمي', latin: 'Abderrahmane Kasmi', year: 1994, cohort: 'returnee' },
    submitted: 30,
    screened: [29],
    moves: { assessment: 26 },
    household: [
      28,
      [
        [4, 'spouse'],
        [5, 'child'],
      ],
    ],
    disclosed: 24,
  },
  {
    person: { ar: 'سلمى القاسمي', year: 1996, cohort: 'returnee_family' },
    submitted: 38,
    screened: [37],
    moves: { assessment: 34, planning: 26 },
  },
  {
    person: { ar: 'آدم القاسمي', year: 2017, cohort: 'returnee_family' },
    submitted: 40,
    screened: [39],
    moves: { assessment: 36, planning: 31, intervention: 25 },
    disclosed: 24,
    assessed: [12],
  },
  {
    person: { latin: 'Karim Haddad', year: 2006, cohort: 'migrant' },
    submitted: 45,
    screened: [44],
    moves: { assessment: 42, planning: 37, intervention: 32, review: 9 },
    assessed: [40, 4],
    reviewed: 4,
  },
  {
    person: { ar: 'ليلى المنصوري', latin: 'Leila Mansouri', year: 2011, cohort: 'youth' },
    submitted: 42,
    screened: [41],
    moves: { assessment: 38 },
    disclosed: 35,
    closed: [9, 'risk_reduced'],
  },
  {
    person: { ar: 'حمزة بلقاسم', year: 2007, cohort: 'youth' },
    submitted: 55,
    screened: [54],
    moves: { assessment: 51, planning: 47, intervention: 43 },
    closed: [33, 'risk_removed', 1],
    followedUp: 2,
  },
  { person: { latin: 'Omar Farouk Tahiri', year: 2002, cohort: 'migrant' }, submitted: 20, screened: [19, 'signpost'] },
  {
    person: { ar: 'نور الهدى السعدي', year: 2009, cohort: 'youth' },
    submitted: 28,
    screened: [27],
    moves: { assessment: 24, planning: 20, intervention: 16 },
    plan: [16, 'education', 'Catch-up classes after school', SCHOOL],
    assessed: [8],
  },
  { person: { latin: 'Samir Belhaj', year: 1999, cohort: 'other' }, submitted: 14, screened: [13, 'close'] },
];

const CONCERNS = [
  'Teacher reports the student shares violent videos in class chat and talks about "punishing" classmates.',
  'تلاحظ الأسرة عزلة متزايدة وقضاء ساعات طويلة في منتديات مغلقة على الإنترنت.',
  'Returned with family after years abroad; needs housing, schooling for the child and psychosocial support.',
  "L'éducateur signale des propos hostiles envers un groupe de voisins et une fascination pour des groupes armés.",
];
const SOURCES: ReferralSource[] = ['school', 'family', 'social_services', 'community', 'health', 'police'];
const URGENCIES: Urgency[] = ['routine', 'priority', 'routine', 'immediate_danger'];

const MOVES = [
  ['assessment', 'First meetings held; the assessment starts.'],
  ['planning', 'Assessment done; planning with the family.'],
  ['intervention', 'Plan agreed with the family; support under way.'],
  ['review', 'Plan period over; reviewing progress with the partners.'],
] as const;

const SCREENINGS = {
  accept: (id: string) => ({ id, decision: 'accept' }),
  // An onward referral to the demo health centre (an agency of the directory), which answers it.
  signpost: (id: string, agencyId: string) => ({
    id,
    decision: 'signpost',
    agencyId,
    summary: 'Looking for work and support; no sign of risk. Please contact him about your programmes.',
    shareName: true,
    reason: 'Needs employment support only',
  }),
  close: (id: string) => ({ id, decision: 'close', closeReason: 'mistaken', reason: 'Duplicate of an earlier referral' }),
} satisfies Record<string, (id: string, agencyId: string) => z.input<typeof ScreenReferralInput>>;

/** Every fourth referral goes on without consent: immediate risk, consent sought in parallel. */
const withoutConsent = (i: number) => i % 4 === 3;

/** A new person's referral, as the form sends it, logged at `at`. */
function referralInput({ person }: File, i: number, at: Date): z.input<typeof CreateReferralInput> {
  const justification = 'Immediate risk to others described by the school; consent sought in parallel.';
  const by = mayBeMinor({ birthYear: person.year }, at) ? 'guardian' : 'person';
  return {
    newPerson: { nameArabic: person.ar, nameLatin: person.latin, birthYear: person.year, cohort: person.cohort, languages: ['ar'] },
    cohort: person.cohort,
    source: SOURCES[i % SOURCES.length]!,
    concernCategories: (['isolation', 'online_radicalisation'] as const).slice(0, 1 + (i % 2)),
    concernText: CONCERNS[i % CONCERNS.length]!,
    urgency: URGENCIES[i % URGENCIES.length]!,
    consent: withoutConsent(i)
      ? { given: false, legalBasis: 'vital_interest', justification }
      : { given: true, by, at, scope: 'Support from the local prevention network' },
  };
}

/**
 * Referrals in every status and cases in every stage, each step taken by the demo user whose work it
 * is: referrers log, the coordinator screens, assigns, discloses, assesses and closes, the key worker
 * (the demo social worker) writes and moves the case. Ids: "referral N", "person N", "case N".
 */
export function seedCases(story: DemoStory) {
  for (const [i, file] of FILES.entries()) {
    const submitted = story.day(file.submitted, 10);
    story.at(submitted, i % 3 === 0 ? 'agency_practitioner' : 'social_worker', async (referrer) => {
      const referral = await referrer.referrals.create(referralInput(file, i, submitted));
      story.ids.put(`referral ${i}`, referral.id);
      story.ids.put(`person ${i}`, referral.personId);
    });
    if (file.household) {
      const [day, members] = file.household;
      story.at(story.day(day, 10), 'coordinator', async (coordinator) => {
        const personId = story.ids.of(`person ${i}`);
        for (const [m, relationship] of members) {
          await coordinator.people.linkHousehold({ personId, memberId: story.ids.of(`person ${m}`), relationship });
        }
      });
    }
    if (!file.screened) continue;
    const [day, decision = 'accept'] = file.screened;
    story.at(story.day(day, 9), 'coordinator', async (coordinator) => {
      const screened = await coordinator.referrals.screen(SCREENINGS[decision](story.ids.of(`referral ${i}`), story.ids.of(HEALTH_CENTRE)));
      if (screened.case) story.ids.put(`case ${i}`, screened.case.id);
    });
    if (decision === 'accept') seedCase(story, file, i, day);
  }
}

/** Words the key worker and the coordinator write, the same on every demo case. */
const WORDS = {
  note: 'Home visit done; the family is willing to work with the youth centre.',
  purpose: 'Mentoring and youth activities',
  /** The core code of the listed purpose the demo disclosures are made for (modules/purposes). */
  purposeCode: 'support_services',
  review: 'Reviewed with the family after the second assessment.',
  followUp: 'Follow-up check: settled at school, no new concern.',
};

/** The way of case N after it opened `opened` days ago, each step by the user whose work it is. */
function seedCase(story: DemoStory, file: File, i: number, opened: number) {
  const { ids } = story;
  const id = () => ids.of(`case ${i}`);
  const coordinator = (when: Date, work: Work) => story.at(when, 'coordinator', work);
  const keyWorker = (when: Date, work: Work) => story.at(when, 'social_worker', work);
  const team = () => ({ keyWorkerId: ids.of('social_worker'), leadAgencyId: ids.of(i % 2 ? YOUTH_CENTRE : SCHOOL) });

  coordinator(story.day(opened, 9, 30), (c) => c.cases.assign({ id: id(), ...team() }));
  keyWorker(story.day(opened, 15), (c) =>
    c.cases.updateSummary({ id: id(), version: 1, summary: `Demo summary: ${CONCERNS[i % CONCERNS.length]}` }),
  );
  keyWorker(story.day(opened - 1, 16), (c) => c.cases.addNote({ caseId: id(), body: WORDS.note }));
  for (const [stage, reason] of MOVES) {
    const day = file.moves?.[stage];
    if (day !== undefined) keyWorker(story.day(day, 11), (c) => c.cases.changeStage({ id: id(), stage, reason }));
  }
  if (file.disclosed !== undefined) {
    const sections: CaseSection[] = ['summary', 'plan'];
    coordinator(story.day(file.disclosed, 10, 30), async (c) => {
      const listed = (await c.purposes.list({})).find((p) => p.code === WORDS.purposeCode);
      if (!listed) throw new Error(`demo seed: no ${WORDS.purposeCode} purpose on the list`);
      const grant = { purposeId: listed.id, purposeWords: WORDS.purpose, sections, expiresAt: story.ahead(30) };
      if (withoutConsent(i)) return c.cases.disclose({ caseId: id(), agencyId: ids.of(YOUTH_CENTRE), legalBasis: 'public_task', ...grant });
      // On consent: the live consent the case opened with, for support services.
      const live = (await c.consent.list({ caseId: id() })).items.find((k) => k.status === 'live');
      if (!live) throw new Error(`demo seed: case ${i} has no live consent to disclose on`);
      const basis = { legalBasis: 'consent', consentId: live.id, consentPurpose: 'support_services' } as const;
      return c.cases.disclose({ caseId: id(), agencyId: ids.of(YOUTH_CENTRE), ...basis, ...grant });
    });
  }
  if (file.plan) {
    const [day, type, title, agency] = file.plan;
    const assigned = () => ({ agencyId: ids.of(agency), assigneeId: ids.of('social_worker') });
    keyWorker(story.day(day, 12), (c) => c.cases.addIntervention({ caseId: id(), type, title, ...assigned() }));
  }
  if (file.assessed) seedAssessments(story, id, file.assessed);
  if (file.reviewed !== undefined) {
    keyWorker(story.day(file.reviewed, 15), (c) => c.cases.recordReview({ caseId: id(), note: WORDS.review }));
  }
  if (file.closed) {
    const [day, closureReason, followUpMonths] = file.closed;
    coordinator(story.day(day, 12), (c) => c.cases.close({ id: id(), closureReason, confirm: true, followUpMonths }));
  }
  if (file.followedUp !== undefined) {
    keyWorker(story.day(file.followedUp, 11), (c) => c.cases.changeStage({ id: id(), stage: 'follow_up', reason: WORDS.followUp }));
  }
}
