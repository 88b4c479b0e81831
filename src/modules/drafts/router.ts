import { t } from '../../trpc/init.js';
import { procedure } from '../../trpc/procedures.js';
import { DraftIdInput, SaveDraftInput } from './schema.js';
import { discardDraft, getDraft, listDrafts, saveDraft } from './service.js';

/** Unsent referrals and case notes, kept on the server for their author alone (service.ts). */
export const draftsRouter = t.router({
  list: procedure('draft.list', { entity: 'Draft' }).query(({ ctx }) => listDrafts(ctx)),
  get: procedure('draft.read', { entity: 'Draft', idFrom: 'id' })
    .input(DraftIdInput)
    .query(({ ctx, input }) => getDraft(ctx, input.id)),
  save: procedure('draft.save', { entity: 'Draft', idFrom: 'id' })
    .input(SaveDraftInput)
    .mutation(({ ctx, input }) => saveDraft(ctx, input)),
  discard: procedure('draft.discard', { entity: 'Draft', idFrom: 'id' })
    .input(DraftIdInput)
    .mutation(({ ctx, input }) => discardDraft(ctx, input.id)),
});
