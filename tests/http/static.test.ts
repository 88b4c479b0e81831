import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { testDb } from '../helpers/db.js';
import { makeTestApp } from '../helpers/http.js';

// A small built front end of our own: a page, a hashed asset with its compressed siblings, a tiny one without.
const root = await mkdtemp(join(tmpdir(), 'jisr-web-'));
const page = '<!doctype html><html><head><script type="module" src="/assets/index-abc123.js"></script></head><body></body></html>';
const script = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `word${i % 17}`))};\n`;
await mkdir(join(root, 'assets'));
await writeFile(join(root, 'index.html'), page);
await writeFile(join(root, 'assets', 'index-abc123.js'), script);
await writeFile(join(root, 'assets', 'index-abc123.js.gz'), gzipSync(script));
await writeFile(join(root, 'assets', 'index-abc123.js.br'), brotliCompressSync(script));
await writeFile(join(root, 'assets', 'tiny-def456.js'), 'export {};\n');

const { db } = await testDb();
const { app } = await makeTestApp(db, { webRoot: root });
afterAll(async () => {
  await app.close();
  await rm(root, { recursive: true, force: true });
});

const get = (url: string, acceptEncoding?: string) =>
  app.inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

describe('the front end as served', () => {
  it('sends the brotli file to a browser that takes it, gzip to one that takes only gzip, the plain file otherwise', async () => {
    const br = await get('/assets/index-abc123.js', 'gzip, deflate, br');
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script);
    expect(br.rawPayload.length).toBeLessThan(script.length / 4);

    const gz = await get('/assets/index-abc123.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script);

    const plain = await get('/assets/index-abc123.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
    // A file without compressed siblings is sent as it is, whatever the browser takes.
    const tiny = await get('/assets/tiny-def456.js', 'br, gzip');
    expect(tiny.statusCode).toBe(200);
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.body).toBe('export {};\n');
  });

  it('lets browsers keep hashed assets for a year and asks again for the page, also on a client-side route', async () => {
    expect((await get('/assets/index-abc123.js', 'br')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await get('/assets/tiny-def456.js')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const url of ['/', '/cases/some-case']) {
      const res = await get(url, 'br, gzip');
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toBe(page);
    }
  });

  it('gives the compressed siblings no route of their own: they are only ever the script, chosen by Accept-Encoding', async () => {
    for (const url of ['/assets/index-abc123.js.br', '/assets/index-abc123.js.gz'])
      expect((await get(url, 'br, gzip')).statusCode).toBe(404);
  });
});

describe('the build (web/dist, built by npm test)', () => {
  it('writes a .br and a .gz beside every script and stylesheet of a kilobyte or more, each decoding to the file', async () => {
    expect(existsSync('web/dist/index.html')).toBe(true);
    const assets = await readdir('web/dist/assets');
    const big = [];
    for (const name of assets.filter((n) => /\.(js|css)$/.test(n))) {
      const body = await readFile(join('web/dist/assets', name));
      if (body.length < 1024) continue;
      big.push(name);
      expect(brotliDecompressSync(await readFile(join('web/dist/assets', `${name}.br`))).equals(body)).toBe(true);
      expect(gunzipSync(await readFile(join('web/dist/assets', `${name}.gz`))).equals(body)).toBe(true);
    }
    expect(big.length).toBeGreaterThan(5);
    // The manifest the benchmark reads to weigh the first page.
    const manifest = JSON.parse(await readFile('web/dist/.vite/manifest.json', 'utf8')) as Record<
      string,
      { file: string; isEntry?: boolean }
    >;
    expect(manifest['index.html']).toMatchObject({ isEntry: true, file: expect.stringMatching(/^assets\/index-.+\.js$/) });
  });
});
