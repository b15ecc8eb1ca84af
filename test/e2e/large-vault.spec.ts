import { generateDemo } from '../../main/demo/generate-demo';
import { localDate } from '../../main/services/service-context';
import { INDEX_URL } from '../../main/browser-shell/bridge';
import { expect, expectNoAxeViolations, PASSPHRASE, test } from './fixtures';
import { FAST_KDF, nb, screen, shot } from './support/flow';

test.use({ kdfCost: FAST_KDF });

/**
 * A vault of a few hundred fictional demo cases: the home screen shows the first due items of each
 * status with the counts of all of them, and "show more" adds the next ones without losing the
 * keyboard user's place. (Rendering every item of a 10 000-case vault froze the home screen.)
 */
test('the home screen pages a long due list and keeps focus on "show more"', async ({ page, app }) => {
  test.setTimeout(120_000);
  await app.session.create('NO', PASSPHRASE);
  generateDemo(app.session.current().db, { profile: 'NO', today: localDate(new Date()), cases: 400 });
  await page.goto(INDEX_URL);
  await expect(screen(page, 'home')).toBeVisible();

  const overdue = page.getByTestId('due-group-overdue');
  await expect(overdue).toBeVisible({ timeout: 30_000 });
  const tile = await page.getByTestId('home-count-overdue').locator('.summary-value').innerText();
  const total = Number(tile.replace(/\D/g, ''));
  expect(total).toBeGreaterThan(50);
  const shownTotal = new Intl.NumberFormat('nb-NO').format(total);
  await expect(overdue.getByTestId('due-item')).toHaveCount(25);
  await expect(overdue.locator('.count-badge')).toHaveText(shownTotal);
  const more = overdue.getByTestId('due-more-overdue');
  await expect(more).toContainText(nb('home.due.shown', { shown: 25, total: shownTotal }));
  await expectNoAxeViolations(page);
  await shot(page, 'home-long-due-list');

  await more.getByRole('button', { name: nb('home.due.showMore') }).focus();
  await page.keyboard.press('Enter');
  await expect(overdue.getByTestId('due-item')).toHaveCount(50);
  // Focus is on the first new item, so Tab continues from where the reader was.
  await expect(overdue.getByTestId('due-item').nth(25)).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(overdue.getByTestId('due-item').nth(25).getByRole('button').first()).toBeFocused();
});
