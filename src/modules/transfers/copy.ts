import { randomUUID } from 'node:crypto';
import type { ServiceContext } from '../../service.js';
import type { TransferSection } from '../../shared/vocabulary.js';
import { commentText, judgementText, maybe, noteText, summaryText } from '../subject-access/texts.js';
import { SUMMARY_FIELD } from '../cases/read.js';
import { sealText } from '../../crypto/envelope.js';
import { COPY_FIELD } from './fields.js';

/**
 * What a transfer copies, read from the sending case (its words opened under the sending case's key) and
 * written to the receiving case under that case's own key: never a ciphertext copied across. Each section
 * becomes one sealed row of JSON (`case_transfer_copy`); the summary becomes the new case's summary too.
 * Chosen to carry the work, not the people around it: no staff or agency names of the sending city, no
 * restricted note (ever), no disclosure, consent, meeting, task or timeline of the sending case.
 */
type From = { caseId: string; municipalityId: string };

async function planOf(ctx: ServiceContext, from: From) {
  const rows = await ctx.db.intervention.findMany({
    where: { caseId: from.caseId, municipalityId: from.municipalityId },
    select: { id: true, type: true, title: true, status: true, outcome: true, startDate: true, dueDate: true },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  return Promise.all(
    rows.map(async (i) => ({
      type: i.type,
      title: await maybe(ctx, 'intervention.title', i.id, i.title),
      status: i.status,
      outcome: await maybe(ctx, 'intervention.outcome', i.id, i.outcome),
      startDate: i.startDate?.toISOString().slice(0, 10) ?? null,
      dueDate: i.dueDate?.toISOString().slice(0, 10) ?? null,
    })),
  );
}

async function assessmentsOf(ctx: ServiceContext, from: From) {
  const rows = await ctx.db.assessment.findMany({
    where: { caseId: from.caseId, municipalityId: from.municipalityId },
    select: {
      id: true,
      assessedAt: true,
      overallJudgement: true,
      ratings: {
        select: {
          rating: true,
          comment: true,
          factor: { select: { id: true, domain: true, labelAr: true, labelFr: true, labelEn: true } },
        },
      },
    },
    orderBy: [{ assessedAt: 'asc' }, { id: 'asc' }],
  });
  return Promise.all(
    rows.map(async (a) => ({
      at: a.assessedAt.toISOString(),
      judgement: await judgementText(ctx, a.id, a.overallJudgement),
      ratings: await Promise.all(
        a.ratings.map(async (r) => ({
          domain: r.factor.domain,
          factor: { ar: r.factor.labelAr, fr: r.factor.labelFr, en: r.factor.labelEn },
          rating: r.rating,
          comment: await commentText(ctx, `${a.id}/${r.factor.id}`, r.comment),
        })),
      ),
    })),
  );
}

/** Standard notes only: a restricted note never leaves its case. */
async function notesOf(ctx: ServiceContext, from: From) {
  const rows = await ctx.db.caseNote.findMany({
    where: { caseId: from.caseId, municipalityId: from.municipalityId, sensitivity: 'standard' },
    select: { id: true, body: true, createdAt: true },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  return Promise.all(rows.map(async (n) => ({ at: n.createdAt.toISOString(), text: await noteText(ctx, n.id, n.body) })));
}

/** The sending case's summary, opened. */
export async function summaryOf(ctx: ServiceContext, from: From) {
  const c = await ctx.db.case.findFirst({ where: { id: from.caseId, municipalityId: from.municipalityId }, select: { summary: true } });
  return c ? summaryText(ctx, from.caseId, c.summary) : null;
}

const READERS = { plan: planOf, assessments: assessmentsOf, notes: notesOf, summary: summaryOf };

/**
 * Copies the sections into the receiving case, each sealed under its key and bound to its copy row.
 * Returns how many items each section held (for the audit detail: counts, never words).
 */
export async function copySections(
  ctx: ServiceContext,
  from: From,
  to: { caseId: string; municipalityId: string },
  transferId: string,
  sections: TransferSection[],
) {
  const counts: Record<string, number> = {};
  for (const section of sections) {
    const content = await READERS[section](ctx, from);
    if (section === 'summary' && typeof content === 'string') {
      const sealed = await sealText(ctx, { kind: 'case', id: to.caseId }, SUMMARY_FIELD, to.caseId, content);
      await ctx.db.case.updateMany({ where: { id: to.caseId, municipalityId: to.municipalityId }, data: { summary: sealed } });
    }
    const id = randomUUID();
    const words = JSON.stringify(content ?? null);
    await ctx.db.caseTransferCopy.create({
      data: {
        id,
        municipalityId: to.municipalityId,
        caseId: to.caseId,
        transferId,
        section,
        content: await sealText(ctx, { kind: 'case', id: to.caseId }, COPY_FIELD, id, words),
      },
      select: { id: true },
    });
    counts[section] = Array.isArray(content) ? content.length : content ? 1 : 0;
  }
  return counts;
}
