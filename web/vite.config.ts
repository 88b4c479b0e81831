import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';
import { precompress } from './precompress.ts';
import { splitDictionaries } from './split-dictionaries.ts';

// Run from the repository root: `vite build --config web/vite.config.ts`.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [splitDictionaries(), solid(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The CSP allows no inline code: keep every asset a file, however small.
    assetsInlineLimit: 0,
    // dist/.vite/manifest.json: which chunks the first page loads (the benchmark weighs them); not served.
    manifest: true,
    rollupOptions: {
      // @trpc/client's modules only define things (its package.json does not say so): without this, its
      // index keeps the WebSocket link and client the app never uses in the first page's JavaScript.
      treeshake: { moduleSideEffects: (id: string) => !/[\\/]node_modules[\\/]@trpc[\\/]client[\\/]/.test(id) },
    },
  },
  server: {
    proxy: { '/trpc': 'http://127.0.0.1:3000' },
  },
});
