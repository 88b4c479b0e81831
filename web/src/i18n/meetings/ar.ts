import type { MeetingsDictionary } from './en';

export const meetingsAr: MeetingsDictionary = {
  meeting: { title: 'اجتماعات اللجنة' },
};
