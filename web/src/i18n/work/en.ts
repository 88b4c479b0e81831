/** Words of the work feature. */
export const workEn = {
  work: { title: 'My work' },
};

export type WorkDictionary = typeof workEn;
