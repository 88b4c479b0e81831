import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

// Run from the repository root: `vite build --config web/vite.config.ts`.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [solid()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The CSP allows no inline code: keep every asset a file, however small.
    assetsInlineLimit: 0,
  },
  server: {
    proxy: { '/trpc': 'http://127.0.0.1:3000' },
  },
});
