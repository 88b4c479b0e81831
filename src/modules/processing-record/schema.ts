import { z } from 'zod';

/** Nothing to choose: the record is always of the user's own municipality, as it stands now. */
export const ProcessingRecordInput = z.object({}).default({});
