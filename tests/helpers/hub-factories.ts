import { randomBytes } from 'node:crypto';
import type { Db } from '../../src/db.js';
import { makeUser } from './factories.js';

const tag = () => randomBytes(4).toString('hex');

/**
 * A regional hub of its own for one test, with its admin, a hub analyst and an auditor, and the given cities as
 * members (each sharing its figures or not). Synthetic names only.
 */
export async function makeHub(db: Db, members: { id: string; share?: boolean }[] = [], data: { name?: string; country?: string } = {}) {
  const hub = await db.municipality.create({
    data: {
      name: data.name ?? `Test Hub ${tag()}`,
      country: data.country ?? 'JO',
      code: `H${tag().toUpperCase()}`,
      kind: 'hub',
      secondFactorRoles: [],
    },
    select: { id: true, name: true },
  });
  for (const m of members) await db.hubMember.create({ data: { hubId: hub.id, municipalityId: m.id, shareFigures: m.share ?? true } });
  const [admin, analyst, auditor] = await Promise.all([
    makeUser(db, { municipalityId: hub.id, role: 'admin' }),
    makeUser(db, { municipalityId: hub.id, role: 'hub_analyst' }),
    makeUser(db, { municipalityId: hub.id, role: 'auditor' }),
  ]);
  return { hub, admin, analyst, auditor };
}
