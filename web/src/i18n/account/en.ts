import type { Outputs } from '../../lib/trpc';
import { plural } from '../../../../src/shared/plural';

type Flag = Outputs['audit']['flags']['items'][number];

/** Words of account notices (who set my password) and of the auditor's flags. */
export const accountEn = {
  notice: {
    label: 'Account notice',
    created: '{{ by }} created your account on {{ at }} and was shown its one-time password.',
    reset: '{{ by }} reset your password on {{ at }} and was shown the one-time password.',
    advice:
      'If you did not ask for this, tell your data-protection officer (the auditor): anyone who knew that password could have signed in as you.',
    afterChange: 'Once you have chosen your own password you can mark this notice as read.',
    dismiss: 'I have read this',
  },
  flags: {
    title: 'Flags to review',
    intro:
      'Accounts that can read case content which an administrator created, reset or gave such a role. The administrator saw a one-time password for the account: check that its owner asked for it.',
    time: 'Time',
    account: 'Account',
    change: 'Change',
    by: 'By',
    status: 'Status',
    empty: 'No flags.',
    more: 'More flags',
    end: 'No older flags.',
    fromRole: 'was {{ role }}',
    changes: {
      created: 'Account created',
      password_reset: 'Password reset',
      role_changed: 'Role changed',
    } satisfies Record<NonNullable<Flag['detail']['change']>, string>,
    kinds: {
      privileged_account_change: 'Account that reads cases',
      break_glass: 'Emergency access (break-glass)',
      off_hours_read: 'Reads outside working hours',
      bulk_read: 'Many records read in a short time',
      repeated_denials: 'Many refusals',
      read_outside_assignment: 'Case read outside assignment (defect alarm)',
      checkpoint_stopped: 'Checkpoints stopped',
      second_factor_reset_requested: 'Second-factor reset requested',
      second_factor_reset_confirmed: 'Second-factor reset confirmed',
    } satisfies Record<Flag['kind'], string>,
    statuses: { open: 'Open', reviewed: 'Reviewed', escalated: 'Escalated' } satisfies Record<Flag['status'], string>,
  },
  flag: {
    back: 'All flags',
    raised: 'Raised on {{ at }}',
    account: 'Account',
    by: 'By',
    figures: 'What the rule found',
    figure: {
      change: 'Change',
      role: 'Role',
      previousRole: 'Previous role',
      day: 'Day',
      timeZone: 'Time zone',
      from: 'Window from',
      minutes: 'Window length',
      count: 'Counted',
      limit: 'Limit',
      since: 'No checkpoint since',
      reference: 'Case',
      sections: 'Sections',
      expiresAt: 'Access until',
    },
    events: 'The events that raised it',
    eventsShown: plural({ one: '{{ shown }} of 1 event shown.', other: '{{ shown }} of {{ count }} events shown, newest first.' }),
    otherAction: 'Another action',
    otherRecord: 'Another record',
    noEvents: 'No events of the log are linked to this flag: an action raised it, not a rule.',
    review: 'Review',
    notReviewed: 'Not reviewed yet.',
    reviewedBy: '{{ status }} by {{ name }} on {{ at }}',
    note: 'Note',
    form: {
      title: 'Review this flag',
      decision: 'Outcome',
      reviewed: 'Reviewed: looked into, nothing more to do',
      escalated: 'Escalated: passed on for action',
      noteHint: 'What you checked, or why you pass it on. Stored encrypted; only auditors read it.',
      noteRequired: 'Write a note: what you checked, or why you pass it on.',
      submit: 'Save the review',
      saved: 'Review saved.',
    },
  },
};

export type AccountDictionary = typeof accountEn;
