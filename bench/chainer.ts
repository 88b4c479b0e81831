/**
 * `tsx bench/chainer.ts [--people N] [--connections C] [--seconds S] [--rounds R]`: the audit append of a
 * call that commits on its own, the two ways (issue 17), with no HTTP and no JavaScript around them:
 * audit_append() (the chain head locked until the commit reaches the disk, as before) against
 * audit_stage() and the shared link (src/audit/chainer.ts). One event per call, C calls at a time, on
 * the bench database of N people (loaded when absent: bench/db.ts). Prints each round's figures.
 */
import { parseArgs } from 'node:util';
import { openBenchDatabase } from './db.js';
import { loopRun, round } from './measure.js';
import { createDb } from '../src/db.js';
import { linkStaged } from '../src/audit/chainer.js';
import { contentDigest, type EventContent } from '../src/audit/hash.js';
import { canonicalJson } from '../src/lib/canonical-json.js';

const { values } = parseArgs({
  options: {
    people: { type: 'string', default: '100000' },
    connections: { type: 'string', default: '4' },
    seconds: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '3' },
  },
});
const people = Number(values.people);
const connections = Number(values.connections);
const sizes = { people, cases: Math.round(people / 10), audit: people, municipalities: 1, seed: 1 };
const database = await openBenchDatabase(sizes, { dataDir: process.env.JISR_DATA_DIR ?? '.data', log: (l) => console.log(l) });
const { db, pool, close } = createDb({ url: database.url, poolMax: connections + 2 });
const town = database.town.id;

/** One event as the writer sends it (a case list's, say). */
const event = () => {
  const content: EventContent = {
    chain: town,
    at: new Date(),
    municipalityId: town,
    actorId: null,
    actorRole: null,
    action: 'case.list',
    entityType: 'Case',
    entityId: null,
    outcome: 'allowed',
    purpose: null,
    requestId: 'bench-chainer',
    ip: null,
    detail: { count: 50 },
  };
  return canonicalJson([{ ...content, digest: contentDigest(content) }]);
};

try {
  for (let r = 0; r < Number(values.rounds); r++) {
    const seconds = Number(values.seconds);
    const append = await loopRun(() => pool.query('SELECT audit_append($1::jsonb)', [event()]), connections, seconds);
    const staged = await loopRun(
      async () => {
        await pool.query('SELECT audit_stage($1::jsonb)', [event()]);
        await linkStaged(db);
      },
      connections,
      seconds,
    );
    console.log(
      `${connections} at a time: audit_append ${Math.round(append.rps)}/s (p50 ${round(append.p50)} ms, p99 ${round(append.p99)} ms); ` +
        `stage + link ${Math.round(staged.rps)}/s (p50 ${round(staged.p50)} ms, p99 ${round(staged.p99)} ms); ` +
        `${round(staged.rps / append.rps)}×`,
    );
  }
  const left = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_pending');
  console.log(`left staged: ${left.rows[0]!.n}`);
} finally {
  await close();
  await database.stop();
}
process.exit(0);
