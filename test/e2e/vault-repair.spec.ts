import { generateDemo } from '../../main/demo/generate-demo';
import { localDate } from '../../main/services/service-context';
import { computeDueList } from '../../main/services/due-list';
import { documentFactsSource } from '../../main/services/due-list-facts';
import { VaultSession } from '../../main/vault/vault-session';
import { INDEX_URL } from '../../main/browser-shell/bridge';
import { expect, PASSPHRASE, test } from './fixtures';
import { call, FAST_KDF, nb, screen, shot } from './support/flow';

test.use({ kdfCost: FAST_KDF });

/**
 * Someone who edits vault.db with the passphrase hides overdue meeting actions by emptying their
 * stored due facts (all the due list reads). Unlocked in the app, the check after unlock finds them,
 * Bro works them out again from the documents, the alarm shows on the screen, and the home screen's
 * due list asks again and counts every overdue item the documents give.
 */
test('due facts edited outside Bro are put right after unlock, shown, and the due list counts them again', async ({
  page,
  app,
  dirs,
}) => {
  test.setTimeout(60_000);
  const today = localDate(new Date());
  await app.session.create('NO', PASSPHRASE);
  const { db } = app.session.current();
  generateDemo(db, { profile: 'NO', today, cases: 20 });
  const overdue = computeDueList(db, { profile: 'NO', today, source: documentFactsSource }).filter(
    (item) => item.status === 'overdue',
  );
  const hidden = overdue.filter((item) => item.kind === 'no_meeting_action');
  expect(hidden.length).toBeGreaterThan(0);
  // What the home screen counts as overdue on the vault as Bro wrote it.
  const view = () => call<{ counts: { overdue: number } }>(app, 'due.view', { groupBy: 'status', limit: 25 });
  const written = (await view()).counts.overdue;
  app.session.lock();

  const insider = new VaultSession({ dir: dirs.vaultDir, kdfCost: FAST_KDF, healthCheck: false });
  await insider.unlock(PASSPHRASE);
  insider
    .current()
    .db.exec(`UPDATE due_facts SET facts = json_set(facts, '$.actions', json('[]')) WHERE kind = 'meeting'`);
  const edited = computeDueList(insider.current().db, { profile: 'NO', today });
  const before = edited.filter((item) => item.status === 'overdue').length;
  expect(before).toBe(overdue.length - hidden.length);
  insider.lock();

  await page.goto(INDEX_URL);
  await page.getByLabel(nb('vault.passphrase.current'), { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: nb('vault.unlock.submit') }).click();
  await expect(screen(page, 'home')).toBeVisible();

  const alarm = page.getByTestId('repair-alarm');
  await expect(alarm).toContainText(nb('security.repair.alarmTitle'), { timeout: 20_000 });
  await expect(alarm).toContainText(nb('security.repair.dueFacts'));
  await expect(alarm).toContainText(nb('security.audit.alarmBody'));
  // The home screen asked again: it counts what the vault gave before the edit, hidden items included.
  expect((await view()).counts.overdue).toBe(written);
  const shown = new Intl.NumberFormat('nb-NO').format(written);
  await expect(page.getByTestId('home-count-overdue').locator('.summary-value')).toHaveText(shown);
  await expect(page.getByTestId('due-group-overdue').locator('.count-badge')).toHaveText(shown);
  await shot(page, 'home-due-facts-repaired');
});
