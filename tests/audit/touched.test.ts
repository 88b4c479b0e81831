import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { testDb } from '../helpers/db.js';

const { url } = await testDb();

/** The records audit_event_touched() derives from an event (what the access history links), sorted. */
async function touched(type: string | null, id: string | null, detail: unknown) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ entity_type: string; entity_id: string }>(
      'SELECT entity_type, entity_id::text FROM audit_event_touched($1, $2, $3::jsonb) ORDER BY 1, 2',
      [type, id, detail === undefined ? null : JSON.stringify(detail)],
    );
    return rows.map((r) => `${r.entity_type} ${r.entity_id}`);
  } finally {
    await client.end();
  }
}

const A = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const B = 'f0e1d2c3-b4a5-4968-8776-655443322110';

describe('the records an audit event touched (the access history links)', () => {
  it('are its own record and the ids listed under touched, once each, for the kinds with a history', async () => {
    expect(await touched('Case', A, { touched: { Case: [A, B, B], Person: [B], Referral: [A] } })).toEqual([
      `Case ${A}`,
      `Case ${B}`,
      `Person ${B}`,
      `Referral ${A}`,
    ]);
    expect(await touched('Case', null, { touched: { Case: [B] } })).toEqual([`Case ${B}`]);
    // Upper-case digits are the same id, written as PostgreSQL writes it.
    expect(await touched('Person', A.toUpperCase(), null)).toEqual([`Person ${A}`]);
  });

  it('leave out kinds without a history and anything that is not an id in the 8-4-4-4-12 form', async () => {
    const odd = [
      `{${A}}`, // braces
      A.replaceAll('-', ''), // no hyphens
      `${A.slice(0, 8)}${A.slice(9, 13)}-${A.slice(13)}-0`, // hyphens elsewhere, same length
      `${A.slice(0, 35)}g`, // a letter that is not a hex digit
      `${A.slice(0, 35)}٩`, // an Arabic-Indic digit
      `${A}0`, // too long
      A.slice(1), // too short
      ` ${A.slice(1)}`, // padded
      7,
      null,
      { id: A },
      [A],
    ];
    expect(await touched('Case', 'not-an-id', { touched: { Case: odd, Person: odd, Agency: [A], Referral: A } })).toEqual([]);
    expect(await touched('AuditEvent', A, { touched: 'everything' })).toEqual([]);
    expect(await touched(null, null, [A])).toEqual([]);
    expect(await touched('Case', A, undefined)).toEqual([`Case ${A}`]);
  });
});
