import type { z } from 'zod';
import type { ServiceContext } from '../../service.js';
import { openText, sealText } from '../../crypto/envelope.js';
import { recordChanges, staleVersion } from '../history/record.js';
import { findCase, recordEvent } from './access.js';
import { SUMMARY_FIELD } from './read.js';
import type { UpdateSummaryInput } from './schema.js';

const summarySelect = { id: true, municipalityId: true, version: true, summary: true } as const;

/**
 * Key worker or coordinator. The summary is case content: encrypted at rest, never in the timeline.
 * The save names the version the form opened: against an older one it is refused (STALE_VERSION,
 * with the text saved since), never a silent overwrite. The old and new text go to the history.
 */
export async function updateSummary(ctx: ServiceContext, input: z.infer<typeof UpdateSummaryInput>) {
  const c = await findCase(ctx, input.id, 'update', summarySelect);
  const open = (s: string | null) => openText(ctx, SUMMARY_FIELD, c.id, s);
  const before = await open(c.summary);
  if (input.version !== c.version) throw await staleVersion(ctx, 'Case', c.id, { summary: before });
  const text = input.summary || null;
  if (text === before) return { id: c.id, version: c.version };
  const { count } = await ctx.db.case.updateMany({
    where: { id: c.id, municipalityId: c.municipalityId, version: c.version },
    data: { summary: text ? await sealText(ctx, { kind: 'case', id: c.id }, SUMMARY_FIELD, c.id, text) : null, version: { increment: 1 } },
  });
  if (count === 0) {
    // Saved by someone else between our read and our write: show theirs as it is now.
    const now = await ctx.db.case.findFirstOrThrow({ where: { id: c.id, municipalityId: c.municipalityId }, select: { summary: true } });
    throw await staleVersion(ctx, 'Case', c.id, { summary: await open(now.summary) });
  }
  const version = c.version + 1;
  await recordChanges(ctx, { type: 'Case', id: c.id, municipalityId: c.municipalityId, version }, [
    { field: 'summary', from: before, to: text },
  ]);
  await recordEvent(ctx, c, 'summary', { cleared: text === null });
  ctx.audit.detail({ length: input.summary.length, version });
  return { id: c.id, version };
}
