import type { CaseStage } from './vocabulary.js';

/**
 * Where `cases.changeStage` may move a case: forward one step, and from review back to planning or
 * intervention. Closing and reopening have their own procedures (coordinator only).
 */
export const NEXT_STAGES: Record<CaseStage, readonly CaseStage[]> = {
  intake: ['assessment'],
  assessment: ['planning'],
  planning: ['intervention'],
  intervention: ['review'],
  review: ['planning', 'intervention'],
  closed: ['follow_up'],
  follow_up: [],
};

/** A reopened case starts again with an assessment: the concern is back. */
export const REOPEN_STAGE: CaseStage = 'assessment';

/** Open cases may be closed; closed ones and those in follow-up may be reopened. */
export const isOpen = (stage: CaseStage) => stage !== 'closed' && stage !== 'follow_up';
