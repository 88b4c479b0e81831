/**
 * `npx tsx bench/lighthouse-run.ts [--runs 3] [--pages sign-in,home,case] [--data /tmp/jisr-lighthouse]`: the
 * Lighthouse part of `npm run bench` alone (bench/lighthouse.ts), on the quick scale data in a database
 * of its own, each page scored `runs` times, with the median. Scores move with the machine's load: on a
 * shared machine, compare medians of the same number of runs.
 */
import { parseArgs } from 'node:util';
import { scaleAccounts, SCALE_PASSWORD } from '../src/seed/scale/seed.js';
import { openBenchDatabase, QUICK } from './db.js';
import { signIn, startServer } from './client.js';
import { measureLighthouse, type LighthousePage } from './lighthouse.js';
import { median } from './measure.js';
import pg from 'pg';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    pages: { type: 'string', default: 'sign-in,home,case' },
    data: { type: 'string', default: '/tmp/jisr-lighthouse' },
  },
});
const log = (l: string) => console.log(l);
const database = await openBenchDatabase(QUICK, { dataDir: values.data!, log });
const server = await startServer({ url: database.url, keySpec: database.keySpec, municipalityId: database.town.id });
try {
  const cookie = await signIn(server.base, scaleAccounts(0).coordinator, SCALE_PASSWORD);
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const { rows } = await client.query('SELECT id FROM case_record WHERE municipality_id = $1 ORDER BY id LIMIT 1', [database.town.id]);
  await client.end();
  const all = [
    { name: 'sign-in', path: '/sign-in' },
    { name: 'home', path: '/', cookie },
    { name: 'case', path: `/cases/${rows[0].id}`, cookie },
  ];
  const wanted = all.filter((p) => values.pages!.split(',').includes(p.name));
  const runs: LighthousePage[][] = [];
  for (let i = 0; i < Number(values.runs); i++) {
    runs.push(await measureLighthouse(server.base, wanted));
    for (const p of runs.at(-1)!)
      log(
        `run ${i + 1} ${p.name}: a11y ${p.accessibility} perf ${p.performance} ${JSON.stringify(p.metrics)} failing ${p.failing.join(',')}`,
      );
  }
  for (const p of wanted) {
    const of = runs.map((r) => r.find((x) => x.name === p.name)!);
    const perf = of.map((x) => x.performance ?? 0);
    log(`${p.name}: performance median ${median(perf)} (${perf.join(', ')}), accessibility ${of.map((x) => x.accessibility).join(', ')}`);
  }
} finally {
  await server.stop();
  await database.stop();
}
