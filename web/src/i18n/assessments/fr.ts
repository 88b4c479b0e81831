import type { AssessmentsDictionary } from './en';

export const assessmentsFr: AssessmentsDictionary = {
  assessment: { title: 'Évaluations' },
};
