/** My alerts (issue 16): each kind off, at once or in a daily digest; the admin's view of delivery. */
export const alertsEn = {
  alerts: {
    title: 'My alerts',
    intro:
      'Choose which alerts reach you by e-mail, at once or in one summary each morning. Alerts never hold names or case details: only a reference and a link.',
    kind: 'Alert',
    how: 'How',
    save: 'Save my choices',
    saved: 'Your choices are saved.',
    emailOff: 'E-mail is not set up on this server: alerts stay in Jisr (your work list).',
    kinds: {
      referral_to_screen: 'A new referral to screen',
      assigned: 'A case assigned to me',
      onward_to_answer: 'An onward referral for my agency to answer',
      reminder_due: 'Something due on my work list',
      disclosure_expiring: 'A disclosure about to expire',
      break_glass: 'Emergency access used on a case',
      transfer_to_decide: 'A case another city proposes to transfer to my city',
    },
    modes: { off: 'Off', immediate: 'At once', digest: 'Daily summary' },
    delivery: 'Alert delivery',
    emailOn: 'Alerts are sent by e-mail.',
    waiting: 'Waiting to be sent: {{ count }}',
    failed: 'Alerts that could not be sent',
    noneFailed: 'None.',
    reference: 'Reference',
    created: 'Raised',
    failedAt: 'Given up',
    retry: 'Send again',
    retried: 'The alert goes again at the next run of the sender.',
    retryOf: 'Send the alert {{ reference }} again',
    attempts: 'Attempts',
    error: 'Mail server’s answer',
  },
};
export type AlertsDictionary = typeof alertsEn;
