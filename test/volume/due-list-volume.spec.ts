import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Locale } from '../../shared/domain/profile';
import { attachBridge, INDEX_URL } from '../../main/browser-shell/bridge';
import type { Router } from '../../main/ipc/router';
import { integrityChecksSettled } from '../../main/vault/vault-health';
import { expect, expectNoAxeViolations, PASSPHRASE, SCREENS_DIR, test as base } from '../e2e/fixtures';
import { msg } from '../e2e/messages';
import { copyVolumeVault } from './volume-vault';

/**
 * Issue 16 item 5 at real volume: the home screen over the kept 10 000-case demo vault
 * (volume-vault.setup.ts) filters to one unit and groups by case, in nb, da and en. The budget is
 * held on the due.view channel as the screen calls it through the bridge (the main process's share),
 * not on the test browser's wall clock: issue 15's 400 ms for the home screen's due list. The figure
 * from pressing Unlock until the first due items show (KDF and the integrity check included) is
 * printed and kept as an annotation, under a ceiling.
 */
const test = base.extend<{ channelMs: Map<string, number[]> }>({
  channelMs: async ({}, use) => {
    await use(new Map());
  },
  // The real bridge over the real router, timing each channel the page calls.
  bridge: async ({ context, app, rendererDir, channelMs }, use) => {
    const router: Router = {
      async invoke(channel, input) {
        const started = performance.now();
        try {
          return await app.router.invoke(channel, input);
        } finally {
          const times = channelMs.get(String(channel)) ?? [];
          times.push(performance.now() - started);
          channelMs.set(String(channel), times);
        }
      },
    };
    await use(await attachBridge(context, { router, rendererDir }));
  },
});

const CHANNEL_BUDGET_MS = 400;
/** KDF at the production cost, and a migration when the kept vault predates the schema. */
const UNLOCK_TO_DUE_CEILING_MS = 90_000;

// The full integrity check of a 230 MB file outlives the test; a process ending under its worker aborts.
test.afterEach(async () => {
  await integrityChecksSettled();
});

const dueItems = (page: Page) => page.getByTestId('due-item');

/** What is in the window: a full-page picture of thousands of rows takes minutes on a busy machine. */
async function shot(page: Page, picture: string): Promise<void> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENS_DIR, `${picture}.png`) });
}

async function useLanguage(page: Page, locale: Locale, call: Router['invoke']): Promise<void> {
  expect((await call('settings.update', { uiLanguage: locale })).ok).toBe(true);
  await page.goto(INDEX_URL);
  await expect(page.locator('html')).toHaveAttribute('lang', locale, { timeout: 20_000 });
  await expect(dueItems(page).first()).toBeVisible({ timeout: 20_000 });
}

/** The due.view calls made while `act` runs, in milliseconds each. */
async function dueViewCalls(channelMs: Map<string, number[]>, act: () => Promise<void>): Promise<number[]> {
  const before = channelMs.get('due.view')?.length ?? 0;
  await act();
  return (channelMs.get('due.view') ?? []).slice(before);
}

test('the due list of 10 000 cases filters to one unit and groups by case within the budget', async ({
  page,
  app,
  dirs,
  channelMs,
}) => {
  // Under a minute on a quiet two-core machine; a machine shared by parallel runs is given room.
  test.setTimeout(600_000);
  copyVolumeVault(dirs.vaultDir);
  await page.goto(INDEX_URL);
  const unlockButton = page.getByRole('button', { name: msg('nb', 'vault.unlock.submit') });
  await page.getByLabel(msg('nb', 'vault.passphrase.current'), { exact: true }).fill(PASSPHRASE);
  const pressed = performance.now();
  await unlockButton.click();
  await expect(dueItems(page).first()).toBeVisible({ timeout: UNLOCK_TO_DUE_CEILING_MS });
  const unlockToDueMs = Math.round(performance.now() - pressed);
  const unlockMs = Math.round(channelMs.get('vault.unlock')?.[0] ?? Number.NaN);
  const firstDueViewMs = Math.round(channelMs.get('due.view')?.[0] ?? Number.NaN);
  console.log(JSON.stringify({ unlockToDueMs, unlockMs, firstDueViewMs }));

  const call: Router['invoke'] = (channel, input) => app.router.invoke(channel, input);
  const filterMs: number[] = [];
  for (const locale of ['nb', 'da', 'en'] as const) {
    await useLanguage(page, locale, call);
    await expectNoAxeViolations(page);
    await shot(page, `workbench-home-due-${locale}`);
    // Each row is one link naming the person and the case.
    await expect(dueItems(page).first().getByRole('button')).toHaveCount(1);

    const unitSelect = page.getByLabel(msg(locale, 'workbench.due.filters.unit'), { exact: true });
    const unit = (await unitSelect.locator('option').nth(1).getAttribute('value')) ?? '';
    expect(unit).not.toBe('');
    const foreignRows = page.locator(`[data-testid="due-item"]:not([data-unit=${JSON.stringify(unit)}])`);
    filterMs.push(
      ...(await dueViewCalls(channelMs, async () => {
        await unitSelect.selectOption(unit);
        await expect(foreignRows).toHaveCount(0);
        await expect(dueItems(page).first()).toBeVisible();
      })),
    );
    filterMs.push(
      ...(await dueViewCalls(channelMs, async () => {
        await page.getByLabel(msg(locale, 'workbench.due.filters.groupBy'), { exact: true }).selectOption('case');
        await expect(page.getByTestId('due-case').first()).toBeVisible();
      })),
    );
    // Each case is one group, and every row is of the chosen unit.
    const cases = await page
      .getByTestId('due-case')
      .evaluateAll((sections) =>
        sections.map((section) => section.querySelector('[data-case]')?.getAttribute('data-case')),
      );
    expect(cases.length).toBeGreaterThan(1);
    expect(new Set(cases).size).toBe(cases.length);
    await expect(foreignRows).toHaveCount(0);
    await expectNoAxeViolations(page);
    await shot(page, `workbench-home-due-by-case-${locale}`);
  }

  const figures = {
    home_10k_unlock_to_due_e2e_ms: unlockToDueMs,
    home_10k_unlock_channel_ms: unlockMs,
    home_10k_first_due_view_ms: firstDueViewMs,
    due_view_filter_10k_max_ms: Math.round(Math.max(...filterMs)),
    due_view_filter_10k_ms: filterMs.map((ms) => Math.round(ms)).join(' '),
  };
  for (const [type, value] of Object.entries(figures))
    test.info().annotations.push({ type, description: String(value) });
  console.log(JSON.stringify(figures));
  expect(filterMs.length).toBeGreaterThanOrEqual(6);
  expect(Math.max(...filterMs)).toBeLessThan(CHANNEL_BUDGET_MS);
});
