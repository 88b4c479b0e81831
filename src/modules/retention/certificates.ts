import { assertCan } from '../../auth/guard.js';
import { notFound } from '../../errors.js';
import type { ServiceContext } from '../../service.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type { CertificateCounts } from './run.js';

const select = {
  id: true,
  recordType: true,
  months: true,
  legalReference: true,
  ranAt: true,
  counts: true,
  auditEventId: true,
  auditSeq: true,
  auditHash: true,
} satisfies Prisma.DeletionCertificateSelect;

const view = (c: Prisma.DeletionCertificateGetPayload<{ select: typeof select }>) => ({
  ...c,
  counts: c.counts as unknown as CertificateCounts,
  // A bigint does not cross JSON: the event's id as text.
  auditEventId: c.auditEventId.toString(),
});

/** The municipality's deletion certificates, newest first (coordinator, auditor, admin: no personal data in them). */
export async function listCertificates(ctx: ServiceContext) {
  assertCan(ctx.ability, 'read:certificates', 'Municipality');
  const rows = await ctx.db.deletionCertificate.findMany({
    where: { municipalityId: ctx.user.municipalityId },
    select,
    orderBy: [{ ranAt: 'desc' }, { id: 'desc' }],
    take: 200,
  });
  ctx.audit.subject('Municipality', ctx.user.municipalityId).detail({ shown: rows.length });
  return rows.map(view);
}

/** One certificate, to print; another town's or a missing one is NOT_FOUND. Audited as printed. */
export async function printCertificate(ctx: ServiceContext, id: string) {
  assertCan(ctx.ability, 'read:certificates', 'Municipality');
  const row = await ctx.db.deletionCertificate.findFirst({ where: { id, municipalityId: ctx.user.municipalityId }, select });
  if (!row) throw notFound('DeletionCertificate', id);
  const town = await ctx.db.municipality.findUniqueOrThrow({ where: { id: ctx.user.municipalityId }, select: { name: true } });
  ctx.audit.detail({ printed: 'deletion_certificate' });
  return { ...view(row), municipality: town.name, printedAt: ctx.clock() };
}
