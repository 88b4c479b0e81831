import type { Tx } from '../db.js';
import { auditedTransaction, type AuditTrail } from '../audit/writer.js';
import type { Role } from '../shared/vocabulary.js';
import type { DemoStory } from './demo-story.js';
import { seedMunicipality } from './demo-municipality.js';

/** The regional hub's synthetic accounts: its admin (members), a hub analyst (figures) and its auditor (the hub's own audit log). */
export const DEMO_HUB_ACCOUNTS: { email: string; displayName: string; role: Role }[] = [
  { email: 'hub.admin@demo.jisr.local', displayName: 'Demo Hub Administrator', role: 'admin' },
  { email: 'hub.analyst@demo.jisr.local', displayName: 'Demo Hub Analyst', role: 'hub_analyst' },
  { email: 'hub.auditor@demo.jisr.local', displayName: 'Demo Hub Auditor', role: 'auditor' },
];

/** No actor: the seed, like the operator at the console, is not an account. Each event names its municipality. */
const SEED = { municipalityId: null, actorId: null, actorRole: null, requestId: 'seed', ip: null };

/**
 * The demo's regional hub, `daysAgo` days back: a hub (as `create-admin --hub` makes one) with its admin,
 * a hub analyst and its auditor, the demo municipality and the second city (seedSecondCity: a published year) as members, and
 * each city's own choice to share its figures. Every row is audited on the chain of the municipality it
 * belongs to: the hub's for the hub, its accounts and the members it added; each city's for its choice.
 */
export function seedHub(story: DemoStory, passwordHash: string, daysAgo: number) {
  story.direct(story.day(daysAgo, 9), (db, clock) =>
    auditedTransaction(db, SEED, clock, async (tx: Tx, audit: AuditTrail) => {
      const hub = await seedMunicipality(
        tx,
        audit,
        {
          name: 'Demo Regional Hub',
          country: 'TN',
          code: 'HUBD',
          kind: 'hub',
          defaultLocale: 'ar',
          secondFactorRoles: [],
          createdAt: clock(),
        },
        DEMO_HUB_ACCOUNTS,
        passwordHash,
      );
      // The second city (demo-hub-history.ts) has a published year of referrals; the demo town's are all recent.
      for (const member of [story.ids.of('town'), story.ids.of('second city')]) {
        await tx.hubMember.create({ data: { hubId: hub.id, municipalityId: member, shareFigures: true, joinedAt: clock() } });
        audit.record({
          action: 'hub.member.add',
          municipalityId: hub.id,
          entityType: 'Municipality',
          entityId: member,
          detail: { hubId: hub.id, via: 'seed' },
        });
        audit.record({
          action: 'hub.sharing.set',
          municipalityId: member,
          entityType: 'Municipality',
          entityId: hub.id,
          detail: { share: true, via: 'seed' },
        });
      }
    }),
  );
}
