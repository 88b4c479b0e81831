/**
 * `npm run bench [-- --quick]`: the scale benchmark of issue 5. Uses DATABASE_URL (with
 * JISR_DATA_KEY) when set, else an embedded PostgreSQL under .data/bench; loads the scale data
 * when absent; prints a table and writes bench/results/<timestamp>-<mode>.{json,md} and latest.md.
 */
import { parseArgs } from 'node:util';
import { runBench } from './bench.js';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, out: { type: 'string' } } });
const result = await runBench({
  quick: values.quick!,
  url: process.env.DATABASE_URL,
  keySpec: process.env.JISR_DATA_KEY,
  dataDir: process.env.JISR_DATA_DIR ?? '.data',
  outDir: values.out,
});
const missed = result.targets.filter((t) => !t.met);
console.log(missed.length ? `Targets missed: ${missed.map((t) => t.name).join('; ')}` : 'Every target met.');
process.exit(0);
