import type { Tx } from '../db.js';
import type { AuditTrail } from '../audit/writer.js';
import type { Keyring } from '../crypto/keyring.js';
import type { FactorDomain, FactorRating } from '../generated/prisma/enums.js';
import { COMMENT_FIELD, JUDGEMENT_FIELD } from '../modules/assessments/service.js';
import type { TimelineKind } from '../modules/cases/timeline-policy.js';

/** Synthetic assessments, oldest first: a worrying start, then a calmer picture with gaps named. */
const ROUNDS: { daysAgo: number; judgement: string; rate: (domain: FactorDomain, i: number) => FactorRating; comment?: [code: string, text: string] }[] = [
  {
    daysAgo: 20,
    judgement: 'Strong sense of grievance and time spent in closed online groups; no sign of means or plans. Protective ties are weak but the family is willing to engage.',
    rate: (d, i) => (d === 'protective' ? (i % 2 ? 'absent' : 'present') : d === 'capability' ? (i === 0 ? 'unknown' : 'low') : i % 2 ? 'high' : 'moderate'),
    comment: ['eng_contacts', 'Shares videos from a closed channel; the school has seen them.'],
  },
  {
    daysAgo: 3,
    judgement: 'Attends the youth centre twice a week and talks openly with the mentor. Grievance persists; online contacts not yet discussed, so marked unknown.',
    rate: (d, i) => (d === 'protective' ? (i === 3 ? 'unknown' : 'present') : d === 'engagement' && i === 2 ? 'unknown' : d === 'engagement' && i === 0 ? 'moderate' : 'low'),
    comment: ['pro_family', 'An older cousin has become a steady contact.'],
  },
];

/**
 * Assessments on one demo case by the demo coordinator (a trained assessor), rated against the
 * municipality's default factors, encrypted as assessments.create stores them, on the timeline and audited.
 */
export async function seedAssessments(tx: Tx, audit: AuditTrail, keyring: Keyring, c: { id: string; municipalityId: string }, assessorId: string, now: Date, rounds: number) {
  const factors = await tx.assessmentFactor.findMany({
    where: { municipalityId: c.municipalityId, active: true },
    select: { id: true, domain: true, code: true },
    orderBy: [{ domain: 'asc' }, { position: 'asc' }],
  });
  for (const round of ROUNDS.slice(-rounds)) {
    const at = new Date(now.getTime() - round.daysAgo * 86_400_000);
    const index = new Map<FactorDomain, number>();
    const ratings = factors.map((f) => {
      const i = index.get(f.domain) ?? 0;
      index.set(f.domain, i + 1);
      const comment = round.comment?.[0] === f.code ? keyring.encrypt(round.comment[1], COMMENT_FIELD) : null;
      return { factorId: f.id, rating: round.rate(f.domain, i), comment };
    });
    const created = await tx.assessment.create({
      data: {
        caseId: c.id, municipalityId: c.municipalityId, assessorId, assessedAt: at, createdAt: at,
        overallJudgement: keyring.encrypt(round.judgement, JUDGEMENT_FIELD), ratings: { createMany: { data: ratings } },
      },
      select: { id: true },
    });
    await tx.caseEvent.create({ data: { caseId: c.id, municipalityId: c.municipalityId, at, actorId: assessorId, kind: 'assessment' satisfies TimelineKind, data: { assessmentId: created.id } } });
    audit.record({ action: 'assessment.create', municipalityId: c.municipalityId, entityType: 'Case', entityId: c.id, detail: { assessmentId: created.id, via: 'seed' } });
  }
}
