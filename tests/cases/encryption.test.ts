import { describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { openStored } from '../helpers/crypto.js';
import { makeTown } from '../helpers/factories.js';
import { callerFor } from '../helpers/callers.js';
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
      expect(value).toMatch(/^k1\.[\w-]+\.[\w-]+\.[\w-]+\.[\w-]+$/);
      expect(value).not.toContain('Synthetic');
    }
    // The field and row are bound in: a note's ciphertext does not open as the summary, nor copied onto the summary's row.
    await expect(openStored(db, `case.summary/${c.id}`, notes[0]!.body)).rejects.toThrow();
    await db.$executeRaw`UPDATE case_record SET summary = (SELECT body FROM case_note WHERE case_id = ${c.id}::uuid LIMIT 1) WHERE id = ${c.id}::uuid`;
    await expect(caller.cases.get({ id: c.id })).rejects.toBeDefined();
    await db.$executeRaw`UPDATE case_record SET summary = ${row!.summary} WHERE id = ${c.id}::uuid`;

    const page = await caller.cases.get({ id: c.id });
    expect(page.summary?.text).toBe(summary);
    expect(page.notes!.items.map((n) => n.body).sort()).toEqual([note, consent].sort());
    const [leaks] = await db.$queryRaw<{ n: bigint }[]>`
      SELECT (SELECT count(*) FROM case_event WHERE data::text LIKE '%Synthetic%')
           + (SELECT count(*) FROM audit_event WHERE detail::text LIKE '%Synthetic%') AS n`;
    expect(leaks!.n).toBe(0n);
  });
});
