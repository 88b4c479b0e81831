import type { WorkDictionary } from './en';

export const workFr: WorkDictionary = {
  work: { title: 'Mon travail' },
};
