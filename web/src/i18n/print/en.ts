import type { ReferralStatus } from '../../../../src/shared/vocabulary';

/** Words of the printable pages (case summary, meeting pack, minutes, referral acknowledgement) and the panel's closure prompt. */
export const printEn = {
  print: {
    button: 'Print or save as PDF',
    recorded: 'This print is recorded in the audit log.',
    printedOn: 'Printed on {{ at }} by {{ name }}',
    confidential: 'Confidential: for the people named on this page only.',
    case: {
      link: 'Print the summary',
      title: 'Case summary',
      person: 'Person',
      birthYear: 'Born',
      summary: 'Summary',
      noSummary: 'The summary is not shared with you.',
      plan: 'Support plan',
      noPlan: 'No intervention in the plan.',
      due: 'due {{ date }}',
    },
    meeting: {
      packLink: 'Print my pack',
      minutesLink: 'Print the minutes',
      packTitle: 'Meeting pack',
      minutesTitle: 'Minutes',
      invitees: 'Invited',
      attended: 'present',
      absent: 'absent',
      item: 'Case {{ reference }}',
      noItems: 'No case on the agenda is shared with you.',
      decision: 'Decision',
      byConsensus: 'by consensus',
      dissent: 'Dissent',
      undecided: 'No decision recorded.',
      general: 'About the meeting',
      noMinutes: 'No minutes recorded.',
      correction: 'Correction',
    },
    referral: {
      link: 'Print an acknowledgement',
      title: 'Referral acknowledgement',
      thanks: 'Your referral has been received by the municipality.',
      reference: 'Reference',
      submittedAt: 'Received on',
      about: 'About',
      from: 'From',
      urgency: 'Urgency',
      categories: 'Concerns',
      yourWords: 'What you wrote',
      next: 'What happens next',
      nextBy: {
        submitted:
          'The coordinator screens the referral within the municipality’s deadline and decides whether a case is opened. You will see the decision in “My referrals”.',
        accepted: 'A case has been opened. A key worker will contact the person and the people around them; you may be asked to take part.',
        signposted: 'The referral has been passed to a service better placed to help. You will not be contacted further about it.',
        closed: 'The referral has been closed after screening. No case was opened.',
      } satisfies Record<ReferralStatus, string>,
      keep: 'Keep this acknowledgement with your records. Quote the reference in any question about this referral.',
    },
  },
  panelClosure: {
    banner:
      'On {{ date }} the panel ({{ meeting }}) decided to close this case. Closing it is yours to do: the form is filled in with the panel’s decision.',
    goToForm: 'Go to the close form',
    prefill: 'Closed on the panel’s decision of {{ date }} ({{ meeting }}).',
  },
};
