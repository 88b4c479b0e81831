import { existsSync } from 'node:fs';
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

/** Launches headless Chromium from whichever source is there; `args` are added to CHROMIUM_ARGS. */
export async function launchChromium(args: readonly string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: await chromiumPath(), args: [...CHROMIUM_ARGS, ...args] });
}
