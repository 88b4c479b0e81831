import { z } from 'zod';

const Id = z.uuid();

export const PrintCaseInput = z.object({ id: Id });
/** A meeting's pack (the invitee's own agenda, as on screen) or its minutes. */
export const PrintMeetingInput = z.object({ id: Id, kind: z.enum(['pack', 'minutes']) });
export const PrintReferralInput = z.object({ id: Id });
