import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTown } from '../helpers/factories.js';
import { callerFor, testKeyring } from '../helpers/callers.js';
import { makeCase } from '../helpers/case-factories.js';

const { db } = await testDb();

describe('case content at rest', () => {
  it('stores notes, summaries and consent notes as ciphertext bound to their field, and serves them decrypted', async () => {
    const town = await makeTown(db);
    const c = await makeCase(db, town);
    const { caller } = await callerFor(db, town.socialWorker);
    const note = 'Synthetic note: met at the youth centre, talked about football and school.';
    const summary = 'Synthetic summary: ملخص تجريبي للحالة.';
    const consent = 'Synthetic consent note: withdrew after a family discussion.';
    await caller.cases.addNote({ caseId: c.id, body: note, sensitivity: 'restricted' });
    await caller.cases.updateSummary({ id: c.id, version: 1, summary });
    await caller.consent.withdraw({ caseId: c.id, note: consent });

    const notes = await db.$queryRaw<{ body: string }[]>`SELECT body FROM case_note WHERE case_id = ${c.id}::uuid`;
    const [row] = await db.$queryRaw<{ summary: string }[]>`SELECT summary FROM case_record WHERE id = ${c.id}::uuid`;
    const stored = [...notes.map((n) => n.body), row!.summary];
    expect(stored).toHaveLength(3);
    for (const value of stored) {
      expect(value).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
      expect(value).not.toContain('Synthetic');
    }
    // The field name is bound in: a note's ciphertext does not open as a summary.
    expect(() => testKeyring.decrypt(notes[0]!.body, 'case.summary')).toThrow();

    const page = await caller.cases.get({ id: c.id });
    expect(page.summary?.text).toBe(summary);
    expect(page.notes!.items.map((n) => n.body).sort()).toEqual([note, consent].sort());
    const [leaks] = await db.$queryRaw<{ n: bigint }[]>`
      SELECT (SELECT count(*) FROM case_event WHERE data::text LIKE '%Synthetic%')
           + (SELECT count(*) FROM audit_event WHERE detail::text LIKE '%Synthetic%') AS n`;
    expect(leaks!.n).toBe(0n);
  });
});
