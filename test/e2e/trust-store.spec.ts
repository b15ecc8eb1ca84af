import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BroApp } from '../../main/services/registry';
import { signCase } from '../fixtures/signing/generate-corpus';
import { CA_EXTENSIONS, LEAF_EXTENSIONS, TestPki } from '../fixtures/signing/pki';
import { expect, expectNoAxeViolations, PASSPHRASE, test } from './fixtures';
import { call, FAST_KDF, nb, openSettings, screen } from './support/flow';

/**
 * The settings section for the organisation's trust store (issue 10): a CA certificate and its CRL,
 * made with openssl, enter through the shell's open dialog (answered by the test) and through the
 * several-files picker; a file signed by a CA-issued identity then verifies as trusted; a leaf is
 * refused with a message; the CA goes again after a confirmation.
 */
test.use({ kdfCost: FAST_KDF });

function makePki(root: string): TestPki {
  const dir = join(root, 'minnepinne');
  mkdirSync(dir);
  const pki = new TestPki(dir);
  pki.cert({ name: 'Fiktiv Rot-CA', extensions: CA_EXTENSIONS, days: 365 });
  pki.cert({ name: 'Fiktiv Enhet', issuer: 'Fiktiv Rot-CA', extensions: LEAF_EXTENSIONS });
  pki.crl('Fiktiv Rot-CA', 'rot.crl');
  // Another organisation CA whose CRL is due after one second: stale by the time it is added.
  pki.cert({ name: 'Fiktiv Gammel-CA', extensions: CA_EXTENSIONS, days: 365 });
  const config = (pki as unknown as { caConfig(ca: string): string }).caConfig('Fiktiv Gammel-CA');
  pki.openssl('ca', '-config', config, '-gencrl', '-crlsec', '1', '-out', 'gammel.crl');
  return pki;
}

async function verifiedIndication(app: BroApp, container: Uint8Array): Promise<string> {
  const report = await call<{ indication: string }>(app, 'verify.file', {
    fileName: 'notat.asice',
    fileBase64: Buffer.from(container).toString('base64'),
  });
  return report.indication;
}

test('CA and CRL are added from files, listed, trusted when verifying, refused when not a CA, and removed', async ({
  page,
  app,
  dirs,
  fileDialogs,
  pageErrors,
}) => {
  test.setTimeout(180_000);
  const pki = makePki(dirs.root);
  await call(app, 'vault.create', { profile: 'NO', passphrase: PASSPHRASE });
  const now = new Date();
  const container = await signCase(
    pki,
    {
      name: 'ca-issued',
      expected: { indication: 'TOTAL-PASSED', subIndication: null },
      signer: 'Fiktiv Enhet',
      carried: [],
      anchors: [],
      crls: [],
      at: now,
    },
    now,
  );
  expect(await verifiedIndication(app, container), 'before: no CA in the store').toBe('INDETERMINATE');

  await page.reload();
  await expect(screen(page, 'home')).toBeVisible({ timeout: 20_000 });
  await openSettings(page, 'signing');
  const section = page.getByTestId('settings-trust-store');
  await expect(section.getByText(nb('trust.cli.empty'))).toBeVisible({ timeout: 20_000 });

  await test.step('the CA certificate through the open dialog', async () => {
    fileDialogs.open(pki.path('Fiktiv Rot-CA.pem'));
    await section.getByRole('button', { name: nb('trust.settings.choose') }).click();
    await expect(section.getByText(nb('trust.cli.added', { added: 1, present: 0 }))).toBeVisible();
    expect(fileDialogs.openRequests.at(-1)?.filters[0]?.extensions).toContain('crl');
    const ca = section.locator('li[data-kind="certificate"]');
    await expect(ca).toContainText(nb('trust.settings.kindCertificate'));
    await expect(ca).toContainText('Fiktiv Rot-CA');
  });

  await test.step('the CRL (and the CA again) through the several-files picker', async () => {
    await section
      .getByLabel(nb('trust.settings.file'))
      .setInputFiles([pki.path('rot.crl'), pki.path('Fiktiv Rot-CA.pem')]);
    await section.getByTestId('trust-store-add-submit').click();
    await expect(section.getByText(nb('trust.cli.added', { added: 1, present: 1 }))).toBeVisible();
    const crl = section.locator('li[data-kind="crl"]');
    await expect(crl).toContainText(nb('trust.settings.kindCrl'));
    await expect(crl).toHaveAttribute('data-out-of-date', 'false');
    await expect(section.getByTestId('trust-store-warning')).toHaveCount(0);
    await expect(section.locator('li.trust-entry')).toHaveCount(2);
  });

  expect(await verifiedIndication(app, container), 'a CA-issued signer is trusted now').toBe('TOTAL-PASSED');
  await new Promise((resolve) => setTimeout(resolve, 1_500));

  await test.step('a CRL past its next update is marked stale', async () => {
    await section
      .getByLabel(nb('trust.settings.file'))
      .setInputFiles([pki.path('Fiktiv Gammel-CA.pem'), pki.path('gammel.crl')]);
    await section.getByTestId('trust-store-add-submit').click();
    await expect(section.getByText(nb('trust.cli.added', { added: 2, present: 0 }))).toBeVisible();
    const stale = section.locator('li[data-kind="crl"][data-out-of-date="true"]');
    await expect(stale).toHaveCount(1);
    await expect(stale.getByTestId('trust-store-warning')).toContainText(nb('trust.settings.stale'));
    await expect(section.getByTestId('trust-store-warning')).toHaveCount(1);
  });

  await test.step('a leaf certificate is refused with a message and nothing is added', async () => {
    fileDialogs.open(pki.path('Fiktiv Enhet.pem'));
    await section.getByRole('button', { name: nb('trust.settings.choose') }).click();
    const [before, after] = nb('trust.store.notCa', { file: 'Fiktiv Enhet.pem', name: '\u0000' }).split('\u0000');
    await expect(section).toContainText(before!);
    await expect(section).toContainText(after!);
    await expect(section.locator('li.trust-entry')).toHaveCount(4);
    writeFileSync(join(dirs.root, 'tom.pem'), 'ikke et sertifikat');
    fileDialogs.open(join(dirs.root, 'tom.pem'));
    await section.getByRole('button', { name: nb('trust.settings.choose') }).click();
    await expect(section).toContainText(nb('trust.store.unreadable', { file: 'tom.pem' }));
    await expect(section.locator('li.trust-entry')).toHaveCount(4);
  });

  await test.step('axe: no violations with the list, an error and the forms', async () => {
    await expectNoAxeViolations(page);
  });

  await test.step('removing the CA asks first; cancel keeps it, confirm removes it', async () => {
    const rootCa = section.locator('li[data-kind="certificate"]').filter({ hasText: 'Fiktiv Rot-CA' });
    await rootCa.getByRole('button', { name: nb('trust.settings.remove') }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText(nb('trust.settings.removeCaBody'));
    await expectNoAxeViolations(page);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(section.locator('li.trust-entry')).toHaveCount(4);
    await rootCa.getByRole('button', { name: nb('trust.settings.remove') }).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('trust-store-remove-confirm').click();
    await expect(section.locator('li.trust-entry')).toHaveCount(3);
    await expect(section.locator('li[data-kind="crl"]')).toHaveCount(2);
    await expect(section.locator('li[data-kind="certificate"]')).toContainText('Fiktiv Gammel-CA');
  });

  expect(await verifiedIndication(app, container), 'without the CA: not trusted again').toBe('INDETERMINATE');
  expect(pageErrors).toEqual([]);
});
