import { t } from '../../trpc/init.js';
import { procedure } from '../../trpc/procedures.js';
import { DocumentInput, PersonRequestsInput, PrepareInput, ReleaseInput, RequestInput, ReviewInput } from './schema.js';
import { listRequests, prepareRequest, releaseRequest, releasedDocument, reviewRequest, viewRequest } from './service.js';

/**
 * Subject access (issue 14): a coordinator's export of everything held about one person, reviewed and
 * released. Every event is about the person (so it is in their access history), the request named in
 * its detail.
 */
export const subjectAccessRouter = t.router({
  list: procedure('subject_access.list', { entity: 'Person', idFrom: 'personId' })
    .input(PersonRequestsInput)
    .query(({ ctx, input }) => listRequests(ctx, input.personId)),
  prepare: procedure('subject_access.prepare', { entity: 'Person', idFrom: 'personId', idempotent: true })
    .input(PrepareInput)
    .mutation(({ ctx, input }) => prepareRequest(ctx, input)),
  get: procedure('subject_access.view', { entity: 'Person', idFrom: 'personId' })
    .input(RequestInput)
    .query(({ ctx, input }) => viewRequest(ctx, input)),
  review: procedure('subject_access.review', { entity: 'Person', idFrom: 'personId' })
    .input(ReviewInput)
    .mutation(({ ctx, input }) => reviewRequest(ctx, input)),
  release: procedure('subject_access.release', { entity: 'Person', idFrom: 'personId' })
    .input(ReleaseInput)
    .mutation(({ ctx, input }) => releaseRequest(ctx, input)),
  document: procedure('subject_access.download', { entity: 'Person', idFrom: 'personId' })
    .input(DocumentInput)
    .query(({ ctx, input }) => releasedDocument(ctx, input)),
});
