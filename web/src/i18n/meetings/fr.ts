import type { MeetingsDictionary } from './en';

export const meetingsFr: MeetingsDictionary = {
  meeting: { title: 'Réunions du panel' },
};
