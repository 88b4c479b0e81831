import { t } from '../../trpc/init.js';
import { procedure } from '../../trpc/procedures.js';
import { ProcessingRecordInput } from './schema.js';
import { processingRecord } from './service.js';

/**
 * The record of processing, made from the live configuration each time it is asked for; the page
 * prints it. Audited as processingRecord.read with what it counted.
 */
export const processingRecordRouter = t.router({
  get: procedure('processingRecord.read', { entity: 'Municipality' })
    .input(ProcessingRecordInput)
    .query(({ ctx }) => processingRecord(ctx)),
});
