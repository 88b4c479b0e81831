import { allProcedures, inAccountFile } from './harness.js';
import { fuzzFile } from './world.js';

// Every other namespace: people, referrals and whatever module is mounted next.
await fuzzFile(
  'casework',
  allProcedures().filter((p) => !inAccountFile(p) && !p.path.startsWith('cases.')),
);
