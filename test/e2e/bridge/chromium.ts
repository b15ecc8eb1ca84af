import { chromium, type Browser } from 'playwright-core';
import { browserPath } from '../../../build/preflight/find-browser.mjs';

/**
 * The browser found by build/preflight/find-browser.mjs: BRO_CHROMIUM, else chromium/google-chrome
 * on PATH, else the usual macOS/Windows places, else Playwright's own installed Chromium. Throws a
 * one-line message naming what to install when there is none.
 */
export const CHROMIUM_PATH: string = browserPath();

/**
 * Flags for a Chromium that stays off the network: without the background-networking ones it keeps
 * trying (and failing) to reach Google's services. `--headless` only when no window is wanted;
 * Playwright adds it too, the duplicate is harmless and keeps the list honest.
 */
export function chromiumArgs(headless: boolean): string[] {
  return [
    ...(headless ? ['--headless'] : []),
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}

/** Plain `launch`: Playwright gives each browser a fresh temp user-data dir and removes it on close. */
export function launchChromium(options: { headless: boolean; extraArgs?: string[] }): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: options.headless,
    args: [...chromiumArgs(options.headless), ...(options.extraArgs ?? [])],
  });
}
