import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { BroApp } from '../../main/services/registry';
import { completePlan } from '../support/document-fixtures';
import { FICTIONAL_CONTACT } from '../support/fictional-contact';
import { expect, expectNoAxeViolations, PASSPHRASE, test } from './fixtures';
import { msg } from './messages';
import { call, FAST_KDF, navTo, nb, screen, seedCase } from './support/flow';

/**
 * The innsyn copy (NO pkt 11) from the case view: a proposed third-party name confirmed, a passage
 * selected in the middle of a sentence, a whole field; the preview shows the bases in place; the PDF
 * written through the save dialog holds none of the removed text, and the redaction log is listed.
 */
test.use({ kdfCost: FAST_KDF });

const PERSON = 'Innsyn Fiktivsen';
const PASSAGE = 'Qwertonkel Blåbærvik';
const FIELD_TEXT = 'Zorblaxtiltak med fast kontaktbetjent er avtalt.';
const CONTACT = FICTIONAL_CONTACT.name;

async function prepare(app: BroApp): Promise<void> {
  await call(app, 'vault.create', { profile: 'NO', passphrase: PASSPHRASE });
  await call(app, 'contacts.save', { entry: FICTIONAL_CONTACT });
  const kase = await seedCase(app, {
    name: PERSON,
    caseReference: 'KOMPIS-9014',
  });
  await call(app, 'documents.create', {
    caseId: kase.id,
    kind: 'follow_up_plan',
    content: completePlan({
      riskAndVulnerabilityFactors: `Domfelte har kontakt med ${PASSAGE} hver uke.`,
      measuresDuringSentence: FIELD_TEXT,
    }),
  });
}

/** What the test uses of a textarea (the node-side typecheck has no DOM types). */
type TextArea = { value: string; focus(): void; setSelectionRange(start: number, end: number): void };

/** The marker field whose text contains `needle`. */
async function fieldWith(page: Page, needle: string): Promise<Locator> {
  const fields = page.locator('.innsyn-field');
  const values = await fields
    .locator('textarea')
    .evaluateAll((areas) => areas.map((area) => (area as unknown as TextArea).value));
  const index = values.findIndex((value) => value.includes(needle));
  expect(index, `a field containing ${needle}`).toBeGreaterThanOrEqual(0);
  return fields.nth(index);
}

test('innsyn copy: names proposed, a passage and a field exempt, preview, PDF without the text, log kept', async ({
  page,
  app,
  dirs,
  fileDialogs,
  pageErrors,
}) => {
  test.setTimeout(180_000);
  await prepare(app);
  await page.reload();
  await expect(screen(page, 'home')).toBeVisible({ timeout: 20_000 });
  await navTo(page, 'common.nav.cases');
  await page.getByTestId('case-row').filter({ hasText: PERSON }).click();
  // The heading names the person; the window title, seen outside the app, names only the screen.
  await expect(screen(page, 'case').getByRole('heading', { level: 1, name: PERSON })).toBeVisible({ timeout: 20_000 });
  await expect(page).toHaveTitle(nb('common.windowTitle', { screen: nb('cases.view.loadingTitle'), app: 'Bro' }));
  await page.getByRole('button', { name: nb('innsyn.open') }).click();
  const view = screen(page, 'innsyn');
  await expect(view.getByRole('heading', { name: nb('innsyn.titleCase', { reference: 'KOMPIS-9014' }) })).toBeVisible({
    timeout: 20_000,
  });
  await expect(page).toHaveTitle(nb('common.windowTitle', { screen: nb('innsyn.titleLoading'), app: 'Bro' }));

  await test.step('axe on the screen as it opens', async () => {
    await expectNoAxeViolations(page);
  });

  await test.step('a mark needs a selection first: the message says so and nothing is marked', async () => {
    const field = await fieldWith(page, PASSAGE);
    await field.getByRole('button', { name: nb('innsyn.mark.passage') }).click();
    await expect(field).toContainText(nb('innsyn.mark.selectFirst'));
    await expect(view.getByText(nb('innsyn.marks.none'))).toBeVisible();
  });

  await test.step('the proposed name, a passage from mid-sentence and a whole field are marked', async () => {
    await view.getByRole('checkbox', { name: nb('innsyn.proposals.contact', { term: CONTACT, count: 1 }) }).check();
    const risk = await fieldWith(page, PASSAGE);
    await risk.locator('textarea').evaluate((area, passage) => {
      const el = area as unknown as TextArea;
      const start = el.value.indexOf(passage);
      el.focus();
      el.setSelectionRange(start, start + passage.length);
    }, PASSAGE);
    await risk.getByRole('button', { name: nb('innsyn.mark.passage') }).click();
    const measures = await fieldWith(page, FIELD_TEXT);
    await measures.getByRole('button', { name: nb('innsyn.mark.field') }).click();
    await expect(view.getByTestId('innsyn-marks').locator('li')).toHaveCount(3);
    await view.getByLabel(nb('innsyn.marks.basis', { n: 2 })).selectOption('no-fvl-19');
    await view.getByLabel(nb('innsyn.marks.basis', { n: 3 })).selectOption('no-offl-24');
  });

  await test.step('the preview shows the bases where the text was', async () => {
    await view.getByRole('button', { name: nb('innsyn.preview.show') }).click();
    const preview = view.getByTestId('innsyn-preview');
    const text = ((await preview.textContent()) ?? '').replace(/\u00A0/g, ' ');
    expect(text).toContain('Domfelte har kontakt med [fvl. § 19] hver uke.');
    expect(text).toContain('[offl. § 24]');
    expect(text).not.toContain(PASSAGE);
    expect(text).not.toContain('Zorblaxtiltak');
    expect(text).not.toContain(CONTACT);
    await expectNoAxeViolations(page);
  });

  await test.step('saved through the save dialog: the PDF has none of the removed text', async () => {
    const path = join(dirs.root, 'innsyn.pdf');
    fileDialogs.saveAs(path);
    await view.getByRole('button', { name: nb('innsyn.save.button') }).click();
    await expect(view.getByTestId('innsyn-saved')).toContainText('innsyn.pdf', { timeout: 30_000 });
    expect(fileDialogs.saveRequests.at(-1)?.title).toBe(nb('files.save.innsynPdf'));
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' })
      .replace(/\u00A0/g, ' ')
      .replace(/\s+/g, ' ');
    for (const removed of [PASSAGE, 'Zorblaxtiltak', CONTACT]) expect(text).not.toContain(removed);
    expect(text).toContain('Domfelte har kontakt med [fvl. § 19] hver uke.');
    expect(text).toContain(nb('innsyn.pdf.annexTitle'));
    await expect(view.getByTestId('innsyn-log').locator('tbody tr')).toHaveCount(1);
    await expectNoAxeViolations(page);
  });

  await test.step('a copy of one document: chosen on the screen, the title says so', async () => {
    await view.getByLabel(nb('innsyn.scope.label')).selectOption({ index: 1 });
    await expect(
      view.getByRole('heading', { name: nb('innsyn.titleDocument', { reference: 'KOMPIS-9014' }) }),
    ).toBeVisible({ timeout: 20_000 });
    await expect(view.getByTestId('innsyn-marks')).toHaveCount(0);
  });

  expect(pageErrors).toEqual([]);
});

test('the innsyn screen in Danish and English shows its text, never a raw message key', async ({
  page,
  app,
  pageErrors,
}) => {
  test.setTimeout(180_000);
  await prepare(app);
  await page.reload();
  await expect(screen(page, 'home')).toBeVisible({ timeout: 20_000 });
  let current: 'nb' | 'da' | 'en' = 'nb';
  for (const locale of ['da', 'en'] as const) {
    const nav = (key: string) =>
      page
        .getByRole('navigation')
        .getByRole('button', { name: msg(current, key), exact: true })
        .click();
    await nav('common.nav.settings');
    await page.getByLabel(msg(current, 'settings.language.label'), { exact: true }).selectOption(locale);
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    current = locale;
    await nav('common.nav.cases');
    await page.getByTestId('case-row').filter({ hasText: PERSON }).click();
    await page.getByRole('button', { name: msg(locale, 'innsyn.open') }).click();
    const view = screen(page, 'innsyn');
    await expect(
      view.getByRole('heading', { name: msg(locale, 'innsyn.titleCase', { reference: 'KOMPIS-9014' }) }),
    ).toBeVisible({ timeout: 20_000 });
    await expect(view.getByText(msg(locale, 'innsyn.proposals.title'))).toBeVisible();
    const text = (await view.textContent()) ?? '';
    expect(text.match(/\b(innsyn|purge|files|domain|common)\.[a-z][A-Za-z0-9.]+/g) ?? []).toEqual([]);
  }
  expect(pageErrors).toEqual([]);
});
