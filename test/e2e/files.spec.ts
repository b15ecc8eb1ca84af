import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { BroApp } from '../../main/services/registry';
import { completePlan } from '../support/document-fixtures';
import { CHROMIUM_PDF_VIEWER, expect, PASSPHRASE, test } from './fixtures';
import { acceptExportNotes, call, FAST_KDF, navTo, nb, openSettings, screen, seedCase } from './support/flow';

/**
 * Files leave through the main process only (issue 11): every file the UI produces is written by the
 * app to the path chosen in the shell's save dialog — answered here as a user would answer it — and
 * checked with the tools a receiver uses. A cancelled dialog leaves the folder and the logs unchanged.
 */
test.use({ kdfCost: FAST_KDF });

const BRO_CLI = join(process.cwd(), 'out', 'cli', 'bro.mjs');
const PERSON = 'Fil Fiktivsen';

/** A NO vault with an identity and a finalised follow-up plan, made through the real router. */
async function prepare(app: BroApp): Promise<string> {
  await call(app, 'vault.create', { profile: 'NO', passphrase: PASSPHRASE });
  await call(app, 'signing.generateIdentity', { unitName: 'Fiktivby fengsel, radikaliseringskontakt' });
  const kase = await seedCase(app, {
    name: PERSON,
    birthDate: '1991-02-03',
    caseReference: 'KOMPIS-9011',
  });
  const doc = await call<{ document: { id: string } }>(app, 'documents.create', {
    caseId: kase.id,
    kind: 'follow_up_plan',
    content: completePlan(),
  });
  await call(app, 'documents.finalise', { id: doc.document.id });
  return doc.document.id;
}

async function openExportDialog(page: Page): Promise<void> {
  await navTo(page, 'common.nav.cases');
  await page.getByTestId('case-row').filter({ hasText: PERSON }).click();
  await page.getByRole('tab', { name: nb('cases.tab.follow_up_plan') }).click();
  await page.getByTestId('document-row').first().locator('button').first().click();
  await expect(screen(page, 'document')).toBeVisible();
  await page.getByTestId('document-export').click();
  await acceptExportNotes(page);
  await expect(page.getByTestId('export-submit')).toBeEnabled({ timeout: 20_000 });
}

const bro = (args: string[]) => spawnSync(process.execPath, [BRO_CLI, ...args], { encoding: 'utf8' });

test('exports, the certificate, the fingerprint sheet and a backup land at the chosen paths; cancel writes nothing', async ({
  page,
  app,
  dirs,
  fileDialogs,
}) => {
  test.setTimeout(180_000);
  const documentId = await prepare(app);
  const out = join(dirs.root, 'Til KDI');
  mkdirSync(out);
  await page.reload();
  await expect(screen(page, 'home')).toBeVisible({ timeout: 20_000 });

  await test.step('signed PDF: valid for pdfsig', async () => {
    await openExportDialog(page);
    await page.getByRole('radio', { name: nb('exchange.export.format.pdf') }).check();
    fileDialogs.saveAs(join(out, 'plan.pdf'));
    await page.getByTestId('export-submit').click();
    await expect(page.getByTestId('export-result')).toContainText('plan.pdf', { timeout: 30_000 });
    const pdfsig = execFileSync('pdfsig', [join(out, 'plan.pdf')], { encoding: 'utf8' });
    expect(pdfsig).toContain('Signature is Valid.');
    expect(pdfsig).toContain('Total document signed');
    expect(fileDialogs.saveRequests.at(-1)).toMatchObject({
      filter: { extensions: ['pdf'] },
      suggestedName: expect.stringMatching(/^follow_up_plan-v\d+\.pdf$/),
    });
    await page.keyboard.press('Escape');
  });

  await test.step('ASiC-E: bro verify accepts it against the saved certificate', async () => {
    await openExportDialog(page);
    fileDialogs.saveAs(join(out, 'plan.asice'));
    await page.getByTestId('export-submit').click();
    await expect(page.getByTestId('export-result')).toContainText('plan.asice', { timeout: 30_000 });
    expect(bro(['verify', join(out, 'plan.asice')]).status, 'valid, signer not yet trusted').toBe(3);
    await page.keyboard.press('Escape');
  });

  await test.step('certificate and fingerprint sheet from the settings screen', async () => {
    await openSettings(page, 'signing');
    await expect(page.getByTestId('identity-view')).toBeVisible({ timeout: 20_000 });
    fileDialogs.saveAs(join(out, 'enhet.crt'));
    await page.getByTestId('certificate-save').click();
    await expect(page.getByTestId('identity-file-saved')).toContainText('enhet.crt');
    const subject = execFileSync('openssl', ['x509', '-in', join(out, 'enhet.crt'), '-noout', '-subject']);
    expect(subject.toString('utf8')).toContain('Fiktivby fengsel');
    expect(bro(['verify', join(out, 'plan.asice'), '--trust', join(out, 'enhet.crt')]).status).toBe(0);

    fileDialogs.saveAs(join(out, 'fingeravtrykk.pdf'));
    await page.getByTestId('fingerprint-sheet-save').click();
    await expect(page.getByTestId('identity-file-saved')).toContainText('fingeravtrykk.pdf');
    const sheet = execFileSync('pdftotext', [join(out, 'fingeravtrykk.pdf'), '-'], { encoding: 'utf8' });
    expect(sheet).toContain('Signeringssertifikat og fingeravtrykk');
  });

  await test.step('backup: the file holds the fingerprint the screen shows', async () => {
    await page.getByRole('tab', { name: nb('settings.category.backup'), exact: true }).click();
    fileDialogs.saveAs(join(out, 'kopi.brobak'));
    await page.getByTestId('backup-create').click();
    const shown = page.getByTestId('backup-sha256');
    await expect(shown).toBeVisible({ timeout: 60_000 });
    const sha256 = createHash('sha256')
      .update(readFileSync(join(out, 'kopi.brobak')))
      .digest('hex');
    await expect(shown).toContainText(sha256);
    // The medium is marked as what the backup holds: here all live, so what the banner shows.
    const { highestGrading } = await call<{ highestGrading: string }>(app, 'vault.status', {});
    await expect(page.getByTestId('backup-grading')).toHaveText(nb('backup.ui.grading', { grading: highestGrading }));
  });

  await test.step('a cancelled save dialog writes nothing and logs nothing', async () => {
    const files = readdirSync(out).sort();
    const log = await call<{ entries: unknown[] }>(app, 'export.log', { documentId });
    const sent = await call<{ entries: unknown[] }>(app, 'distribution.list', { documentId });
    await openExportDialog(page);
    fileDialogs.saveAs(null);
    await page.getByTestId('export-submit').click();
    await expect(page.getByTestId('export-cancelled')).toBeVisible({ timeout: 30_000 });
    await page.keyboard.press('Escape');
    await openSettings(page, 'signing');
    fileDialogs.saveAs(null);
    await page.getByTestId('certificate-save').click();
    await expect(page.getByTestId('identity-file-saved')).toHaveText(nb('files.cancelled'));
    expect(readdirSync(out).sort()).toEqual(files);
    expect(await call(app, 'export.log', { documentId })).toEqual(log);
    expect(await call(app, 'distribution.list', { documentId })).toEqual(sent);
    expect(files).toEqual(['enhet.crt', 'fingeravtrykk.pdf', 'kopi.brobak', 'plan.asice', 'plan.pdf']);
  });
});

test('the print preview shows the document and logs nothing; the Print button logs the one print it hands to the browser', async ({
  page,
  app,
  bridge,
}) => {
  const documentId = await prepare(app);
  const prints = async () =>
    (await call<{ entries: { format: string }[] }>(app, 'export.log', { documentId })).entries.filter(
      (entry) => entry.format === 'print',
    );
  await page.reload();
  await expect(screen(page, 'home')).toBeVisible({ timeout: 20_000 });
  await navTo(page, 'common.nav.cases');
  await page.getByTestId('case-row').filter({ hasText: PERSON }).click();
  await page.getByRole('tab', { name: nb('cases.tab.follow_up_plan') }).click();
  await page.getByTestId('document-row').first().locator('button').first().click();
  await page.getByTestId('document-print').click();
  await expect(page.getByTestId('print-frame')).toBeVisible({ timeout: 30_000 });
  // The preview shows the document: Chromium's PDF viewer loaded in the frame, none of its files refused
  // (refused, the frame stays an empty grey page).
  const viewer = () => page.frames().find((frame) => frame.url().startsWith(CHROMIUM_PDF_VIEWER));
  await expect.poll(() => viewer() !== undefined, { timeout: 20_000 }).toBe(true);
  await viewer()?.waitForLoadState('load');
  expect(bridge.blocked).toEqual([]);
  expect(await prints(), 'the preview is not a print').toEqual([]);

  // The browser shell cannot print through the main process: it logs the print, and the page prints the
  // frame. Headless Chromium has no print dialog (its PDF viewer's print crashes the page there), so the
  // frame's print is recorded instead of run: the test sees the page hand the document over.
  type PrintableFrame = { contentWindow: { print(): void; printedByTest?: number } | null };
  await page.getByTestId('print-frame').evaluate((frame) => {
    const target = (frame as unknown as PrintableFrame).contentWindow;
    if (target) target.print = () => void (target.printedByTest = (target.printedByTest ?? 0) + 1);
  });
  await page.getByTestId('print-button').click();
  await expect
    .poll(() =>
      page
        .getByTestId('print-frame')
        .evaluate((frame) => (frame as unknown as PrintableFrame).contentWindow?.printedByTest),
    )
    .toBe(1);
  await expect.poll(async () => (await prints()).length, { timeout: 20_000 }).toBe(1);
  await expect(page.getByTestId('print-button')).toBeEnabled();
  await expect(page.getByTestId('print-problem')).toHaveCount(0);
  expect(await prints()).toHaveLength(1);
});
