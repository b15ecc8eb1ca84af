import type { BroApp } from '../../main/services/registry';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/ipc/contract';
import { expect, PASSPHRASE, test } from './fixtures';
import { msg } from './messages';
import { FAST_KDF, screen } from './support/flow';

/**
 * The template editor with the interface in English in a Norwegian vault: a copy is made from the
 * bokmål template (its headings print on bokmål documents), and an edit based on a version another
 * save has replaced is refused, not saved over it.
 */
test.use({ kdfCost: FAST_KDF });

async function call<C extends Channel>(app: BroApp, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await app.router.invoke(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as ChannelOutput<C>;
}

const en = (key: string, params?: Record<string, string | number>) => msg('en', key, params);

test('copies a template in the vault language and refuses an edit of a replaced version', async ({
  page,
  app,
  pageErrors,
}) => {
  test.setTimeout(120_000);
  await app.router.invoke('vault.create', { profile: 'NO', passphrase: PASSPHRASE });
  await app.router.invoke('settings.update', { uiLanguage: 'en' });
  await page.reload();
  await expect(screen(page, 'home')).toBeVisible({ timeout: 20_000 });
  await page
    .getByRole('navigation')
    .getByRole('button', { name: en('common.nav.settings'), exact: true })
    .click();
  await page.getByRole('tab', { name: en('settings.category.templates'), exact: true }).click();

  const english = await call(app, 'templates.get', { id: 'no-visit-routine', locale: 'en' });
  const bokmal = await call(app, 'templates.get', { id: 'no-visit-routine', locale: 'nb' });
  await page.getByRole('button', { name: en('exchange.templates.copyLabel', { title: english.title }) }).click();
  const editor = page.getByTestId('template-editor');
  const title = editor.getByLabel(en('exchange.templates.titleLabel'), { exact: true });
  await expect(title).toHaveValue(bokmal.title);
  await title.fill(`${bokmal.title} Fiktivby`);
  await page.getByTestId('template-save').click();
  await expect(page.getByText(en('exchange.templates.saved', { title: `${bokmal.title} Fiktivby` }))).toBeVisible();
  const listed = await call(app, 'templates.list', { kind: 'visit_routine' });
  const copy = listed.templates.find((t) => t.source === 'vault');
  expect(copy).toMatchObject({ locale: 'nb', version: 1 });

  // Open the copy, then let another save (another window) add version 2 before this one saves.
  await page.getByRole('button', { name: en('exchange.templates.editLabel', { title: copy?.title ?? '' }) }).click();
  await expect(title).toHaveValue(`${bokmal.title} Fiktivby`);
  const stored = await call(app, 'templates.get', { id: copy?.id ?? '' });
  await call(app, 'templates.save', {
    id: stored.id,
    expectedVersion: 1,
    locale: 'nb',
    title: `${stored.title} (annet vindu)`,
    intro: stored.intro,
    sections: stored.sections,
  });
  await title.fill(`${bokmal.title} Nordby`);
  await page.getByTestId('template-save').click();
  await expect(editor.getByText(en('error.conflict'))).toBeVisible();
  const latest = await call(app, 'templates.get', { id: stored.id });
  expect(latest).toMatchObject({ version: 2, title: `${stored.title} (annet vindu)` });
  expect(pageErrors).toEqual([]);
});
