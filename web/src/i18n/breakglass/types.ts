import type { breakGlassEn } from './en';

export type BreakGlassDictionary = typeof breakGlassEn;
