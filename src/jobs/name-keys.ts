import type { Db } from '../db.js';
import { systemClock, type Clock } from '../lib/clock.js';
import { AuditTrail, type AuditBase } from '../audit/writer.js';
import { personKeys } from '../modules/people/names.js';
import { NAME_KEYS_LOCK_KEY, type Job } from './runner.js';

/**
 * The version of the name keys (person.latin_key, person.skeleton) that src/modules/people/names.ts
 * computes. When the way keys are made changes, bump it here and, in a migration, the default of
 * municipality.name_key_version: the job below then re-keys the people stored under the old way, so
 * `people.match` finds them as namesakes again. Version 2: a final ح (and a Latin h after a vowel) is
 * kept in the skeleton (صلاح → slh, not sl).
 */
export const NAME_KEY_VERSION = 2;
const BATCH = 2_000;

export interface RekeyResult {
  municipalities: number;
  people: number;
  changed: number;
}

/**
 * Re-keys one municipality's people in batches (keyset by id), writing only the keys that differ, then
 * records the version and an audit event (system actor, counts only) in one transaction. Idempotent:
 * a turn cut off half-way leaves correct keys behind and the next turn goes over them again.
 */
async function rekeyMunicipality(db: Db, municipalityId: string, clock: Clock) {
  let after = '00000000-0000-0000-0000-000000000000';
  let people = 0;
  let changed = 0;
  for (;;) {
    const rows = await db.person.findMany({
      where: { municipalityId, id: { gt: after } },
      select: { id: true, nameArabic: true, nameLatin: true, latinKey: true, skeleton: true },
      orderBy: { id: 'asc' },
      take: BATCH,
    });
    if (rows.length === 0) break;
    after = rows.at(-1)!.id;
    people += rows.length;
    const stale = rows.flatMap((p) => {
      const keys = personKeys(p);
      return keys.latinKey === p.latinKey && keys.skeleton === p.skeleton ? [] : [{ id: p.id, ...keys }];
    });
    if (stale.length === 0) continue;
    changed += await db.$executeRaw`
      UPDATE person p SET latin_key = t.latin_key, skeleton = t.skeleton
        FROM unnest(${stale.map((s) => s.id)}::uuid[], ${stale.map((s) => s.latinKey)}::text[], ${stale.map((s) => s.skeleton)}::text[])
             AS t(id, latin_key, skeleton)
       WHERE p.id = t.id AND p.municipality_id = ${municipalityId}::uuid`;
  }
  await db.$transaction(async (tx) => {
    await tx.municipality.update({ where: { id: municipalityId }, data: { nameKeyVersion: NAME_KEY_VERSION }, select: { id: true } });
    const base: AuditBase = { municipalityId, actorId: null, actorRole: null, requestId: 'job:name-keys', ip: null };
    const audit = new AuditTrail(base, clock);
    audit.record({ action: 'people.rekey', entityType: 'Person', detail: { version: NAME_KEY_VERSION, people, changed } });
    await audit.flush(tx);
  });
  return { people, changed };
}

/** Every municipality whose people were keyed by an older version, in turn. */
export async function rekeyPeople(db: Db, clock: Clock = systemClock): Promise<RekeyResult> {
  const stale = await db.municipality.findMany({
    where: { nameKeyVersion: { lt: NAME_KEY_VERSION } },
    select: { id: true },
    orderBy: { id: 'asc' },
  });
  const total: RekeyResult = { municipalities: stale.length, people: 0, changed: 0 };
  for (const m of stale) {
    const r = await rekeyMunicipality(db, m.id, clock);
    total.people += r.people;
    total.changed += r.changed;
  }
  return total;
}

/** The re-key as a job: at start (where it finds work only after an upgrade), then every six hours. */
export function nameKeysJob(db: Db, opts: { clock?: Clock; onRun?: (r: RekeyResult) => void } = {}): Job<RekeyResult> {
  return {
    name: 'name keys',
    everyMs: 6 * 60 * 60_000,
    lockKey: NAME_KEYS_LOCK_KEY,
    run: () => rekeyPeople(db, opts.clock),
    onRun: opts.onRun,
  };
}
