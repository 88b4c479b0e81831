import type { FactorDomain, FactorRating } from '../shared/vocabulary.js';
import type { DemoStory } from './demo-story.js';

interface Round {
  judgement: string;
  /** The rating of the `i`th factor of `domain`, in the form's order. */
  rate: (domain: FactorDomain, i: number) => FactorRating;
  comment?: [code: string, text: string];
}

/** Synthetic assessments, oldest first: a worrying start, then a calmer picture with gaps named. */
const ROUNDS: Round[] = [
  {
    judgement:
      'Strong sense of grievance and time spent in closed online groups; no sign of means or plans. ' +
      'Protective ties are weak but the family is willing to engage.',
    rate: (d, i) => {
      if (d === 'protective') return i % 2 ? 'absent' : 'present';
      if (d === 'capability') return i === 0 ? 'unknown' : 'low';
      return i % 2 ? 'high' : 'moderate';
    },
    comment: ['eng_contacts', 'Shares videos from a closed channel; the school has seen them.'],
  },
  {
    judgement:
      'Attends the youth centre twice a week and talks openly with the mentor. ' +
      'Grievance persists; online contacts not yet discussed, so marked unknown.',
    rate: (d, i) => {
      if (d === 'protective') return i === 3 ? 'unknown' : 'present';
      if (d === 'engagement' && i === 2) return 'unknown';
      return d === 'engagement' && i === 0 ? 'moderate' : 'low';
    },
    comment: ['pro_family', 'An older cousin has become a steady contact.'],
  },
];

/**
 * Assessments of a case by the demo coordinator (a trained assessor) on each of `days` (before today, oldest
 * first; with one day, the calmer round), as the form does it: it opens on the case's assessments, which
 * bring the municipality's active factors, and rates each one.
 */
export function seedAssessments(story: DemoStory, caseId: () => string, days: number[]) {
  const rounds = ROUNDS.slice(-days.length);
  for (const [k, day] of days.entries()) {
    const round = rounds[k]!;
    story.at(story.day(day, 14), 'coordinator', async (assessor) => {
      const { factors } = await assessor.assessments.list({ caseId: caseId() });
      const seen = new Map<FactorDomain, number>();
      const ratings = (factors ?? []).map((f) => {
        const i = seen.get(f.domain) ?? 0;
        seen.set(f.domain, i + 1);
        return { factorId: f.id, rating: round.rate(f.domain, i), comment: round.comment?.[0] === f.code ? round.comment[1] : undefined };
      });
      await assessor.assessments.create({ caseId: caseId(), ratings, overallJudgement: round.judgement });
    });
  }
}
