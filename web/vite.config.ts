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
    // The entry's own imports are preloaded from index.html (the browser's preload scanner, before any
    // script runs). Vite's helper also preloaded every dependency of each dynamic import by appending a
    // <link rel=modulepreload> from script, one per chunk, on the main thread: on the case page its sections
    // appended ~70, and those appends were a good part of its long tasks (Lighthouse's total blocking
    // time). A lazily loaded chunk now fetches its own imports when it arrives.
    modulePreload: { resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : []) },
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
