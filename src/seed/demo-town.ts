import type { Tx } from '../db.js';
import { auditedTransaction, type AuditTrail } from '../audit/writer.js';
import type { AgencyKind, Role } from '../shared/vocabulary.js';
import type { DemoStory } from './demo-story.js';

export const YOUTH_CENTRE = 'Demo Youth Centre';
export const SCHOOL = 'Demo Secondary School';
export const HEALTH_CENTRE = 'Demo Health Centre';

/** Synthetic accounts, one per role; no real person's name. */
export const DEMO_ACCOUNTS: { email: string; displayName: string; role: Role; agency?: string }[] = [
  { email: 'admin@demo.jisr.local', displayName: 'Demo Administrator', role: 'admin' },
  { email: 'coordinator@demo.jisr.local', displayName: 'Demo Coordinator', role: 'coordinator' },
  { email: 'social.worker@demo.jisr.local', displayName: 'Demo Social Worker', role: 'social_worker' },
  { email: 'practitioner@demo.jisr.local', displayName: 'Demo Practitioner', role: 'agency_practitioner', agency: YOUTH_CENTRE },
  { email: 'auditor@demo.jisr.local', displayName: 'Demo Auditor', role: 'auditor' },
];

const DEMO_AGENCIES: { name: string; kind: AgencyKind }[] = [
  { name: YOUTH_CENTRE, kind: 'youth' },
  { name: SCHOOL, kind: 'school' },
  { name: HEALTH_CENTRE, kind: 'health' },
];

/** No actor: the seed, like the operator at the console, is not an account. Each event names its municipality. */
const SEED = { municipalityId: null, actorId: null, actorRole: null, requestId: 'seed', ip: null };

/**
 * The demo municipality, `daysAgo` days back: made with its administrator as `jisr create-admin` makes
 * them (straight to the database, audited); the administrator then registers the agencies through the
 * app; then the other accounts are made with the demo password (not a one-time password, so nobody has
 * to choose one before trying the app) and audited as the seed's. Ids: "town", each agency's name, each role.
 */
export function seedTown(story: DemoStory, passwordHash: string, daysAgo: number) {
  const account = async (tx: Tx, audit: AuditTrail, at: Date, a: (typeof DEMO_ACCOUNTS)[number]) => {
    const municipalityId = story.ids.of('town');
    const row = await tx.user.create({
      data: {
        email: a.email,
        displayName: a.displayName,
        role: a.role,
        municipalityId,
        agencyId: a.agency ? story.ids.of(a.agency) : null,
        passwordHash,
        trainedAssessor: a.role === 'coordinator',
        createdAt: at,
      },
      select: { id: true },
    });
    story.ids.put(a.role, row.id);
    audit.record({ action: 'user.create', municipalityId, entityType: 'User', entityId: row.id, detail: { role: a.role, via: 'seed' } });
  };

  story.direct(story.day(daysAgo, 8), (db, clock) =>
    auditedTransaction(db, SEED, clock, async (tx, audit) => {
      // The demo's accounts sign in with their password alone (README: "A second factor"); an admin turns it on in the settings.
      const data = {
        name: 'Demo Municipality',
        country: 'TN',
        code: 'DEMO',
        defaultLocale: 'ar' as const,
        secondFactorRoles: [],
        createdAt: clock(),
      };
      const town = await tx.municipality.create({ data, select: { id: true } });
      story.ids.put('town', town.id);
      const created = { municipalityId: town.id, entityType: 'Municipality' as const, entityId: town.id, detail: { via: 'seed' } };
      audit.record({ action: 'municipality.create', ...created });
      await account(tx, audit, clock(), DEMO_ACCOUNTS.find((a) => a.role === 'admin')!);
    }),
  );
  story.at(story.day(daysAgo, 8, 10), 'admin', async (admin) => {
    for (const agency of DEMO_AGENCIES) story.ids.put(agency.name, (await admin.agencies.create(agency)).id);
  });
  story.direct(story.day(daysAgo, 8, 20), (db, clock) =>
    auditedTransaction(db, SEED, clock, async (tx, audit) => {
      for (const a of DEMO_ACCOUNTS.filter((a) => a.role !== 'admin')) await account(tx, audit, clock(), a);
    }),
  );
}
