import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeMunicipality, makeUser } from '../helpers/factories.js';
import { createDb } from '../../src/db.js';
import { AuditTrail } from '../../src/audit/writer.js';
import { lockCounters } from '../../src/modules/auth/login.js';
import { manualClock } from '../../src/lib/clock.js';

const { db, url } = await testDb();

describe('sign-in counters and the audit chain', () => {
  it('an event naming a user is written while a sign-in holds that user’s counters, so the two cannot deadlock', async () => {
    const town = await makeMunicipality(db);
    const user = await makeUser(db, { municipalityId: town.id, role: 'coordinator' });
    // The reader's own pool, with a short statement timeout: a blocked append fails instead of hanging.
    const reader = createDb({ url, poolMax: 1, statementTimeoutMs: 2_000 });
    try {
      const written = await db.$transaction(
        async (tx) => {
          // A sign-in of this user is under way: its counters are locked until its transaction ends.
          await lockCounters(tx, user.id);
          // Meanwhile the same user's read is audited (it takes the chain head, then names the user).
          const audit = new AuditTrail(
            { municipalityId: town.id, actorId: user.id, actorRole: 'coordinator', requestId: 'read', ip: null },
            manualClock(),
          );
          audit.record({ action: 'case.list', entityType: 'Case' });
          await audit.flush(reader.db);
          return reader.db.auditEvent.count({ where: { actorId: user.id, action: 'case.list' } });
        },
        { timeout: 10_000 },
      );
      expect(written).toBe(1);
    } finally {
      await reader.close();
    }
  });
});
