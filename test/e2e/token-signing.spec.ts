import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { BroApp } from '../../main/services/registry';
import { completePlan } from '../support/document-fixtures';
import { makeTestToken, softHsmSkipReason, type TestToken } from '../fixtures/softhsm/token';
import { expect, PASSPHRASE, test } from './fixtures';
import { acceptExportNotes, call, FAST_KDF, navTo, nb, openSettings, screen, seedCase } from './support/flow';

/**
 * Signing on a smartcard or HSM from the UI (issue 10): the token is chosen in settings, the export
 * dialog asks for its PIN instead of showing a vault identity, a wrong PIN is said plainly and signs
 * nothing, the right one signs a PDF that pdfsig accepts. The token is a SoftHSM2 one.
 */
test.use({ kdfCost: FAST_KDF });

const skip = softHsmSkipReason();
const PERSON = 'Token Fiktivsen';

/** A NO vault without any vault identity and one finalised follow-up plan. */
async function prepare(app: BroApp): Promise<void> {
  await call(app, 'vault.create', { profile: 'NO', passphrase: PASSPHRASE });
  const kase = await seedCase(app, {
    name: PERSON,
    birthDate: '1992-03-04',
    caseReference: 'KOMPIS-9311',
  });
  const doc = await call<{ document: { id: string } }>(app, 'documents.create', {
    caseId: kase.id,
    kind: 'follow_up_plan',
    content: completePlan(),
  });
  await call(app, 'documents.finalise', { id: doc.document.id });
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

test.describe(`PKCS#11 token from the UI${skip ? ` (skipped: ${skip})` : ''}`, () => {
  test.skip(skip !== null, skip ?? '');
  let token: TestToken;
  test.beforeAll(() => {
    token = makeTestToken();
  });
  test.afterAll(() => token?.cleanup());

  test('settings choose the token; the export asks for the PIN; a wrong PIN signs nothing', async ({
    page,
    app,
    dirs,
    fileDialogs,
  }) => {
    test.setTimeout(180_000);
    await prepare(app);
    const out = join(dirs.root, 'Til KDI');
    mkdirSync(out);
    await page.reload();
    // A reload may find the vault locked: unlock it as a user would.
    const unlock = page.getByRole('button', { name: nb('vault.unlock.submit') });
    await expect(screen(page, 'home').or(unlock)).toBeVisible({ timeout: 20_000 });
    if (await unlock.isVisible()) {
      await page.getByLabel(nb('vault.passphrase.current')).fill(PASSPHRASE);
      await unlock.click();
    }
    await expect(screen(page, 'home')).toBeVisible({ timeout: 20_000 });

    await openSettings(page, 'signing');
    await expect(page.getByTestId('token-status')).toHaveText(nb('token.settings.notInUse'));
    await page.getByTestId('token-modulePath').fill(token.rsa.modulePath);
    await page.getByTestId('token-tokenLabel').fill(token.label);
    await page.getByTestId('token-keyLabel').fill('rsa');
    await page.getByTestId('token-form-submit').click();
    await expect(page.getByTestId('token-saved')).toBeVisible();
    await expect(page.getByTestId('token-status')).toHaveText(
      nb('token.settings.inUse', { token: token.label, key: 'rsa' }),
    );

    await openExportDialog(page);
    await page.getByRole('radio', { name: nb('exchange.export.format.pdf') }).check();
    const pin = page.getByTestId('export-token-pin');
    await expect(pin).toBeVisible();
    await pin.fill('000000');
    fileDialogs.saveAs(join(out, 'feil-pin.pdf'));
    await page.getByTestId('export-submit').click();
    await expect(page.getByText(nb('token.error.wrongPin'))).toBeVisible({ timeout: 30_000 });
    // The PIN is not kept in the form after a signing attempt.
    await expect(pin).toHaveValue('');

    await pin.fill(token.pin);
    fileDialogs.saveAs(join(out, 'plan.pdf'));
    await page.getByTestId('export-submit').click();
    await expect(page.getByTestId('export-result')).toContainText('plan.pdf', { timeout: 30_000 });
    const pdfsig = execFileSync('pdfsig', [join(out, 'plan.pdf')], { encoding: 'utf8' });
    expect(pdfsig).toContain('Signature is Valid.');
    expect(pdfsig).toContain('Fiktiv enhet RSA');
  });
});
