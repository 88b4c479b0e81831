import { walk } from './walk.js';

// The matrix rows of cases.* (see matrix.ts and walk.ts).
walk('cases');
