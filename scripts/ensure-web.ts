/**
 * Builds the web app when web/dist is missing or older than any source under web/, and otherwise
 * does nothing: `npm ci` builds it once (postinstall), so `npm start` and `npm test` start at once.
 */
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const OUTPUT = 'web/dist/index.html';

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const stale = !existsSync(OUTPUT) || statSync(OUTPUT).mtimeMs < newestSource('web');
if (stale) {
  const started = Date.now();
  // Loaded only to build: `npm start` runs the app in this process (scripts/start.ts).
  const { build } = await import('vite');
  await build({ configFile: 'web/vite.config.ts', logLevel: 'warn' });
  console.log(`Built the web app in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}
