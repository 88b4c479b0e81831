import type { Tx } from '../db.js';
import type { AuditTrail } from '../audit/writer.js';
import type { Keyring } from '../crypto/keyring.js';
import { nameKeys } from '../modules/people/names.js';
import { openCase } from '../modules/cases/open.js';
import { seedAssessments } from './demo-assessments.js';
import type { CaseStage, Cohort, ReferralSource, Urgency } from '../generated/prisma/enums.js';

/** Synthetic people: invented combinations, in the scripts a register would hold them. */
const PEOPLE: { ar?: string; latin?: string; year: number; cohort: Cohort }[] = [
  { ar: 'يوسف بن سالم', latin: 'Youssef Ben Salem', year: 2009, cohort: 'youth' },
  { ar: 'محمد الأمين الورداني', year: 2008, cohort: 'youth' },
  { latin: 'Fatma Zahra Nouri', year: 2010, cohort: 'youth' },
  { ar: 'عبد الرحمن القاسمي', latin: 'Abderrahmane Kasmi', year: 1994, cohort: 'returnee' },
  { ar: 'سلمى القاسمي', year: 1996, cohort: 'returnee_family' },
  { ar: 'آدم القاسمي', year: 2017, cohort: 'returnee_family' },
  { latin: 'Karim Haddad', year: 2006, cohort: 'migrant' },
  { ar: 'ليلى المنصوري', latin: 'Leila Mansouri', year: 2011, cohort: 'youth' },
  { ar: 'حمزة بلقاسم', year: 2007, cohort: 'youth' },
  { latin: 'Omar Farouk Tahiri', year: 2002, cohort: 'migrant' },
  { ar: 'نور الهدى السعدي', year: 2009, cohort: 'youth' },
  { latin: 'Samir Belhaj', year: 1999, cohort: 'other' },
];

const CONCERNS = [
  'Teacher reports the student shares violent videos in class chat and talks about "punishing" classmates.',
  'تلاحظ الأسرة عزلة متزايدة وقضاء ساعات طويلة في منتديات مغلقة على الإنترنت.',
  'Returned with family after years abroad; needs housing, schooling for the child and psychosocial support.',
  "L'éducateur signale des propos hostiles envers un groupe de voisins et une fascination pour des groupes armés.",
];

/** Referrals in every status and cases in every stage, for the demo municipality. */
export async function seedCases(
  tx: Tx,
  audit: AuditTrail,
  keyring: Keyring,
  town: { id: string },
  staff: { coordinator: string; socialWorker: string; practitioner: string; youthCentre: string; school: string },
  now: Date,
) {
  const day = 86_400_000;
  const people = [];
  for (const p of PEOPLE) {
    const keys = nameKeys(p.latin ?? p.ar!);
    people.push(
      await tx.person.create({
        data: {
          municipalityId: town.id, nameArabic: p.ar ?? null, nameLatin: p.latin ?? null, latinKey: keys.latinKey,
          skeleton: p.ar ? nameKeys(p.ar).skeleton : keys.skeleton, birthYear: p.year, cohort: p.cohort, languages: ['ar'],
        },
        select: { id: true, cohort: true },
      }),
    );
  }
  const household = await tx.household.create({ data: { municipalityId: town.id, label: 'Demo household' }, select: { id: true } });
  for (const [i, relationship] of [[3, 'other'], [4, 'spouse'], [5, 'child']] as const) {
    await tx.householdMember.create({ data: { householdId: household.id, personId: people[i]!.id, relationship } });
  }

  const stages: (CaseStage | null)[] = [null, null, 'intake', 'assessment', 'planning', 'intervention', 'review', 'closed', 'follow_up', null, 'intervention', null];
  const sources: ReferralSource[] = ['school', 'family', 'social_services', 'community', 'health', 'police'];
  const urgencies: Urgency[] = ['routine', 'priority', 'routine', 'immediate_danger'];
  for (const [i, person] of people.entries()) {
    const submittedAt = new Date(now.getTime() - (12 - i) * 2 * day);
    const stage = stages[i];
    const status = stage ? 'accepted' : i === 9 ? 'signposted' : i === 11 ? 'closed' : 'submitted';
    const referral = await tx.referral.create({
      data: {
        municipalityId: town.id, personId: person.id, referrerId: i % 3 === 0 ? staff.practitioner : staff.socialWorker,
        referrerAgencyId: i % 3 === 0 ? staff.youthCentre : null, cohort: person.cohort, source: sources[i % sources.length]!,
        concernCategories: ['isolation', 'online_radicalisation'].slice(0, 1 + (i % 2)),
        concernText: keyring.encrypt(CONCERNS[i % CONCERNS.length]!, 'referral.concern'), urgency: urgencies[i % urgencies.length]!,
        consentGiven: i % 4 !== 3, consentBy: i % 4 === 3 ? null : person.cohort === 'youth' ? 'guardian' : 'person',
        consentAt: i % 4 === 3 ? null : submittedAt, legalBasis: i % 4 === 3 ? 'vital_interest' : null,
        legalJustification: i % 4 === 3 ? 'Immediate risk to others described by the school; consent sought in parallel.' : null,
        status, submittedAt, decidedAt: status === 'submitted' ? null : new Date(submittedAt.getTime() + day), decidedById: status === 'submitted' ? null : staff.coordinator,
        signpostTo: status === 'signposted' ? 'Municipal employment office' : null,
        decisionReason: status === 'signposted' ? 'Needs employment support only' : status === 'closed' ? 'Duplicate of an earlier referral' : null,
        closeReason: status === 'closed' ? 'mistaken' : null,
      },
      select: { id: true },
    });
    audit.record({ action: 'referral.create', municipalityId: town.id, entityType: 'Referral', entityId: referral.id, detail: { via: 'seed' } });
    if (!stage) continue;
    const opened = await openCase(tx, audit, { municipalityId: town.id, personId: person.id, referralId: referral.id, cohort: person.cohort, actorId: staff.coordinator, at: new Date(submittedAt.getTime() + day) });
    await tx.case.update({
      where: { id: opened.id },
      data: {
        stage, keyWorkerId: staff.socialWorker, leadAgencyId: i % 2 ? staff.youthCentre : staff.school,
        summary: keyring.encrypt(`Demo summary: ${CONCERNS[i % CONCERNS.length]}`, 'case.summary'),
        closedAt: stage === 'closed' || stage === 'follow_up' ? new Date(now.getTime() - day) : null,
      },
    });
    await tx.caseNote.create({
      data: { caseId: opened.id, municipalityId: town.id, authorId: staff.socialWorker, createdAt: new Date(submittedAt.getTime() + 2 * day), body: keyring.encrypt('Home visit done; the family is willing to work with the youth centre.', 'case.note') },
    });
    if (stage === 'review' || stage === 'intervention') await seedAssessments(tx, audit, keyring, { id: opened.id, municipalityId: town.id }, staff.coordinator, now, stage === 'review' ? 2 : 1);
    if (i % 2) {
      await tx.disclosure.create({
        data: {
          caseId: opened.id, municipalityId: town.id, agencyId: staff.youthCentre, purpose: 'Mentoring and youth activities', sections: ['summary', 'plan'],
          legalBasis: 'consent', expiresAt: new Date(now.getTime() + 30 * day), createdAt: now, createdById: staff.coordinator,
        },
      });
    }
  }
}
