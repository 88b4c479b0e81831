import type { Db } from '../../src/db.js';
import type { InterventionStatus } from '../../src/generated/prisma/enums.js';
import { sweepMunicipality } from '../../src/jobs/reminders.js';
import { OPENED_AT } from './case-factories.js';

/** A calendar day as `@db.Date` columns hold it. */
export const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

export interface MakeIntervention {
  agencyId: string;
  createdById: string;
  assigneeId?: string | null;
  dueDate?: Date | null;
  status?: InterventionStatus;
}

/** An intervention row as cases.addIntervention would store it (planned unless told). */
export function makeIntervention(db: Db, c: { id: string; municipalityId: string }, data: MakeIntervention) {
  return db.intervention.create({
    data: {
      caseId: c.id,
      municipalityId: c.municipalityId,
      type: 'mentoring',
      title: 'Synthetic mentoring',
      agencyId: data.agencyId,
      assigneeId: data.assigneeId ?? null,
      dueDate: data.dueDate ?? null,
      status: data.status ?? 'planned',
      createdAt: OPENED_AT,
      updatedAt: OPENED_AT,
      createdById: data.createdById,
    },
    select: { id: true },
  });
}

export interface MakeTask {
  createdById: string;
  assigneeId?: string | null;
  dueDate?: Date | null;
  doneAt?: Date | null;
  title?: string;
}

/** A task on a case (as a panel decision's action would leave it). */
export function makeTask(db: Db, c: { id: string; municipalityId: string }, data: MakeTask) {
  return db.caseTask.create({
    data: {
      caseId: c.id,
      municipalityId: c.municipalityId,
      title: data.title ?? 'Synthetic task: call the school',
      assigneeId: data.assigneeId ?? null,
      dueDate: data.dueDate ?? null,
      doneAt: data.doneAt ?? null,
      createdById: data.createdById,
      createdAt: OPENED_AT,
    },
    select: { id: true },
  });
}

/** Runs the reminder sweep of one municipality as the job would, at `at`. */
export const sweepAt = (db: Db, municipalityId: string, at: Date) => sweepMunicipality(db, municipalityId, () => at);

/** A municipality's reminders, in a stable order, as plain facts to compare. */
export async function remindersOf(db: Db, municipalityId: string, opts: { open?: boolean } = {}) {
  const rows = await db.reminder.findMany({
    where: { municipalityId, ...(opts.open ? { dismissedAt: null } : {}) },
    select: { userId: true, kind: true, entityType: true, entityId: true, caseId: true, dueAt: true, dismissedAt: true },
    orderBy: [{ kind: 'asc' }, { entityId: 'asc' }, { userId: 'asc' }, { dueAt: 'asc' }],
  });
  return rows.map((r) => ({ ...r, dueAt: r.dueAt.toISOString().slice(0, 10) }));
}
