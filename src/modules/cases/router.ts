import { t } from '../../trpc/init.js';
import { authedProcedure } from '../../trpc/procedures.js';
import * as s from './schema.js';
import { listCases } from './list.js';
import { getCase } from './read.js';
import { addNote, listNotes } from './notes.js';
import { changeStage, closeCase, reopenCase, updateSummary } from './workflow.js';
import { assign, disclose, revokeDisclosure } from './team.js';
import { withdrawConsent } from './consent.js';
import { addIntervention, updateIntervention } from './interventions.js';
import { recordReview } from './review.js';

/** A procedure audited (allowed or denied) under `action`. */
const audited = (action: string) => authedProcedure.meta({ action });

/** Cases, notes and the case team (disclosures). Each procedure's action names its audit event. */
export const casesRouter = t.router({
  list: audited('case.list').input(s.ListCasesInput).query(({ ctx, input }) => listCases(ctx, input)),
  get: audited('case.read').input(s.CaseIdInput).query(({ ctx, input }) => getCase(ctx, input.id)),
  notes: audited('case.note.list').input(s.ListNotesInput).query(({ ctx, input }) => listNotes(ctx, input)),
  updateSummary: audited('case.summary.update').input(s.UpdateSummaryInput).mutation(({ ctx, input }) => updateSummary(ctx, input)),
  changeStage: audited('case.stage.change').input(s.ChangeStageInput).mutation(({ ctx, input }) => changeStage(ctx, input)),
  assign: audited('case.assign').input(s.AssignInput).mutation(({ ctx, input }) => assign(ctx, input)),
  close: audited('case.close').input(s.CloseCaseInput).mutation(({ ctx, input }) => closeCase(ctx, input)),
  reopen: audited('case.reopen').input(s.CloseInput).mutation(({ ctx, input }) => reopenCase(ctx, input)),
  recordReview: audited('case.review').input(s.RecordReviewInput).mutation(({ ctx, input }) => recordReview(ctx, input)),
  addNote: audited('case.note.create').input(s.AddNoteInput).mutation(({ ctx, input }) => addNote(ctx, input)),
  disclose: audited('case.disclose').input(s.DiscloseInput).mutation(({ ctx, input }) => disclose(ctx, input)),
  revokeDisclosure: audited('case.disclosure.revoke').input(s.RevokeDisclosureInput).mutation(({ ctx, input }) => revokeDisclosure(ctx, input)),
  addIntervention: audited('case.intervention.create').input(s.AddInterventionInput).mutation(({ ctx, input }) => addIntervention(ctx, input)),
  updateIntervention: audited('case.intervention.update').input(s.UpdateInterventionInput).mutation(({ ctx, input }) => updateIntervention(ctx, input)),
  withdrawConsent: audited('case.consent.withdraw').input(s.WithdrawConsentInput).mutation(({ ctx, input }) => withdrawConsent(ctx, input)),
});
