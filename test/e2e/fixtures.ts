import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Page } from '@playwright/test';
import { createConfPrefsStore } from '../../main/prefs/conf-prefs-store';
import { createApp, type BroApp } from '../../main/services/registry';
import type { KdfCost } from '../../main/vault/kdf';
import { AnsweringDialogs } from './support/answering-dialogs';
import { attachBridge, DEFAULT_RENDERER_DIR, INDEX_URL, type Bridge } from '../../main/browser-shell/bridge';
import { removeTree } from '../support/temp-dir';
import { integrityChecksSettled } from '../../main/vault/vault-health';
import { dueFactsMismatches } from '../../main/db/repositories/due-facts-repo';

export { expect } from '@playwright/test';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SCREENS_DIR = join(REPO_ROOT, 'test-results', 'screens');

/** A fictional passphrase that passes the policy. */
export const PASSPHRASE = 'Fiktiv-hvelv-passord-2026';
export const WRONG_PASSPHRASE = 'Et helt annet passord 4711';

export interface BroFixtures {
  /** The built renderer folder to serve; override with `test.use` to serve a page of your own. */
  rendererDir: string;
  /** scrypt cost for vaults made in the test; undefined means the production cost. */
  kdfCost: KdfCost | undefined;
  /** A fresh temp folder per test holding `vault/` and `prefs/`, removed afterwards. */
  dirs: { root: string; vaultDir: string; prefsDir: string };
  /**
   * The shell's file dialogs, answered by the test the way Playwright answers an OS picker: queue a
   * path with `saveAs`/`open` before the click; with nothing queued the dialog is cancelled.
   */
  fileDialogs: AnsweringDialogs;
  /** The real app (router, vault session, auto-lock) over `dirs`, disposed after the test. */
  app: BroApp;
  /** The bridge between the page and `app`; `bridge.blocked` lists refused foreign requests. */
  bridge: Bridge;
  /** Uncaught page errors and console errors, for asserting a clean run. */
  pageErrors: string[];
  /**
   * Saves a full-page PNG to test-results/screens/<name>.png and returns its path. (Not called
   * `screenshot`: Playwright already has a worker option of that name.)
   */
  saveScreenshot: (name: string) => Promise<string>;
}

export const test = base.extend<BroFixtures>({
  rendererDir: [DEFAULT_RENDERER_DIR, { option: true }],
  kdfCost: [undefined, { option: true }],

  dirs: async ({}, use) => {
    const root = mkdtempSync(join(tmpdir(), 'bro-e2e-'));
    const dirs = { root, vaultDir: join(root, 'vault'), prefsDir: join(root, 'prefs') };
    mkdirSync(dirs.prefsDir);
    await use(dirs);
    removeTree(root);
  },

  fileDialogs: async ({}, use) => {
    await use(new AnsweringDialogs());
  },

  app: async ({ dirs, kdfCost, fileDialogs }, use) => {
    const app = createApp({
      vaultDir: dirs.vaultDir,
      prefs: createConfPrefsStore(dirs.prefsDir),
      kdfCost,
      files: fileDialogs,
    });
    await use(app);
    // What the flow wrote through the real UI must leave the due facts as the documents give them: the
    // check after the next unlock would otherwise raise a false alarm of an edited file.
    const disagreeing = app.session.isUnlocked ? dueFactsMismatches(app.session.current().db) : [];
    app.dispose();
    // A worker thread still checking the vault when the test process ends would abort it (napi_throw).
    await integrityChecksSettled();
    expect(disagreeing, 'due facts that disagree with the documents after this flow').toEqual([]);
  },

  bridge: async ({ context, app, rendererDir }, use) => {
    await use(await attachBridge(context, { router: app.router, rendererDir }));
  },

  pageErrors: async ({}, use) => {
    await use([]);
  },

  // Every test starts on the renderer with the bridge in place, as the Electron window would.
  page: async ({ page, bridge, pageErrors }, use) => {
    void bridge;
    page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(`console.error: ${message.text()}`);
    });
    await page.goto(INDEX_URL);
    await use(page);
  },

  saveScreenshot: async ({ page }, use) => {
    await use(async (name) => {
      if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new Error(`Screenshot names are kebab-case: ${name}`);
      mkdirSync(SCREENS_DIR, { recursive: true });
      const path = join(SCREENS_DIR, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    });
  },
});

/** The WCAG 2.0/2.1 A and AA rules of axe-core; every screen must pass them. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Where Chromium's built-in PDF viewer, which shows the print preview, is loaded from. */
export const CHROMIUM_PDF_VIEWER = 'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/';

/**
 * Runs axe-core on the page as it is now and fails with a readable list of what it found.
 * Legacy mode: axe runs in the page and reaches its frames itself, which covers every frame the app
 * may show (its CSP allows frames from its own origin and blob: only). The default mode opens a new
 * page per check to put the frames' results together, for frames of other origins the app cannot
 * have: on the working-day and editor specs a third of their time. A frame of any other address
 * (another origin, srcdoc) fails the check rather than go untested.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const origin = new URL(page.url()).origin;
  // A frame still loading is about:blank, of its parent's origin. Chromium's own PDF viewer shows a
  // PDF in the print preview: the browser's page, not the app's.
  const ours = (url: string) =>
    url === 'about:blank' ||
    url.startsWith(`${origin}/`) ||
    url.startsWith(`blob:${origin}/`) ||
    url.startsWith(CHROMIUM_PDF_VIEWER);
  // Polled: a frame just attached has no address at all ('') until its first load commits (seen once
  // in CI as the document screen opened); one of another address stays and fails the check.
  const unreached = () =>
    page
      .frames()
      .map((frame) => frame.url())
      .filter((url) => !ours(url));
  await expect.poll(unreached, { message: 'frames axe in legacy mode would not reach', timeout: 5_000 }).toEqual([]);
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).setLegacyMode(true).analyze();
  const found = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help} — ${violation.nodes
        .map((node) => node.target.join(' '))
        .join(', ')}`,
  );
  expect(found, `axe violations on ${page.url()}`).toEqual([]);
}
