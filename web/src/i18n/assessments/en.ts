/** Words of the assessments feature. */
export const assessmentsEn = {
  assessment: { title: 'Assessments' },
};

export type AssessmentsDictionary = typeof assessmentsEn;
