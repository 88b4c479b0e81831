import { query } from '@solidjs/router';
import { trpc, type Outputs } from '../../lib/trpc';

export type SubjectAccessRequest = Outputs['subjectAccess']['list'][number];
export type SubjectAccessView = Outputs['subjectAccess']['get'];
export type SubjectAccessDocument = SubjectAccessView['document'];
export type ReleasedDocument = Outputs['subjectAccess']['document'];

/** Each load is audited: the list (subject_access.list), the review (subject_access.view), the printed document (subject_access.download). */
export const getRequests = query((personId: string) => trpc.subjectAccess.list.query({ personId }), 'subjectAccess.list');
export const getRequest = query((personId: string, id: string) => trpc.subjectAccess.get.query({ personId, id }), 'subjectAccess.get');
export const getReleased = query(
  (personId: string, id: string) => trpc.subjectAccess.document.query({ personId, id, format: 'print' }),
  'subjectAccess.document',
);
export const SUBJECT_ACCESS_QUERIES = ['subjectAccess.list', 'subjectAccess.get'];

/** The released document as a JSON file (audited as a download in JSON). */
export async function downloadJson(personId: string, id: string) {
  const doc = await trpc.subjectAccess.document.query({ personId, id, format: 'json' });
  const blob = new Blob([JSON.stringify(doc, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `subject-access-${id.slice(0, 8)}.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
