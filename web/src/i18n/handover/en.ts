/** Words of the caseload handover on the users page (loaded with it, not with the first page). */
export const handoverEn = {
  open: 'Caseload',
  title: 'Work assigned to {{ name }}',
  intro:
    'Before the account is disabled, hand its work to colleagues: all of it to one person, or item by item. Each move is recorded on the case.',
  empty: 'Nothing is assigned to this account.',
  counts:
    'Cases: {{ case }} · interventions: {{ intervention }} · tasks: {{ task }} · meeting invitations: {{ invitation }} · disclosures by name: {{ disclosure }}',
  kinds: {
    case: 'Case (key worker)',
    intervention: 'Intervention',
    task: 'Task',
    invitation: 'Panel meeting invitation',
    disclosure: 'Disclosure by name',
  },
  kind: 'What',
  reference: 'Case',
  date: 'Due, meeting or expiry',
  receiver: 'Hand to',
  choose: 'Choose a colleague…',
  nobody: 'No active colleague can take this.',
  handAll: 'Hand all to…',
  handAllButton: 'Hand over everything',
  handOne: 'Hand over',
  handing: 'Handing over…',
  handed: 'Handed over.',
  disableTitle: 'Disable the account',
  disableEmpty: 'Nothing is left: the account can be disabled. Its sessions end at once.',
  disableLeft: 'Work is still assigned. To disable the account anyway, name the coordinator who confirmed they will pick it up.',
  pickUp: 'Coordinator who will pick it up',
  disable: 'Disable the account',
  disabled: 'The account is disabled.',
  page: {
    title: 'Handover',
    intro:
      'Colleagues who still hold work, those who left first. Open one to hand their cases, interventions, tasks, meeting seats and disclosures to others.',
    account: 'Colleague',
    items: 'Items',
    empty: 'Nobody holds work.',
  },
  refusals: {
    HANDOVER_INELIGIBLE: 'This colleague cannot take over all of this work (role, or another agency’s intervention).',
    HANDOVER_SAME_USER: 'Choose someone else than the account itself.',
    HANDOVER_RECEIVER_DISABLED: 'This account is disabled.',
    CASELOAD_LEFT: 'Work is still assigned: hand it over, or name the coordinator who will pick it up.',
    PICK_UP_NOT_COORDINATOR: 'Choose an active coordinator of the municipality.',
  },
};

export type HandoverDictionary = typeof handoverEn;
