import { existsSync, readFileSync } from 'node:fs';
import { brotliCompressSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dist = fileURLToPath(new URL('../../web/dist/', import.meta.url));

interface Chunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
}

/** The build's manifest (web/dist/.vite/manifest.json): each module's chunk, what it imports and what it loads later. */
function manifest(): Record<string, Chunk> {
  const path = `${dist}.vite/manifest.json`;
  if (!existsSync(path)) throw new Error('web/dist is missing: run `npm test` (it builds the web app) or `npm run build:web`.');
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** Every module a chunk needs before it runs: its static imports, theirs, and so on. */
function needed(m: Record<string, Chunk>, key: string, seen = new Set<string>()): Set<string> {
  for (const dep of m[key]?.imports ?? []) if (!seen.has(dep)) seen.add(dep), needed(m, dep, seen);
  return seen;
}

const SECTIONS = [
  'src/features/cases/ContactSection.tsx',
  'src/features/cases/HouseholdSection.tsx',
  'src/features/cases/NotesSection.tsx',
  'src/features/cases/PlanSection.tsx',
  'src/features/cases/TeamSection.tsx',
  'src/features/cases/Timeline.tsx',
  'src/features/cases/WorkflowPanel.tsx',
  'src/features/consent/ConsentSection.tsx',
  'src/features/onward/OnwardSection.tsx',
  'src/features/assessments/AssessmentsSection.tsx',
  'src/features/retention/HoldSection.tsx',
];

// Issue 15: Lighthouse performance ≥ 95 on the case page. Its first screen is the header and the
// summary; the sections below come after it is painted (components/Deferred), each a chunk of its own.
describe("the case page's first chunk", () => {
  it('holds the header and summary only: every section below is loaded later, in a chunk of its own', () => {
    const m = manifest();
    const page = 'src/features/cases/CasePage.tsx';
    expect(m[page], 'the case page is a chunk of its own').toBeDefined();
    for (const section of SECTIONS) {
      expect(m[page]!.dynamicImports ?? [], `${section} is loaded after the first screen`).toContain(section);
      const sectionFile = m[section]!.file;
      const first = [...needed(m, page)].map((k) => m[k]?.file);
      expect(first, `${section} is not in what the first screen loads`).not.toContain(sectionFile);
      expect(m[page]!.file).not.toBe(sectionFile);
    }
    // Its own code stays small (it was 75 kB, 18 kB brotli, with every section in it).
    const size = brotliCompressSync(readFileSync(`${dist}${m[page]!.file}`)).length;
    expect(size).toBeLessThan(8_000);
  });
});
