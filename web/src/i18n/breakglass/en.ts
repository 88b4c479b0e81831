/** Words of break-glass: the emergency access a social worker asks for, and the banner while it lasts. */
export const breakGlassEn = {
  breakGlass: {
    title: 'Emergency access',
    intro:
      'Only when you must act on this case now: its key worker is away, the coordinator cannot be reached, and someone is in danger. Access is granted at once for a limited time, recorded on the case, flagged for the auditor and told to the coordinators.',
    sections: 'Sections you need',
    justification: 'Why you need access now',
    justificationHint: 'At least 20 characters. The auditor and the coordinators will review it.',
    submit: 'Request emergency access',
    granted: 'Emergency access granted until {{ time }}.',
    openCase: 'Open the case',
    banner: 'Emergency access to case {{ reference }} until {{ time }}: everything you do is recorded and reviewed.',
    bannerHere: 'You are viewing this case under emergency access until {{ time }}.',
    request: 'Request emergency access (break-glass)',
    endNow: 'End it now',
    review: {
      title: 'The emergency access',
      requester: 'Asked by',
      caseRef: 'Case',
      grantedAt: 'Granted',
      length: 'Granted for',
      until: 'Until',
      sections: 'Sections',
      justification: 'Justification',
      ended: 'Ended',
      endedEarly: 'Ended early, at {{ time }}',
      ranFull: 'Ran its full time',
      stillLive: 'Still live',
      notShown: 'The justification is not available.',
    },
    timelineWhy: 'Why: {{ text }}',
  },
};
