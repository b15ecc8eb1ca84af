import type { Page } from '@playwright/test';
import type { Locale } from '../../shared/domain/profile';
import { catalogs } from '../../shared/i18n/catalogs';
import { expect, test } from './fixtures';
import { msg } from './messages';
import { createVaultThroughUi, FAST_KDF, nb, screen, shot } from './support/flow';

/**
 * Every work screen in bokmål, Danish and English: no visible text may be a raw message key (what the
 * UI shows when a key is missing from a catalog). Screenshots `screen-<name>-<locale>.png` for review.
 */
test.use({ kdfCost: FAST_KDF });

const RAW_KEY = /^[a-z]+\.[A-Za-z0-9_.]+$/;
/** A key's first segment is a catalog area: "tt.mm" (a Danish time placeholder) has the shape but is text. */
const AREAS = [...new Set(Object.keys(catalogs.en).map((key) => key.split('.')[0] ?? ''))];

/** Visible text nodes, attribute labels and placeholders that look like message keys. */
async function rawKeysOnScreen(page: Page): Promise<string[]> {
  // A string, so the node-side typecheck needs no DOM library; the pattern is passed as JSON.
  return page.evaluate(`(() => {
    const shape = new RegExp(${JSON.stringify(RAW_KEY.source)});
    const areas = new Set(${JSON.stringify(AREAS)});
    const pattern = { test: (text) => shape.test(text) && areas.has(text.split('.')[0]) };
    const found = new Set();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent || '').trim();
      const parent = node.parentElement;
      if (!text || !parent || parent.closest('script,style,[hidden]')) continue;
      if (pattern.test(text)) found.add(text);
    }
    for (const element of document.querySelectorAll('[aria-label],[placeholder],[title],[alt]')) {
      for (const name of ['aria-label', 'placeholder', 'title', 'alt']) {
        const value = (element.getAttribute(name) || '').trim();
        if (value && pattern.test(value)) found.add(name + '=' + value);
      }
    }
    return [...found];
  })()`);
}

/**
 * The start of each element a user can see that is still marked aria-busy (a closed dialog's content
 * is not shown, whatever it is doing). A string: the node-side typecheck has no DOM.
 */
const BUSY_ELEMENTS = `[...document.querySelectorAll('[aria-busy="true"]')]
  .filter((element) => element.getClientRects().length > 0)
  .map((element) => element.outerHTML.slice(0, 160))`;

async function check(page: Page, name: string, locale: Locale): Promise<void> {
  await expect(screen(page, name)).toBeVisible({ timeout: 20_000 });
  // Loaded, not loading: a screen still busy after 20 s is a failure, not something to look past.
  // The failure names the busy elements.
  await expect
    .poll(() => page.evaluate(BUSY_ELEMENTS), { message: `${name} still loading in ${locale}`, timeout: 20_000 })
    .toEqual([]);
  expect(await rawKeysOnScreen(page), `raw message keys on ${name} in ${locale}`).toEqual([]);
  await shot(page, `screen-${name}-${locale}`);
}

test('every screen in nb, da and en shows text, never a raw message key', async ({ page, pageErrors }) => {
  test.setTimeout(180_000);
  await createVaultThroughUi(page, 'NO');
  // One case with one observation, so the case and document screens have something to show.
  await page
    .getByRole('navigation')
    .getByRole('button', { name: nb('common.nav.cases'), exact: true })
    .click();
  await page.getByTestId('new-case').click();
  const form = page.getByTestId('case-form');
  await form.getByLabel(nb('domain.case.name'), { exact: true }).fill('Kari Fiktiv Språksjekk');
  await form.getByLabel(nb('cases.field.caseReference'), { exact: true }).fill('2026-0777');
  await form.getByLabel(nb('domain.case.unit'), { exact: true }).fill('Fiktiv avdeling');
  await form.getByRole('button', { name: nb('cases.form.create') }).click();
  await expect(screen(page, 'case')).toBeVisible();
  await page.getByRole('tab', { name: nb('cases.tab.observation') }).click();
  await page.getByTestId('new-document-observation').click();
  await expect(screen(page, 'document')).toBeVisible();

  // The detector itself finds a planted key (so an empty result means something).
  await page.evaluate(
    `document.querySelector('main').insertAdjacentHTML('beforeend', '<span id="planted">cases.tab.planted</span>')`,
  );
  expect(await rawKeysOnScreen(page)).toEqual(['cases.tab.planted']);
  await page.evaluate(`document.getElementById('planted').remove()`);

  let current: Locale = 'nb';
  for (const locale of ['nb', 'da', 'en'] as const) {
    const t = (key: string) => msg(locale, key);
    const nav = (key: string) =>
      page
        .getByRole('navigation')
        .getByRole('button', { name: t(key), exact: true })
        .click();
    await page
      .getByRole('navigation')
      .getByRole('button', { name: msg(current, 'common.nav.settings'), exact: true })
      .click();
    await page.getByLabel(msg(current, 'settings.language.label'), { exact: true }).selectOption(locale);
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    current = locale;
    await check(page, 'settings', locale);
    await nav('common.nav.home');
    await check(page, 'home', locale);
    await nav('common.nav.cases');
    await expect(page.getByTestId('case-row').first()).toBeVisible();
    await check(page, 'cases', locale);
    await page.getByTestId('deleted-cases-open').click();
    await check(page, 'deletedCases', locale);
    await nav('common.nav.cases');
    await page.getByTestId('case-row').first().click();
    await check(page, 'case', locale);
    for (const tab of ['observation', 'concern', 'follow_up_plan', 'meeting', 'visit_routine', 'history'] as const) {
      await page.getByRole('tab', { name: t(`cases.tab.${tab}`) }).click();
      await expect(screen(page, 'case')).toBeVisible();
      expect(await rawKeysOnScreen(page), `raw keys on case tab ${tab} in ${locale}`).toEqual([]);
    }
    await page.getByRole('tab', { name: t('cases.tab.observation') }).click();
    await page.getByTestId('document-row').first().locator('button').first().click();
    await check(page, 'document', locale);
    await page.getByTestId('document-back').click();
    await page.getByRole('tab', { name: t('cases.tab.overview') }).click();
    await expect(screen(page, 'case')).toBeVisible();
    await nav('common.nav.mentors');
    await check(page, 'mentors', locale);
    await nav('common.nav.contacts');
    await check(page, 'contacts', locale);
    await nav('common.nav.verify');
    await check(page, 'verify', locale);
  }
  expect(pageErrors).toEqual([]);
});
