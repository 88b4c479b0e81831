import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { openStored } from '../helpers/crypto.js';
import { testKeyring } from '../helpers/callers.js';
import { seedDemo } from '../../src/seed/demo.js';
import { verifyAll } from '../../src/audit/verify.js';

const { db } = await testDb();

describe('the demo data', () => {
  it('is a living municipality: referrals in every status, cases in every stage, encrypted text, an intact audit log', async () => {
    expect(await seedDemo(db, 'demo password 2026', testKeyring)).toBe(true);
    expect(await seedDemo(db, 'demo password 2026', testKeyring)).toBe(false);
    const statuses = await db.referral.groupBy({ by: ['status'], _count: true });
    expect(statuses.map((s) => s.status).sort()).toEqual(['accepted', 'closed', 'signposted', 'submitted']);
    const stages = new Set((await db.case.findMany({ select: { stage: true } })).map((c) => c.stage));
    expect(stages).toEqual(new Set(['intake', 'assessment', 'planning', 'intervention', 'review', 'closed', 'follow_up']));
    // The demo municipality's (the hub's second city has cases of its own: src/seed/demo-hub-history.ts).
    const references = (
      await db.case.findMany({ where: { municipality: { code: 'DEMO' } }, select: { reference: true }, orderBy: { reference: 'asc' } })
    ).map((c) => c.reference);
    expect(references[0]).toMatch(/^DEMO-\d{4}-0001$/);
    // Written through the services: under each referral's own key, bound to its row.
    const referral = await db.referral.findFirstOrThrow({ select: { id: true, concernText: true } });
    expect(referral.concernText).toMatch(/^k1\./);
    expect((await openStored(db, `referral.concern/${referral.id}`, referral.concernText)).length).toBeGreaterThan(20);
    expect(await db.disclosure.count()).toBeGreaterThan(0);
    const reports = await verifyAll(db);
    expect(reports.every((r) => r.firstBroken === null)).toBe(true);
    expect(reports.map((r) => r.chain)).not.toContain('system');
  });
});
