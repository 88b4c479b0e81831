/** A case's assessments and their trend (filled in with the assessments feature). */
export function AssessmentsSection(_props: { caseId: string; canRate: boolean }) {
  return null;
}
