import { t } from '../../trpc/init.js';
import { procedure } from '../../trpc/procedures.js';
import { PrintCaseInput, PrintMeetingInput, PrintReferralInput } from './schema.js';
import { printCase, printMeeting, printReferral } from './service.js';

/**
 * Printable pages (the browser prints them or saves a PDF). Each is a read under the same rules as
 * its page on screen, audited as a print with what it showed: the page shows its print button only
 * once this call has answered, so nothing is printed that was not recorded.
 */
export const printRouter = t.router({
  caseSummary: procedure('print.case', { entity: 'Case', idFrom: 'id' })
    .input(PrintCaseInput)
    .query(({ ctx, input }) => printCase(ctx, input.id)),
  meeting: procedure('print.meeting', { entity: 'PanelMeeting', idFrom: 'id' })
    .input(PrintMeetingInput)
    .query(({ ctx, input }) => printMeeting(ctx, input)),
  referral: procedure('print.referral', { entity: 'Referral', idFrom: 'id' })
    .input(PrintReferralInput)
    .query(({ ctx, input }) => printReferral(ctx, input.id)),
});
