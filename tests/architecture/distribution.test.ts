import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { makeCase } from '../helpers/case-factories.js';
import { makeMeeting } from '../helpers/meeting-factories.js';

/**
 * Municipality is the distribution key of a sharded deployment (README, "Beyond one machine"): every
 * table that holds personal or casework data carries `municipality_id`, so that a distributed
 * PostgreSQL can place a municipality's rows together and route its queries to one node. The tables
 * below are the only ones without it, each with the reason it needs none.
 */
const WITHOUT_KEY: Record<string, string> = {
  municipality: 'the key itself: a reference table, copied to every node',
  audit_chain_head: "one row per chain, keyed by the chain (a municipality's id, or the platform chain)",
  audit_hash_epoch: 'one row per chain, keyed by the chain',
  _prisma_migrations: "the migration tool's own bookkeeping",
};

const { db, owner } = await testDb();

describe('the distribution key', () => {
  it('every table but the listed reference tables carries a NOT NULL municipality_id', async () => {
    const tables = await db.$queryRaw<{ table: string; nullable: string | null }[]>`
      SELECT t.table_name::text AS "table", c.is_nullable::text AS nullable
        FROM information_schema.tables t
        LEFT JOIN information_schema.columns c
          ON c.table_schema = t.table_schema AND c.table_name = t.table_name AND c.column_name = 'municipality_id'
       WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE'
       ORDER BY 1`;
    expect(tables.length).toBeGreaterThan(20);
    const missing = tables.filter((t) => t.nullable === null && !(t.table in WITHOUT_KEY)).map((t) => t.table);
    expect(missing, 'tables without municipality_id').toEqual([]);
    // audit_event may hold platform events (sign-in attempts with no account): its key can be null, and so can
    // that of audit_pending, where such events wait to be chained (src/audit/chainer.ts).
    const platformEvents = ['audit_event', 'audit_pending'];
    const nullable = tables.filter((t) => t.nullable === 'YES' && !platformEvents.includes(t.table)).map((t) => t.table);
    expect(nullable, 'tables whose municipality_id may be null').toEqual([]);
    const listed = Object.keys(WITHOUT_KEY).filter((name) => !tables.some((t) => t.table === name));
    expect(listed, 'listed tables that no longer exist').toEqual([]);
  });

  it("refuses a child row whose municipality is not its parent's, even from the owner", async () => {
    const a = await makeTown(db);
    const b = await makeTown(db);
    const c = await makeCase(db, a);
    const meeting = await makeMeeting(db, a, { cases: [c], agencyIds: [a.agency.id] });
    for (const client of [db, owner]) {
      await expect(
        client.meetingInvitee.create({
          data: { meetingId: meeting.id, municipalityId: b.town.id, userId: b.coordinator.id },
          select: { id: true },
        }),
      ).rejects.toThrow(/differs from its parent/);
    }
    await expect(
      db.meetingInvitee.update({ where: { id: meeting.invitees[0]!.id }, data: { municipalityId: b.town.id }, select: { id: true } }),
    ).rejects.toThrow(/differs from its parent/);
    const invitees = await db.meetingInvitee.findMany({ where: { meetingId: meeting.id }, select: { municipalityId: true } });
    expect(invitees.map((i) => i.municipalityId)).toEqual([a.town.id]);
    // The parent's own municipality is accepted.
    const ok = await db.meetingInvitee.create({
      data: { meetingId: meeting.id, municipalityId: a.town.id, userId: a.coordinator.id },
      select: { municipalityId: true },
    });
    expect(ok.municipalityId).toBe(a.town.id);
  });
});
