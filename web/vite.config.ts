import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';
import { precompress } from './precompress.ts';

// Run from the repository root: `vite build --config web/vite.config.ts`.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [solid(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The CSP allows no inline code: keep every asset a file, however small.
    assetsInlineLimit: 0,
    // dist/.vite/manifest.json: which chunks the first page loads (the benchmark weighs them); not served.
    manifest: true,
  },
  server: {
    proxy: { '/trpc': 'http://127.0.0.1:3000' },
  },
});
