// After `npm ci`: a development install generates the Prisma client and builds the web app, so `npm start`
// and `npm test` begin at once. A production install (`npm ci --omit=dev`) has no Vite or tsx and needs
// neither: the image build made dist/ (with the client compiled in) and web/dist. (npm may still bring the
// Prisma CLI there, as @prisma/client's optional peer: so all three are looked for, not one.)
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const devInstall = existsSync('node_modules/prisma') && existsSync('node_modules/vite') && existsSync('node_modules/tsx');
if (!devInstall) {
  console.log('jisr: production install (no dev dependencies): nothing to generate or build.');
  process.exit(0);
}
for (const [command, ...args] of [
  ['prisma', 'generate'],
  ['tsx', 'scripts/ensure-web.ts'],
]) {
  const run = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
