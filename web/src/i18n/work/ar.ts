import type { WorkDictionary } from './en';

export const workAr: WorkDictionary = {
  work: { title: 'مهامي' },
};
