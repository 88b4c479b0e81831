import { query } from '@solidjs/router';
import { trpc, type Outputs } from '../../lib/trpc';

export type CasePrint = Outputs['print']['caseSummary'];
export type MeetingPrint = Outputs['print']['meeting'];
export type ReferralPrint = Outputs['print']['referral'];

/** Each load is a print, recorded (print.case / print.meeting / print.referral) before the page offers its button. */
export const getCasePrint = query((id: string) => trpc.print.caseSummary.query({ id }), 'print.caseSummary');
export const getMeetingPrint = query((id: string, kind: 'pack' | 'minutes') => trpc.print.meeting.query({ id, kind }), 'print.meeting');
export const getReferralPrint = query((id: string) => trpc.print.referral.query({ id }), 'print.referral');
