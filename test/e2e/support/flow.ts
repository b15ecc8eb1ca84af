import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from '@playwright/test';
import { createConfPrefsStore } from '../../../main/prefs/conf-prefs-store';
import { createApp, type BroApp } from '../../../main/services/registry';
import type { Profile } from '../../../shared/domain/profile';
import { attachBridge, DEFAULT_RENDERER_DIR, INDEX_URL, type Bridge } from '../../../main/browser-shell/bridge';
import { expect, expectNoAxeViolations, PASSPHRASE, SCREENS_DIR } from '../fixtures';
import { AnsweringDialogs } from './answering-dialogs';
import { msg } from '../messages';
import { removeTree } from '../../support/temp-dir';
import { integrityChecksSettled } from '../../../main/vault/vault-health';

/** A cheap scrypt cost for vaults made in flows (the foundation spec covers the production cost). */
export const FAST_KDF = { logN: 10, r: 8, p: 1 };

/** One call through the real router, for setting a spec's scene up; a refusal throws with its error. */
export async function call<T>(app: BroApp, channel: string, input: unknown): Promise<T> {
  const result = await app.router.invoke(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** A case for a spec's scene: in Fiktivby fengsel, in prison, graded BEGRENSET, unless `fields` say otherwise. */
export function seedCase(
  app: BroApp,
  fields: { name: string; caseReference: string } & Record<string, unknown>,
): Promise<{ id: string }> {
  return call(app, 'cases.create', {
    unit: 'Fiktivby fengsel',
    status: 'fengsel',
    grading: { level: 'BEGRENSET' },
    ...fields,
  });
}

/** A week from today as typed in bokmål (dd.mm.yyyy): inside the due list's horizon. */
export function inAWeek(): string {
  const day = new Date(Date.now() + 7 * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(day.getDate())}.${pad(day.getMonth() + 1)}.${day.getFullYear()}`;
}

export const nb = (key: string, params?: Record<string, string | number>) => msg('nb', key, params);
export const da = (key: string, params?: Record<string, string | number>) => msg('da', key, params);

export const screen = (page: Page, name: string): Locator => page.locator(`main[data-screen="${name}"]`);

/** Checks that `name` is on screen, runs axe and saves a picture under test-results/screens/. */
export async function visit(page: Page, name: string, picture: string): Promise<void> {
  await expect(screen(page, name)).toBeVisible({ timeout: 20_000 });
  await expectNoAxeViolations(page);
  await shot(page, picture);
}

export async function shot(page: Page, picture: string): Promise<void> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENS_DIR, `${picture}.png`), fullPage: true });
}

/**
 * The export dialog prints the version's notes (open findings) on the document: once the plan has
 * loaded, a user opens the summary, reads them and ticks that they accept them before signing.
 */
export async function acceptExportNotes(page: Page): Promise<void> {
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog).not.toHaveAttribute('aria-busy', 'true', { timeout: 20_000 });
  const notes = dialog.getByTestId('export-notes');
  if ((await notes.count()) === 0) return;
  await expect(page.getByTestId('export-submit')).toBeDisabled();
  await notes.locator('summary').click();
  await expect(notes.locator('li').first()).toBeVisible();
  await notes.getByTestId('export-notes-accept').check();
}

/** Creates a vault of `profile` through the create and recovery screens (UI in bokmål). */
export async function createVaultThroughUi(
  page: Page,
  profile: Profile,
  check?: (step: string) => Promise<void>,
): Promise<void> {
  await expect(screen(page, 'create')).toBeVisible();
  await page.getByRole('radio', { name: nb(`common.profile.${profile}`) }).check();
  await page.getByLabel(nb('vault.passphrase.choose'), { exact: true }).fill(PASSPHRASE);
  await page.getByLabel(nb('vault.passphrase.repeat'), { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: nb('vault.create.submit') }).click();
  const confirm = page.getByRole('dialog', {
    name: nb('vault.create.confirmTitle', { profile: nb(`common.profile.${profile}`) }),
  });
  await expect(confirm).toBeVisible();
  await check?.('create-confirm');
  await confirm.getByRole('button', { name: nb('vault.create.confirm') }).click();
  await expect(page.getByTestId('recovery-key')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('checkbox', { name: nb('vault.recovery.confirmStored') }).check();
  await page.getByRole('button', { name: nb('vault.recovery.continue') }).click();
  await expect(screen(page, 'home')).toBeVisible();
}

/** Clicks a main-nav entry by its bokmål label key. */
export async function navTo(page: Page, key: string): Promise<void> {
  await page
    .getByRole('navigation')
    .getByRole('button', { name: nb(key), exact: true })
    .click();
}

/** With the scene set up through the router: reloads to the home screen and opens the person's case. */
export async function openCase(page: Page, person: string): Promise<void> {
  await page.reload();
  await expect(screen(page, 'home')).toBeVisible({ timeout: 20_000 });
  await navTo(page, 'common.nav.cases');
  await page.getByTestId('case-row').filter({ hasText: person }).click();
}

/** Opens the person's case and, in the tab of `kind`, its first document: the editor screen. */
export async function openFirstDocument(page: Page, person: string, kind: string): Promise<Locator> {
  await openCase(page, person);
  await page.getByRole('tab', { name: nb(`cases.tab.${kind}`) }).click();
  await page.getByTestId('document-row').first().locator('button').first().click();
  const editor = screen(page, 'document');
  await expect(editor).toBeVisible({ timeout: 20_000 });
  return editor;
}

/** Opens settings on one category (the main menu returns to the category shown last). */
export async function openSettings(
  page: Page,
  category: 'general' | 'security' | 'signing' | 'templates' | 'backup',
): Promise<void> {
  await navTo(page, 'common.nav.settings');
  await page.getByRole('tab', { name: nb(`settings.category.${category}`), exact: true }).click();
}

export interface SecondApp {
  app: BroApp;
  page: Page;
  bridge: Bridge;
  /** The second app's file dialogs, answered by the test. */
  fileDialogs: AnsweringDialogs;
  dirs: { root: string; vaultDir: string; prefsDir: string };
  close(): Promise<void>;
}

/**
 * A second, independent Bro (own temp vault and prefs, own browser context) for flows that move a
 * file from one vault to another.
 */
export async function openSecondApp(browser: Browser): Promise<SecondApp> {
  const root = mkdtempSync(join(tmpdir(), 'bro-e2e-second-'));
  const dirs = { root, vaultDir: join(root, 'vault'), prefsDir: join(root, 'prefs') };
  mkdirSync(dirs.prefsDir);
  const fileDialogs = new AnsweringDialogs();
  const app = createApp({
    vaultDir: dirs.vaultDir,
    prefs: createConfPrefsStore(dirs.prefsDir),
    kdfCost: FAST_KDF,
    files: fileDialogs,
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const bridge = await attachBridge(context, { router: app.router, rendererDir: DEFAULT_RENDERER_DIR });
  const page = await context.newPage();
  await page.goto(INDEX_URL);
  return {
    app,
    page,
    bridge,
    fileDialogs,
    dirs,
    async close() {
      await context.close();
      app.dispose();
      // A worker thread still checking the vault when the test process ends would abort it (napi_throw).
      await integrityChecksSettled();
      removeTree(root);
    },
  };
}

export { expectNoAxeViolations };
