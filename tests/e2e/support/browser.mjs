// Launches Debian's Chromium headless through playwright-core (no browser download).
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Chromium with a profile kept in `dir`, as a person's browser has (not incognito): what
 * an installability check needs. Resolves to a browser context. */
export async function launchPersistent(dir) {
  return chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, headless: true, args: ARGS });
}

/** Headless Chromium with a fresh temporary profile (Playwright makes one per launch),
 * quiet on a closed network. `extraArgs` add switches (benchmarks expose the GC). */
export async function launch(extraArgs = []) {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...ARGS, ...extraArgs],
  });
}
