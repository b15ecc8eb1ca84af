import { chromium, type Browser } from 'playwright-core';
import { browserPath } from '../../build/preflight/find-browser.mjs';
import type { Locale } from '../../shared/domain/profile';
import { intlTag } from '../../shared/i18n/dates';

/**
 * The browser found by build/preflight/find-browser.mjs: BRO_CHROMIUM, else chromium/google-chrome
 * on PATH, else the usual macOS/Windows places, else Playwright's own installed Chromium. Throws a
 * one-line message naming what to install when there is none.
 */
export const CHROMIUM_PATH: string = browserPath();

export interface SandboxContext {
  /** The effective user id (undefined on Windows). */
  uid: number | undefined;
  env: Record<string, string | undefined>;
  /** Test runs (Playwright's config) may run unsandboxed as root, like CI containers. */
  forTests: boolean;
}

export type SandboxDecision = { sandbox: true } | { sandbox: false; reason: 'root-in-ci' } | { refuse: 'root' };

/**
 * Chromium's sandbox stays on. Chromium itself refuses to start sandboxed as root, which is how CI
 * containers and this test machine run, so there (and only there: root, and either a test run or
 * `CI` set) it runs with `--no-sandbox`. A person starting the browser shell as root outside CI is
 * told to start it as a normal user instead of getting a silently unsandboxed browser.
 */
export function decideSandbox(context: SandboxContext): SandboxDecision {
  if (context.uid !== 0) return { sandbox: true };
  if (context.forTests || (context.env.CI ?? '') !== '') return { sandbox: false, reason: 'root-in-ci' };
  return { refuse: 'root' };
}

export function currentSandboxContext(forTests: boolean): SandboxContext {
  return { uid: process.getuid?.(), env: process.env, forTests };
}

/**
 * Flags for a Chromium that stays off the network: without the background-networking ones it keeps
 * trying (and failing) to reach Google's services. `--headless` only when no window is wanted;
 * Playwright adds it too, the duplicate is harmless and keeps the list honest.
 */
export function chromiumArgs(headless: boolean, sandbox: boolean): string[] {
  return [
    ...(headless ? ['--headless'] : []),
    ...(sandbox ? [] : ['--no-sandbox']),
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}

/**
 * Chromium's language from the saved UI language, as the Electron shell sets it (main/app/ui-language.ts):
 * the `--lang` switch for what Chromium draws itself, and the page's locale (navigator.language,
 * Accept-Language) for the context. Bro's date fields follow the UI language whatever these say.
 */
export function languageSettings(locale: Locale): { args: string[]; locale: string } {
  const tag = intlTag(locale);
  return { args: [`--lang=${tag}`], locale: tag };
}

/** Plain `launch`: a fresh temp profile per browser, removed on close; DevTools are never opened. */
export function launchChromium(options: {
  headless: boolean;
  sandbox: boolean;
  extraArgs?: string[];
}): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: options.headless,
    chromiumSandbox: options.sandbox,
    args: [...chromiumArgs(options.headless, options.sandbox), ...(options.extraArgs ?? [])],
  });
}
