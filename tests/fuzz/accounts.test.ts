import { allProcedures, inAccountFile } from './harness.js';
import { fuzzFile } from './world.js';

// Sign-in, sessions, agencies, users and the audit log.
await fuzzFile('accounts', allProcedures().filter(inAccountFile));
