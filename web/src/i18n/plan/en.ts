import type { InterventionStatus, InterventionType } from '../../../../src/shared/vocabulary';

/** Words of a case's support plan. Types and statuses are typed against the server's. */
export const planEn = {
  interventionTypes: {
    mentoring: 'Mentoring',
    education: 'Education',
    employment: 'Employment',
    psychosocial_support: 'Psychosocial support',
    family_support: 'Family support',
    religious_guidance: 'Religious or ideological guidance',
    health: 'Health',
    legal_aid: 'Legal aid',
    sport_youth: 'Sport and youth activities',
    housing: 'Housing',
    other: 'Other',
  } satisfies Record<InterventionType, string>,
  interventionStatuses: {
    planned: 'Planned',
    active: 'Active',
    completed: 'Completed',
    cancelled: 'Cancelled',
  } satisfies Record<InterventionStatus, string>,
  plan: {
    title: 'Support plan',
    intro: 'What each agency does for this person, until when, and how it went.',
    empty: 'No intervention is planned yet.',
    type: 'Type',
    interventionTitle: 'Title',
    agency: 'Responsible agency',
    assignee: 'Assignee',
    nobody: 'Not assigned',
    start: 'Start',
    due: 'Due',
    status: 'Status',
    outcome: 'Outcome',
    add: 'Add an intervention',
    submit: 'Add to the plan',
    added: 'Intervention added.',
    update: 'Update',
    save: 'Save',
    updated: 'Intervention updated.',
    timelineAdded: 'Intervention added',
    timelineUpdated: 'Intervention: {{ from }} → {{ to }}',
    timelineOutcome: 'Intervention outcome updated',
  },
};

export type PlanDictionary = typeof planEn;
