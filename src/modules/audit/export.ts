import { linkBeforeReading } from '../../audit/chainer.js';
import type { z } from 'zod';
import { stringify } from 'csv-stringify/sync';
import { assertCan } from '../../auth/guard.js';
import type { ServiceContext } from '../../service.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type { ExportAuditInput } from './schema.js';
import { requireFreshSecondFactor } from '../auth/second-factor.js';
import { auditWhere } from './service.js';

/** The most events one export holds; narrower filters reach the rest. */
export const EXPORT_MAX_ROWS = 10_000;

// No global `id` (see service.ts): `seq` numbers the municipality's own events.
const exportSelect = {
  seq: true,
  at: true,
  actorRole: true,
  action: true,
  entityType: true,
  entityId: true,
  outcome: true,
  purpose: true,
  requestId: true,
  ip: true,
  detail: true,
  actor: { select: { displayName: true, email: true } },
} satisfies Prisma.AuditEventSelect;

const HEADER = [
  'seq',
  'at',
  'actor',
  'actor_email',
  'actor_role',
  'action',
  'entity_type',
  'entity_id',
  'outcome',
  'purpose',
  'request_id',
  'ip',
  'detail',
];

/**
 * CSV a spreadsheet reads safely. A cell it must show as text, never run (one starting with `=`,
 * `+`, `-`, `@`, a tab or a carriage return, or their full-width forms) gets a leading apostrophe;
 * a cell with a line break is quoted, so it cannot start a row of its own.
 */
export function csvOf(rows: readonly (readonly (string | number | null)[])[]): string {
  // The byte-order mark makes spreadsheet programs read UTF-8 (Arabic names) as UTF-8.
  return `\uFEFF${stringify(
    rows.map((r) => r.map((c) => (c === null ? '' : String(c)))),
    { escape_formulas: true, record_delimiter: 'windows', quoted_match: /[\r\n]/ },
  )}`;
}

/**
 * The municipality's audit log as CSV, newest first, with the filters of `audit.list`, at most
 * EXPORT_MAX_ROWS events. Auditors only; the export is itself audited with its row count.
 */
export async function exportEvents(ctx: ServiceContext, input: z.infer<typeof ExportAuditInput>) {
  await linkBeforeReading(ctx.db);
  assertCan(ctx.ability, 'read', 'AuditEvent');
  requireFreshSecondFactor(ctx);
  const where = auditWhere(ctx, input);
  const found = await ctx.db.auditEvent.findMany({ where, select: exportSelect, orderBy: { id: 'desc' }, take: EXPORT_MAX_ROWS + 1 });
  const events = found.slice(0, EXPORT_MAX_ROWS);
  const csv = csvOf([
    HEADER,
    ...events.map((e) => [
      e.seq,
      e.at.toISOString(),
      e.actor?.displayName ?? null,
      e.actor?.email ?? null,
      e.actorRole,
      e.action,
      e.entityType,
      e.entityId,
      e.outcome,
      e.purpose,
      e.requestId,
      e.ip,
      e.detail === null ? null : JSON.stringify(e.detail),
    ]),
  ]);
  const truncated = found.length > EXPORT_MAX_ROWS;
  const filters = Object.keys(input).filter((k) => input[k as keyof typeof input] !== undefined);
  ctx.audit.detail({ filters, rows: events.length, truncated });
  return { filename: `audit-log-${ctx.clock().toISOString().slice(0, 10)}.csv`, csv, rows: events.length, truncated };
}
