import type { AgeBand, Figure, FollowUpResult, OverdueBand, ScreeningBucket } from '../../../../src/shared/statistics';

/** Words of the statistics page. Its axes' other words (cohorts, stages, …) are the features' own. */
export const statisticsEn = {
  statistics: {
    title: 'Statistics',
    intro:
      'Figures of the municipality, counted from the records without names. Any count from 1 to 4 is shown as “<5”, and a few other counts are hidden (“*”) so that a small one cannot be worked out from the totals.',
    year: 'Year',
    show: 'Show',
    exportCsv: 'Download CSV',
    exporting: 'Preparing…',
    loading: 'Counting…',
    periodNote:
      'The year {{ year }}, January to December. Screening against a deadline of {{ days }} working days; “today” is {{ today }}.',
    small: '<5',
    hidden: '*',
    legendSmall: '“<5”: a count from 1 to 4.',
    legendYear:
      'Figures are given for one calendar year at a time, so that no two answers overlap and a small count cannot be worked out by subtracting one period from another.',
    legendHidden:
      '“*”: hidden so that a small count cannot be worked out from the totals (it may be 0 or 5 or more). A table with too few records to publish safely shows “*” everywhere.',
    total: 'Total',
    chartNote: 'Chart of the table below; suppressed counts are left out of it.',
    rowsBy: 'Rows: {{ rows }}. Columns: {{ cols }}.',
    month: 'Month',
    agency: 'Agency',
    figures: {
      referralsByCohort: 'Referrals per month by cohort',
      referralsBySource: 'Referrals per month by source',
      referralsByUrgency: 'Referrals per month by urgency',
      screening: 'Screening against the deadline, by month of referral',
      casesByStageAge: 'Cases opened in the period: stage today by age when opened',
      interventionsByType: 'Interventions planned in the period by type and status',
      interventionsByAgency: 'Interventions planned in the period by agency and status',
      reviewsOverdue: 'Reviews overdue today, by stage and days overdue (not limited to the period)',
      closuresByReason: 'Cases closed per month by reason',
      followUps: 'Cases closed in the period: follow-up check by closure reason',
    } satisfies Record<Figure, string>,
    buckets: {
      on_time: 'Screened on time',
      late: 'Screened late',
      waiting: 'Waiting, within the deadline',
      waiting_overdue: 'Waiting, past the deadline',
    } satisfies Record<ScreeningBucket, string>,
    ageBands: {
      under_15: 'Under 15',
      '15_17': '15–17',
      '18_24': '18–24',
      '25_39': '25–39',
      '40_plus': '40 and over',
      unknown: 'Age unknown',
    } satisfies Record<AgeBand, string>,
    overdueBands: {
      '1_7': '1–7 days',
      '8_30': '8–30 days',
      '31_90': '31–90 days',
      over_90: 'Over 90 days',
    } satisfies Record<OverdueBand, string>,
    followUp: {
      none: 'No follow-up asked',
      scheduled: 'Follow-up ahead',
      overdue: 'Follow-up overdue',
      done: 'Follow-up done',
    } satisfies Record<FollowUpResult, string>,
    unrecorded: 'Reason not recorded',
  },
};
