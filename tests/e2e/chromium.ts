import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, where the package is installed. */
const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Where the browser tests' Chromium comes from: Debian's when installed, else the one that
 * @sparticuz/chromium ships inside its npm package (unpacked into the temp folder on first use), so a
 * fresh machine needs nothing but `npm ci`. JISR_CHROMIUM=bundled forces the packaged one.
 */
export function chromiumSource(env: NodeJS.ProcessEnv = process.env): 'debian' | 'bundled' {
  return env.JISR_CHROMIUM !== 'bundled' && existsSync(DEBIAN_CHROMIUM) ? 'debian' : 'bundled';
}

/** The Chromium executable from whichever source is there (the bench's Lighthouse run uses it too). */
export async function chromiumPath(): Promise<string> {
  if (chromiumSource() === 'debian') return DEBIAN_CHROMIUM;
  const { default: packaged } = await import('@sparticuz/chromium');
  return packaged.executablePath();
}

/** The shared libraries `ldd` could not find for a program (its "name => not found" lines). */
export function missingLibraries(lddOutput: string): string[] {
  return [...lddOutput.matchAll(/^\s*(\S+) => not found/gm)].map((m) => m[1]!);
}

/**
 * The library path the packaged Chromium needs, if any. It links against NSS and NSPR, which a base
 * system may lack (they often come with a desktop or Debian's Chromium): then the copies the package
 * carries (built for Amazon Linux 2023, where it unpacks them itself) are unpacked and put first.
 * JISR_CHROMIUM_LIBS=bundled uses them whatever the system has.
 */
export async function packagedLibraryPath(executable: string, env: NodeJS.ProcessEnv = process.env): Promise<string | null> {
  if (env.JISR_CHROMIUM_LIBS !== 'bundled') {
    const { stdout } = await promisify(execFile)('ldd', [executable]).catch(() => ({ stdout: '' }));
    if (missingLibraries(stdout).length === 0) return null;
  }
  const { inflate } = await import('@sparticuz/chromium');
  const bin = join(dirname(createRequire(import.meta.url).resolve('@sparticuz/chromium')), '..', 'bin');
  const lib = join(await inflate(join(bin, 'al2023.tar.br')), 'lib');
  return [lib, env.LD_LIBRARY_PATH].filter(Boolean).join(':');
}

/** Launches headless Chromium from whichever source is there; `args` are added to CHROMIUM_ARGS. */
export async function launchChromium(args: readonly string[] = []): Promise<Browser> {
  const executablePath = await chromiumPath();
  const libraries = chromiumSource() === 'bundled' ? await packagedLibraryPath(executablePath) : null;
  return chromium.launch({
    executablePath,
    args: [...CHROMIUM_ARGS, ...args],
    ...(libraries ? { env: { ...process.env, LD_LIBRARY_PATH: libraries } } : {}),
  });
}
