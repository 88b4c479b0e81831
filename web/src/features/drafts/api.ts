import { query } from '@solidjs/router';
import { trpc, type Outputs } from '../../lib/trpc';

export type DraftItem = Outputs['drafts']['list'][number];

/** My unsent drafts, last saved first. Audited (draft.list). */
export const getMyDrafts = query(() => trpc.drafts.list.query(), 'drafts.list');

/** Where a draft is opened: a referral's on the new referral page, a note's on its case page. */
export const draftHref = (d: { id: string; kind: DraftItem['kind']; caseId: string | null }) =>
  d.kind === 'case_note' && d.caseId ? `/cases/${d.caseId}?draft=${d.id}#notes-title` : `/referrals/new?draft=${d.id}`;
