import { randomBytes } from 'node:crypto';
import type { Db } from '../../src/db.js';
import { hashPassword } from '../../src/auth/password.js';
import type { AgencyKind, Role } from '../../src/generated/prisma/enums.js';

/** The password every factory-made user gets unless told otherwise. Synthetic, not common. */
export const TEST_PASSWORD = 'correct horse battery staple 7';

let defaultHash: Promise<string> | undefined;
function hashFor(password: string) {
  if (password !== TEST_PASSWORD) return hashPassword(password);
  defaultHash ??= hashPassword(TEST_PASSWORD);
  return defaultHash;
}

const tag = () => randomBytes(4).toString('hex');

/**
 * A municipality of its own for one test, so tests never see each other's rows. Its reference code is
 * made here, not left to the column default: four hex digits collide (birthday odds) once a test
 * database holds a few hundred towns, and the suite makes that many.
 */
export async function makeMunicipality(db: Db, data: { name?: string; country?: string; secondFactorRoles?: Role[] } = {}) {
  return db.municipality.create({
    data: {
      name: data.name ?? `Test Town ${tag()}`,
      country: data.country ?? 'JO',
      code: `T${tag().toUpperCase()}`,
      // No role must enrol a second factor unless the test asks (the schema's default requires it of three).
      secondFactorRoles: data.secondFactorRoles ?? [],
    },
    select: { id: true, name: true },
  });
}

export async function makeAgency(db: Db, municipalityId: string, data: { name?: string; kind?: AgencyKind; active?: boolean } = {}) {
  return db.agency.create({
    data: { municipalityId, name: data.name ?? `Agency ${tag()}`, kind: data.kind ?? 'ngo', active: data.active ?? true },
    select: { id: true, name: true, municipalityId: true },
  });
}

export interface MakeUser {
  municipalityId: string;
  role: Role;
  agencyId?: string | null;
  email?: string;
  displayName?: string;
  password?: string;
  mustChangePassword?: boolean;
  disabled?: boolean;
  locale?: 'ar' | 'fr' | 'en';
}

export async function makeUser(db: Db, data: MakeUser) {
  const password = data.password ?? TEST_PASSWORD;
  const user = await db.user.create({
    data: {
      municipalityId: data.municipalityId,
      role: data.role,
      agencyId: data.agencyId ?? null,
      email: data.email ?? `${data.role}.${tag()}@test.jisr.local`,
      displayName: data.displayName ?? `Test ${data.role} ${tag()}`,
      passwordHash: await hashFor(password),
      mustChangePassword: data.mustChangePassword ?? false,
      disabledAt: data.disabled ? new Date() : null,
      locale: data.locale ?? 'en',
    },
    select: { id: true, email: true, role: true, municipalityId: true, agencyId: true },
  });
  return { ...user, password };
}

/** A municipality with one user per role (and an agency for the practitioner). */
export async function makeTown(db: Db) {
  const town = await makeMunicipality(db);
  const agency = await makeAgency(db, town.id);
  const mk = (role: Role) => makeUser(db, { municipalityId: town.id, role, agencyId: role === 'agency_practitioner' ? agency.id : null });
  const [admin, coordinator, socialWorker, practitioner, auditor] = await Promise.all(
    (['admin', 'coordinator', 'social_worker', 'agency_practitioner', 'auditor'] as const).map(mk),
  );
  return {
    town,
    agency,
    admin: admin!,
    coordinator: coordinator!,
    socialWorker: socialWorker!,
    practitioner: practitioner!,
    auditor: auditor!,
  };
}
