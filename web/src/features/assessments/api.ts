import { query } from '@solidjs/router';
import { locale, t, tKey } from '../../i18n';
import { trpc, type Outputs } from '../../lib/trpc';
import { FACTOR_DOMAINS as DOMAINS, type FactorDomain as Domain, type FactorRating } from '../../../../src/shared/vocabulary';

export type AssessmentsOfCase = Outputs['assessments']['list'];
export type Assessment = AssessmentsOfCase['assessments'][number];
export type Rating = Assessment['ratings'][number];
export type TrendPoint = AssessmentsOfCase['trend'][number];
export type Factor = Outputs['assessments']['factors'][number];
export type FormFactor = NonNullable<AssessmentsOfCase['factors']>[number];
export type { Domain, FactorRating };
/** In the enum's order, which is the form's. */
export { DOMAINS };
export { scaleOf } from '../../../../src/shared/assessments';

/** A factor's label in the interface language. */
export function factorLabel(f: { labelAr: string; labelFr: string; labelEn: string }): string {
  const l = locale();
  return l === 'ar' ? f.labelAr : l === 'fr' ? f.labelFr : f.labelEn;
}

/** A case's assessments, trend and (for trained assessors) the form's factors. Audited (assessment.list). */
export const getAssessments = query((caseId: string) => trpc.assessments.list.query({ caseId }), 'assessments.list');

/** The municipality's framework, retired factors included (admin). Audited. */
export const getFactors = query(() => trpc.assessments.factors.query({ includeInactive: true }), 'assessments.factors');

/** The number plotted for a domain: high or moderate risk ratings; present protective factors. */
export const plotted = (p: TrendPoint, d: Domain) =>
  d === 'protective' ? p.domains[d].present : p.domains[d].high + p.domains[d].moderate;
export const unknownOf = (p: TrendPoint) => DOMAINS.reduce((n, d) => n + p.domains[d].unknown, 0);

/** The heading of a domain's number in the chart and table: what it counts. */
export const seriesLabel = (d: Domain) =>
  d === 'protective'
    ? t('assessment.presentCount', { domain: tKey('factorDomains', d) })
    : t('assessment.riskCount', { domain: tKey('factorDomains', d) });
