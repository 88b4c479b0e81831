import { allProcedures } from './harness.js';
import { fuzzFile } from './world.js';

// Cases, notes, the case team and the support plan.
await fuzzFile(
  'cases',
  allProcedures().filter((p) => p.path.startsWith('cases.')),
);
