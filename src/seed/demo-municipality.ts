import type { Tx } from '../db.js';
import type { AuditTrail } from '../audit/writer.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { Role } from '../shared/vocabulary.js';

export interface SeedAccount {
  email: string;
  displayName: string;
  role: Role;
}

/**
 * A demo municipality and its accounts, each audited on the municipality's own chain as create-admin
 * and the account form record them (the hub, the hub's second city).
 */
export async function seedMunicipality(
  tx: Tx,
  audit: AuditTrail,
  data: Omit<Prisma.MunicipalityUncheckedCreateInput, 'createdAt'> & { createdAt: Date },
  accounts: readonly SeedAccount[],
  passwordHash: string,
): Promise<{ id: string }> {
  const town = await tx.municipality.create({ data, select: { id: true } });
  audit.record({
    action: 'municipality.create',
    municipalityId: town.id,
    entityType: 'Municipality',
    entityId: town.id,
    detail: { via: 'seed' },
  });
  for (const a of accounts) {
    const user = await tx.user.create({
      data: { email: a.email, displayName: a.displayName, role: a.role, municipalityId: town.id, passwordHash, createdAt: data.createdAt },
      select: { id: true },
    });
    audit.record({
      action: 'user.create',
      municipalityId: town.id,
      entityType: 'User',
      entityId: user.id,
      detail: { role: a.role, via: 'seed' },
    });
  }
  return town;
}
