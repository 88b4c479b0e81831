import type { Db } from '../db.js';
import { audited } from '../audit/writer.js';
import { hashPassword } from '../auth/password.js';
import { systemClock } from '../lib/clock.js';
import type { Role } from '../generated/prisma/enums.js';
import type { Keyring } from '../crypto/keyring.js';
import { seedCases } from './demo-cases.js';
import { seedMeetings } from './demo-meetings.js';

/** Synthetic accounts, one per role; no real person's name. */
export const DEMO_ACCOUNTS: { email: string; displayName: string; role: Role; agency?: string }[] = [
  { email: 'admin@demo.jisr.local', displayName: 'Demo Administrator', role: 'admin' },
  { email: 'coordinator@demo.jisr.local', displayName: 'Demo Coordinator', role: 'coordinator' },
  { email: 'social.worker@demo.jisr.local', displayName: 'Demo Social Worker', role: 'social_worker' },
  { email: 'practitioner@demo.jisr.local', displayName: 'Demo Practitioner', role: 'agency_practitioner', agency: 'Demo Youth Centre' },
  { email: 'auditor@demo.jisr.local', displayName: 'Demo Auditor', role: 'auditor' },
];

const DEMO_AGENCIES = [
  { name: 'Demo Youth Centre', kind: 'youth' as const },
  { name: 'Demo Secondary School', kind: 'school' as const },
  { name: 'Demo Health Centre', kind: 'health' as const },
];

/**
 * Seeds a demo municipality on an empty database (accounts, agencies, people, referrals in every
 * status, cases in every stage); does nothing when any municipality exists.
 */
export async function seedDemo(db: Db, password: string, keyring: Keyring): Promise<boolean> {
  if ((await db.municipality.count()) > 0) return false;
  const passwordHash = await hashPassword(password);
  const base = { municipalityId: null, actorId: null, actorRole: null, requestId: 'seed', ip: null };
  await audited(db, base, systemClock, async (tx, audit) => {
    const town = await tx.municipality.create({ data: { name: 'Demo Municipality', country: 'TN', code: 'DEMO', defaultLocale: 'ar' }, select: { id: true } });
    const agencies = new Map<string, string>();
    for (const a of DEMO_AGENCIES) {
      const row = await tx.agency.create({ data: { ...a, municipalityId: town.id }, select: { id: true } });
      agencies.set(a.name, row.id);
      audit.record({ action: 'agency.create', municipalityId: town.id, entityType: 'Agency', entityId: row.id, detail: { via: 'seed' } });
    }
    const ids = new Map<Role, string>();
    for (const u of DEMO_ACCOUNTS) {
      const row = await tx.user.create({
        data: {
          email: u.email,
          displayName: u.displayName,
          role: u.role,
          municipalityId: town.id,
          agencyId: u.agency ? agencies.get(u.agency) : null,
          passwordHash,
          trainedAssessor: u.role === 'coordinator',
        },
        select: { id: true },
      });
      ids.set(u.role, row.id);
      audit.record({ action: 'user.create', municipalityId: town.id, entityType: 'User', entityId: row.id, detail: { role: u.role, via: 'seed' } });
    }
    const staff = {
      coordinator: ids.get('coordinator')!,
      socialWorker: ids.get('social_worker')!,
      practitioner: ids.get('agency_practitioner')!,
      youthCentre: agencies.get('Demo Youth Centre')!,
      school: agencies.get('Demo Secondary School')!,
    };
    await seedCases(tx, audit, keyring, town, staff, new Date());
    await seedMeetings(tx, audit, keyring, town, staff, new Date());
    // One transaction for the whole demo: on a busy machine it takes longer than Prisma's 5 s default.
  }, { timeout: 60_000 });
  return true;
}
