import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const gzipFile = promisify(gzip);
const brotliFile = promisify(brotliCompress);

/** What is worth compressing: text, at least a kilobyte (smaller files gain less than their headers). */
const TEXT = /\.(js|css|html|svg|json|txt)$/;
const MIN_BYTES = 1024;

async function* files(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (TEXT.test(entry.name)) yield path;
  }
}

/**
 * Writes a `.br` and a `.gz` beside each built text file, at the strongest settings (it happens once per
 * build): the server sends them as they are (@fastify/static's preCompressed) to a browser that accepts
 * them, so nothing is compressed per request.
 */
export function precompress(): Plugin {
  return {
    name: 'jisr-precompress',
    apply: 'build',
    async writeBundle(options) {
      if (!options.dir) return;
      for await (const path of files(options.dir)) {
        if ((await stat(path)).size < MIN_BYTES) continue;
        const body = await readFile(path);
        await writeFile(`${path}.gz`, await gzipFile(body, { level: 9 }));
        await writeFile(
          `${path}.br`,
          await brotliFile(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
        );
      }
    },
  };
}
