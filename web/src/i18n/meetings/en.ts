/** Words of the meetings feature. */
export const meetingsEn = {
  meeting: { title: 'Panel meetings' },
};

export type MeetingsDictionary = typeof meetingsEn;
