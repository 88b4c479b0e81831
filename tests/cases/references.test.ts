import { describe, expect, it, onTestFinished } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { makePerson } from '../helpers/people-factories.js';
import { auditedTransaction, type AuditBase } from '../../src/audit/writer.js';
import { openCase } from '../../src/modules/cases/open.js';
import { manualClock } from '../../src/lib/clock.js';
import { createDb } from '../../src/db.js';

const { db, url } = await testDb();

describe('case references', () => {
  it('are unique and gap-free under 50 concurrent openings, each in its own audited transaction', async () => {
    const town = await makeTown(db);
    const person = await makePerson(db, town.town.id);
    const clock = manualClock();
    const base: AuditBase = {
      municipalityId: town.town.id,
      actorId: town.coordinator.id,
      actorRole: 'coordinator',
      requestId: 'concurrency',
      ip: null,
    };
    // A pool as wide as the load, so all 50 transactions really run at once and queue on the counter row.
    const wide = createDb({ url, poolMax: 50 });
    onTestFinished(() => wide.close());
    // Connect them all first, so the openings contend on the counter row and not on connecting.
    await Promise.all(Array.from({ length: 50 }, () => wide.db.$queryRaw`SELECT pg_sleep(0.05)::text`));
    const open = () =>
      auditedTransaction(wide.db, base, clock, (tx, audit) =>
        openCase(tx, audit, {
          municipalityId: town.town.id,
          personId: person.id,
          referralId: null,
          cohort: 'youth',
          actorId: town.coordinator.id,
          at: clock(),
        }),
      );
    // One opening that rolls back gives its number back.
    await expect(
      auditedTransaction(db, base, clock, async (tx, audit) => {
        await openCase(tx, audit, {
          municipalityId: town.town.id,
          personId: person.id,
          referralId: null,
          cohort: 'youth',
          actorId: town.coordinator.id,
          at: clock(),
        });
        throw new Error('screening failed after opening');
      }),
    ).rejects.toThrow('screening failed');

    const opened = await Promise.all(Array.from({ length: 50 }, open));
    const { code } = await db.municipality.findUniqueOrThrow({ where: { id: town.town.id }, select: { code: true } });
    const expected = Array.from({ length: 50 }, (_, i) => `${code}-2026-${String(i + 1).padStart(4, '0')}`);
    expect(opened.map((o) => o.reference).sort()).toEqual(expected);
    expect(await db.case.count({ where: { municipalityId: town.town.id } })).toBe(50);
    expect(await db.auditEvent.count({ where: { municipalityId: town.town.id, action: 'case.open' } })).toBe(50);
  });

  it('count per municipality and per year', async () => {
    const [a, b] = [await makeTown(db), await makeTown(db)];
    const at = (iso: string) => new Date(iso);
    const openIn = async (town: typeof a, when: Date) => {
      const person = await makePerson(db, town.town.id);
      const base: AuditBase = {
        municipalityId: town.town.id,
        actorId: town.coordinator.id,
        actorRole: 'coordinator',
        requestId: 'years',
        ip: null,
      };
      return (
        await auditedTransaction(
          db,
          base,
          () => when,
          (tx, audit) =>
            openCase(tx, audit, {
              municipalityId: town.town.id,
              personId: person.id,
              referralId: null,
              cohort: 'other',
              actorId: town.coordinator.id,
              at: when,
            }),
        )
      ).reference;
    };
    expect(await openIn(a, at('2026-12-31T23:00:00Z'))).toMatch(/-2026-0001$/);
    expect(await openIn(b, at('2026-12-31T23:30:00Z'))).toMatch(/-2026-0001$/);
    expect(await openIn(a, at('2027-01-01T00:10:00Z'))).toMatch(/-2027-0001$/);
    expect(await openIn(a, at('2027-01-02T00:10:00Z'))).toMatch(/-2027-0002$/);
  });
});
