import { existsSync, readFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dist = fileURLToPath(new URL('../../web/dist/', import.meta.url));

interface Chunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}

/** The build's manifest (web/dist/.vite/manifest.json). */
function manifest(): Record<string, Chunk> {
  const path = `${dist}.vite/manifest.json`;
  if (!existsSync(path)) throw new Error('web/dist is missing: run `npm test` (it builds the web app) or `npm run build:web`.');
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** The files a module needs before it runs: its chunk, its static imports, theirs, and so on. */
function closure(m: Record<string, Chunk>, key: string, into = new Set<string>()): Set<string> {
  const chunk = m[key];
  if (!chunk || into.has(chunk.file)) return into;
  into.add(chunk.file);
  for (const next of chunk.imports ?? []) closure(m, next, into);
  return into;
}

/** Bytes after brotli at its strongest setting (node:zlib), as bench/startup.ts weighs them. */
const brotli = (files: Iterable<string>) =>
  [...files].reduce(
    (sum, file) => sum + brotliCompressSync(readFileSync(`${dist}${file}`), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    0,
  );

const LANGUAGES = ['ar', 'fr', 'en'] as const;

// Issue 15 / DESIGN.md: the first page's JavaScript is at most 60 kB brotli. What the sign-in page
// loads: the entry, every chunk it imports statically, and its language's dictionary (the heaviest of
// the three is counted, as bench/startup.ts does).
describe("the first page's JavaScript", () => {
  const m = manifest();
  const entries = Object.keys(m).filter((key) => m[key]!.isEntry);
  const first = new Set<string>();
  for (const key of entries) closure(m, key, first);
  const dictionaries = LANGUAGES.map((l) => {
    const files = [...closure(m, `src/i18n/${l}.ts`)].filter((f) => !first.has(f));
    return { l, files, bytes: brotli(files) };
  });

  it('is at most 60 kB brotli: the entry, its static imports and the heaviest dictionary', () => {
    expect(entries).toHaveLength(1);
    const heaviest = Math.max(...dictionaries.map((d) => d.bytes));
    const total = brotli(first) + heaviest;
    expect(total, `first page ${(total / 1000).toFixed(1)} kB brotli`).toBeLessThanOrEqual(60_000);
    // A first page that lost its code (a broken build) would pass the limit too.
    expect(brotli(first)).toBeGreaterThan(15_000);
  });

  it("carries no dictionary statically: each language is a chunk of its own, fetched alone, without the areas' words", () => {
    for (const d of dictionaries) {
      expect(m[`src/i18n/${d.l}.ts`], `${d.l} is a chunk of its own`).toBeDefined();
      expect(first, `${d.l} is not in the entry's static imports`).not.toContain(m[`src/i18n/${d.l}.ts`]!.file);
      expect(d.bytes, `${d.l}'s first words are small`).toBeLessThan(12_000);
      // Another language's dictionary never comes with this one.
      for (const other of LANGUAGES.filter((l) => l !== d.l)) expect(d.files).not.toContain(m[`src/i18n/${other}.ts`]!.file);
    }
    // The areas' words (web/split-dictionaries.ts) are not among the first page's files either.
    const areas = Object.keys(m).filter((key) => key.includes('virtual:jisr-areas'));
    expect(areas.length).toBe(LANGUAGES.length);
    for (const key of areas) {
      expect(first).not.toContain(m[key]!.file);
      for (const d of dictionaries) expect(d.files).not.toContain(m[key]!.file);
    }
  });
});
