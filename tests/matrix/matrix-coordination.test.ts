import { walk } from './walk.js';

// The matrix rows of assessments.* and meetings.* (see matrix.ts and walk.ts).
walk('coordination');
