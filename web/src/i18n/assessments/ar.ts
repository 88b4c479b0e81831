import type { AssessmentsDictionary } from './en';

export const assessmentsAr: AssessmentsDictionary = {
  assessment: { title: 'التقييمات' },
};
