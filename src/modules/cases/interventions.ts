import { subject } from '@casl/ability';
import { accessibleBy } from '../../auth/casl.js';
import { assertCan } from '../../auth/guard.js';
import { AppError, forbidden, notFound } from '../../errors.js';
import type { ServiceContext } from '../../service.js';
import { randomUUID } from 'node:crypto';
import { openWords, sealText } from '../../crypto/envelope.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type { InterventionStatus } from '../../generated/prisma/enums.js';
import { CASE_WORKER_ROLES } from '../../shared/roles.js';
import { findCase, recordEvent } from './access.js';
import { diff, recordChanges, staleVersion } from '../history/record.js';
import type { AddIntervention, UpdateIntervention } from './schema.js';
import { chosenItem } from '../lists/chosen.js';

/** What the plan shows of an intervention: names of the agency and assignee, no one else's data. */
export const interventionSelect = {
  id: true,
  type: true,
  typeItemId: true,
  title: true,
  status: true,
  outcome: true,
  version: true,
  startDate: true,
  dueDate: true,
  createdAt: true,
  updatedAt: true,
  agency: { select: { id: true, name: true } },
  assignee: { select: { id: true, displayName: true } },
} satisfies Prisma.InterventionSelect;

/** An intervention's title and outcome are under its case's key, bound to the intervention's id. */
export const TITLE_FIELD = 'intervention.title';
export const OUTCOME_FIELD = 'intervention.outcome';
const seal = (ctx: ServiceContext, caseId: string, field: string, id: string, words: string) =>
  sealText(ctx, { kind: 'case', id: caseId }, field, id, words);

/** An intervention row with its words opened (words from before they were sealed show as they are). */
async function opened<T extends { id: string; title: string; outcome: string | null }>(ctx: ServiceContext, row: T): Promise<T> {
  return {
    ...row,
    title: await openWords(ctx, TITLE_FIELD, row.id, row.title),
    outcome: await openWords(ctx, OUTCOME_FIELD, row.id, row.outcome),
  };
}

/** The interventions of a case the user may read, oldest first (the plan's order). */
export async function planOf(ctx: ServiceContext, caseId: string) {
  const rows = await ctx.db.intervention.findMany({
    where: { AND: [accessibleBy(ctx.ability).ofType('Intervention'), { caseId }] },
    select: interventionSelect,
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  return Promise.all(rows.map((r) => opened(ctx, r)));
}

/** Agencies and colleagues an intervention may be given to: active, of the user's municipality. */
export async function planChoices(ctx: ServiceContext) {
  const municipalityId = ctx.user.municipalityId;
  const [agencies, people] = await Promise.all([
    ctx.db.agency.findMany({ where: { municipalityId, active: true }, select: { id: true, name: true }, orderBy: { name: 'asc' } }),
    ctx.db.user.findMany({
      where: { municipalityId, disabledAt: null, role: { in: [...CASE_WORKER_ROLES] } },
      select: { id: true, displayName: true, agencyId: true },
      orderBy: { displayName: 'asc' },
    }),
  ]);
  return { agencies, people };
}

const noSuch = (type: 'User' | 'Agency', id: string, field: string) =>
  new AppError('NOT_FOUND', { entity: { type, id }, fields: { [field]: 'NOT_FOUND' } });

/** True when the user may add interventions to this case: its coordinator or key worker. */
export function mayAddIntervention(
  ctx: Pick<ServiceContext, 'ability'>,
  c: { id: string; municipalityId: string; keyWorkerId: string | null },
) {
  return ctx.ability.can('create', subject('Intervention', { municipalityId: c.municipalityId, caseId: c.id, case: { ...c } }) as never);
}

/**
 * Key worker or coordinator: adds an intervention to the case's plan, for an active agency (and
 * optionally an active colleague) of the municipality. On the timeline and audited.
 */
export async function addIntervention(ctx: ServiceContext, input: AddIntervention) {
  assertCan(ctx.ability, 'create', 'Intervention');
  const c = await findCase(ctx, input.caseId, 'read:plan', { id: true, municipalityId: true, keyWorkerId: true });
  // Seeing the plan (a disclosure) is not owning it: only the coordinator and key worker add to it.
  if (!mayAddIntervention(ctx, c)) throw forbidden('Intervention');
  const municipalityId = c.municipalityId;
  const agency = await ctx.db.agency.findFirst({ where: { id: input.agencyId, municipalityId, active: true }, select: { id: true } });
  if (!agency) throw noSuch('Agency', input.agencyId, 'agencyId');
  if (input.assigneeId) {
    const user = await ctx.db.user.findFirst({
      where: { id: input.assigneeId, municipalityId, disabledAt: null, role: { in: [...CASE_WORKER_ROLES] } },
      select: { id: true },
    });
    if (!user) throw noSuch('User', input.assigneeId, 'assigneeId');
  }
  const type = await chosenItem(ctx, 'intervention_type', { itemId: input.typeItemId, code: input.type }, 'typeItemId');
  const now = ctx.clock();
  const id = randomUUID();
  const created = await ctx.db.intervention.create({
    data: {
      id,
      caseId: c.id,
      municipalityId,
      type: type.code,
      typeItemId: type.itemId,
      title: await seal(ctx, c.id, TITLE_FIELD, id, input.title),
      agencyId: input.agencyId,
      assigneeId: input.assigneeId ?? null,
      startDate: input.startDate ?? null,
      dueDate: input.dueDate ?? null,
      createdAt: now,
      updatedAt: now,
      createdById: ctx.user.id,
    },
    select: interventionSelect,
  });
  // Ids and facts only: the title is plan content, shown in the plan itself.
  const detail = { interventionId: created.id, type: created.type, agencyId: input.agencyId, assigneeId: input.assigneeId ?? null };
  await recordEvent(ctx, c, 'intervention', detail);
  ctx.audit.subject('Case', c.id).detail(detail);
  return { ...created, title: input.title };
}

/**
 * The assignee, the coordinator, or a practitioner of the responsible agency (while the plan is
 * disclosed to them): changes status and/or outcome. An intervention the user cannot read is
 * NOT_FOUND; one they read but may not update is FORBIDDEN. Both audited as denied.
 */
export async function updateIntervention(ctx: ServiceContext, input: UpdateIntervention) {
  assertCan(ctx.ability, 'update', 'Intervention');
  const row = await ctx.db.intervention.findFirst({
    where: { AND: [accessibleBy(ctx.ability).ofType('Intervention'), { id: input.id }] },
    select: { id: true, caseId: true, municipalityId: true, status: true, outcome: true, version: true },
  });
  if (!row) throw notFound('Intervention', input.id);
  row.outcome = await openWords(ctx, OUTCOME_FIELD, row.id, row.outcome);
  const mayUpdate = () =>
    ctx.db.intervention.count({ where: { AND: [accessibleBy(ctx.ability, 'update').ofType('Intervention'), { id: row.id }] } });
  // Theirs, as saved now: only what the user sent, and only to one who may update it.
  const stale = async () => {
    if (!(await mayUpdate())) return forbidden('Intervention', row.id);
    const now = await ctx.db.intervention.findFirstOrThrow({
      where: { id: row.id, municipalityId: row.municipalityId },
      select: { status: true, outcome: true },
    });
    const theirs = {
      ...(input.status !== undefined ? { status: now.status } : {}),
      ...(input.outcome !== undefined ? { outcome: await openWords(ctx, OUTCOME_FIELD, row.id, now.outcome) } : {}),
    };
    return staleVersion(ctx, 'Intervention', row.id, theirs);
  };
  if (input.version !== row.version) throw await stale();
  const to = input.status ?? row.status;
  const outcome = input.outcome === undefined ? row.outcome : input.outcome || null;
  // Over the version we read and only if the user may update it: a concurrent save makes this STALE_VERSION.
  const detail = await writeInterventionChange(
    ctx,
    row,
    { status: to, outcome },
    accessibleBy(ctx.ability, 'update').ofType('Intervention'),
  );
  if (!detail) throw await stale();
  ctx.audit.subject('Case', row.caseId).detail(detail);
  return opened(
    ctx,
    await ctx.db.intervention.findFirstOrThrow({ where: { id: row.id, municipalityId: row.municipalityId }, select: interventionSelect }),
  );
}

/**
 * The write of an intervention's status and/or outcome, whoever changes it (its assignee, a coordinator, or
 * a transfer ending the sending city's plan, transfers/leave.ts): over the version read and within `guard`,
 * with its field history and the case's `intervention.update` timeline entry. `outcome` undefined leaves
 * the stored words as they are; `row.outcome` is the opened one. Returns the audit detail, or null when the
 * row moved meanwhile or the guard no longer lets it be written.
 */
export async function writeInterventionChange(
  ctx: ServiceContext,
  row: { id: string; caseId: string; municipalityId: string; status: InterventionStatus; outcome: string | null; version: number },
  change: { status: InterventionStatus; outcome?: string | null },
  guard: Prisma.InterventionWhereInput,
  facts: Prisma.InputJsonObject = {},
) {
  const outcome = change.outcome;
  const { count } = await ctx.db.intervention.updateMany({
    where: { AND: [guard, { id: row.id, municipalityId: row.municipalityId, version: row.version }] },
    data: {
      status: change.status,
      ...(outcome === undefined ? {} : { outcome: outcome === null ? null : await seal(ctx, row.caseId, OUTCOME_FIELD, row.id, outcome) }),
      updatedAt: ctx.clock(),
      version: { increment: 1 },
    },
  });
  if (count === 0) return null;
  const version = row.version + 1;
  const changes = diff({ status: row.status, outcome: row.outcome }, { status: change.status, outcome });
  await recordChanges(ctx, { type: 'Intervention', id: row.id, caseId: row.caseId, municipalityId: row.municipalityId, version }, changes);
  const detail = {
    interventionId: row.id,
    from: row.status,
    to: change.status,
    outcomeChanged: outcome !== undefined && outcome !== row.outcome,
    ...facts,
  };
  await recordEvent(ctx, { id: row.caseId, municipalityId: row.municipalityId }, 'intervention.update', detail);
  return detail;
}
