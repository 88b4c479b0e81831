import type { AuditAction } from '../../audit/actions.js';
import { t, type ProcedureOptions } from '../../trpc/init.js';
import { procedure } from '../../trpc/procedures.js';
import * as s from './schema.js';
import { listCases } from './list.js';
import { getCase } from './read.js';
import { addNote, listNotes } from './notes.js';
import { changeStage, closeCase, reopenCase } from './workflow.js';
import { updateSummary } from './summary.js';
import { caseHistory } from '../history/read.js';
import { assign, disclose, revokeDisclosure } from './team.js';
import { addIntervention, updateIntervention } from './interventions.js';
import { recordReview } from './review.js';
import { breakGlass, liveBreakGlass } from './break-glass.js';
import { EndBreakGlassInput, endBreakGlass } from './break-glass-end.js';

/** A procedure about the case whose id is `input[idFrom]`, audited (allowed or denied) under `action`. */
const onCase = (action: AuditAction, idFrom = 'id', options: ProcedureOptions = {}) =>
  procedure(action, { entity: 'Case', idFrom, ...options });

/** Cases, notes and the case team (disclosures). Each procedure's action names its audit event. */
export const casesRouter = t.router({
  list: procedure('case.list', { entity: 'Case' })
    .input(s.ListCasesInput)
    .query(({ ctx, input }) => listCases(ctx, input)),
  get: onCase('case.read')
    .input(s.CaseIdInput)
    .query(({ ctx, input }) => getCase(ctx, input.id)),
  notes: onCase('case.note.list', 'caseId')
    .input(s.ListNotesInput)
    .query(({ ctx, input }) => listNotes(ctx, input)),
  updateSummary: onCase('case.summary.update')
    .input(s.UpdateSummaryInput)
    .mutation(({ ctx, input }) => updateSummary(ctx, input)),
  history: onCase('case.history')
    .input(s.CaseIdInput)
    .query(({ ctx, input }) => caseHistory(ctx, input.id)),
  changeStage: onCase('case.stage.change')
    .input(s.ChangeStageInput)
    .mutation(({ ctx, input }) => changeStage(ctx, input)),
  assign: onCase('case.assign')
    .input(s.AssignInput)
    .mutation(({ ctx, input }) => assign(ctx, input)),
  close: onCase('case.close')
    .input(s.CloseCaseInput)
    .mutation(({ ctx, input }) => closeCase(ctx, input)),
  reopen: onCase('case.reopen')
    .input(s.ReopenCaseInput)
    .mutation(({ ctx, input }) => reopenCase(ctx, input)),
  recordReview: onCase('case.review', 'caseId', { idempotent: true })
    .input(s.RecordReviewInput)
    .mutation(({ ctx, input }) => recordReview(ctx, input)),
  addNote: onCase('case.note.create', 'caseId', { idempotent: true })
    .input(s.AddNoteInput)
    .mutation(({ ctx, input }) => addNote(ctx, input)),
  disclose: onCase('case.disclose', 'caseId', { idempotent: true })
    .input(s.DiscloseInput)
    .mutation(({ ctx, input }) => disclose(ctx, input)),
  revokeDisclosure: procedure('case.disclosure.revoke', { entity: 'Disclosure', idFrom: 'id' })
    .input(s.RevokeDisclosureInput)
    .mutation(({ ctx, input }) => revokeDisclosure(ctx, input)),
  addIntervention: onCase('case.intervention.create', 'caseId', { idempotent: true })
    .input(s.AddInterventionInput)
    .mutation(({ ctx, input }) => addIntervention(ctx, input)),
  updateIntervention: procedure('case.intervention.update', { entity: 'Intervention', idFrom: 'id' })
    .input(s.UpdateInterventionInput)
    .mutation(({ ctx, input }) => updateIntervention(ctx, input)),
  breakGlass: onCase('case.breakGlass', 'caseId', { idempotent: true })
    .input(s.BreakGlassInput)
    .mutation(({ ctx, input }) => breakGlass(ctx, input)),
  emergencyAccess: procedure('case.breakGlass.live', { entity: 'BreakGlass' }).query(({ ctx }) => liveBreakGlass(ctx)),
  endBreakGlass: procedure('case.breakGlass.end', { entity: 'BreakGlass', idFrom: 'id' })
    .input(EndBreakGlassInput)
    .mutation(({ ctx, input }) => endBreakGlass(ctx, input)),
});
