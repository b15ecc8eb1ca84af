import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, test } from './fixtures';
import { filesContaining, listFiles, newTempFolders, plaintextHits, tempEntries } from './support/plaintext';
import {
  acceptExportNotes,
  createVaultThroughUi,
  expectNoAxeViolations,
  FAST_KDF,
  navTo,
  nb,
  openSecondApp,
  openSettings,
  screen,
  shot,
  visit,
} from './support/flow';

/**
 * A coordinator's working day (issue 5) through the real renderer and the real app behind the bridge,
 * on fictional data only. Every screen and dialog passed is checked with axe and photographed.
 */
test.use({ kdfCost: FAST_KDF });

const PERSON = 'Ola Prøvemann Vintersol';
const PHRASES = ['Snakket om fiktive symboler i luftegården', 'Viste fiktiv propaganda til medinnsatt Kari Fiktiv'];

test('a working day: case, observations, concern report, plan, meeting, visit routine, export, verify, import', async ({
  page,
  bridge,
  pageErrors,
  browser,
  dirs,
  fileDialogs,
}) => {
  test.setTimeout(180_000);
  const tempBefore = tempEntries();
  const typed = [
    PERSON,
    ...PHRASES,
    'Fiktiv årsak: gjentatte fiktive ytringer',
    'Fiktive tiltak: samtaler med kontaktbetjent',
    'Fiktivt tiltak: samtale om skole',
    'Fiktivt tiltak: kontakt med kommunen',
  ];

  await test.step('create a NO vault', async () => {
    await createVaultThroughUi(page, 'NO', async (name) => {
      await expectNoAxeViolations(page);
      await shot(page, `day-${name}`);
    });
    await visit(page, 'home', 'day-home-empty');
  });

  await test.step('create a case', async () => {
    await navTo(page, 'common.nav.cases');
    await visit(page, 'cases', 'day-cases-empty');
    await page.getByTestId('new-case').click();
    await visit(page, 'caseEdit', 'day-case-new');
    const form = page.getByTestId('case-form');
    await form.getByLabel(nb('domain.case.name'), { exact: true }).fill(PERSON);
    await form.getByLabel(nb('cases.field.caseReference'), { exact: true }).fill('2026-0042');
    await form.getByLabel(nb('domain.case.unit'), { exact: true }).fill('Fiktiv fengsel, avdeling A');
    await form.getByRole('button', { name: nb('cases.form.create') }).click();
    await visit(page, 'case', 'day-case-overview');
    await expect(page.getByRole('heading', { level: 1 })).toContainText(PERSON);
  });

  await test.step('log two observations', async () => {
    for (const [index, phrase] of PHRASES.entries()) {
      await page.getByRole('tab', { name: nb('cases.tab.observation') }).click();
      if (index === 0) await visit(page, 'case', 'day-case-observations-empty');
      await page.getByTestId('new-document-observation').click();
      await visit(page, 'document', `day-observation-new-${index + 1}`);
      await page.getByLabel(nb('domain.observation.observedAt'), { exact: true }).fill(`2026-11-1${index + 1}T10:30`);
      await page.getByLabel(nb('domain.observation.observer'), { exact: true }).fill('Jens Opdigtet');
      await page.getByLabel(nb('domain.observation.seenOrHeard'), { exact: true }).fill(phrase);
      await page.getByTestId('document-save').click();
      await expect(screen(page, 'document')).toBeVisible({ timeout: 20_000 });
      await expect(page.getByTestId('document-save')).toBeDisabled();
      await page.getByTestId('document-back').click();
      await expect(screen(page, 'case')).toBeVisible();
    }
    await page.getByRole('tab', { name: nb('cases.tab.observation') }).click();
    await expect(page.getByTestId('document-row')).toHaveCount(2);
    await visit(page, 'case', 'day-case-observations');
  });

  await test.step('raise a concern', async () => {
    await page.getByRole('tab', { name: nb('cases.tab.concern') }).click();
    await page.getByTestId('new-document-concern').click();
    await visit(page, 'document', 'day-concern-new');
    await page.getByLabel(nb('domain.concern.raisedOn'), { exact: true }).fill('2026-11-18');
    await page.getByLabel(nb('domain.concern.description'), { exact: true }).fill(PHRASES[1]!);
    await page.getByTestId('document-save').click();
    await expect(page.getByTestId('document-save')).toBeDisabled();
    await page.getByTestId('document-back').click();
  });

  await test.step('a concern report is blocked without its measures, then finalised', async () => {
    await page.getByRole('tab', { name: nb('cases.tab.concern') }).click();
    await page.getByTestId('new-document-concern_report').click();
    await visit(page, 'document', 'day-concern-report-new');
    await page.getByLabel(nb('domain.concernReport.reportDate'), { exact: true }).fill('2026-11-19');
    await page
      .getByLabel(nb('domain.concernReport.cause'), { exact: true })
      .fill('Fiktiv årsak: gjentatte fiktive ytringer');
    await page.getByLabel(nb('domain.concernReport.whoHasBeenNotified'), { exact: true }).fill('Fiktiv politikontakt');
    await page.getByTestId('document-save').click();
    await expect(page.getByTestId('document-save')).toBeDisabled();
    // Finalise stays operable while blocked (aria-disabled, not disabled) so it can say why.
    await expect(page.getByTestId('document-finalise')).toHaveAttribute('aria-disabled', 'true');
    await page.getByTestId('document-finalise').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('document-status')).toHaveAttribute('data-status', 'draft');
    await expect(page.getByTestId('error-summary')).toContainText('NO pkt 6');
    await expect(
      page.getByText(nb('editors.finalise.blockedTitle', { citations: 'NO pkt 6' }), { exact: true }),
    ).toBeVisible();
    await visit(page, 'document', 'day-concern-report-blocked');
    await page
      .getByLabel(nb('domain.concernReport.measures'), { exact: true })
      .fill('Fiktive tiltak: samtaler med kontaktbetjent');
    await expect(page.getByTestId('finalise-reason')).toHaveCount(0);
    await page.getByTestId('document-save').click();
    await expect(page.getByTestId('document-save')).toBeDisabled();
    await page.getByTestId('document-finalise').click();
    await expect(page.getByTestId('document-status')).toHaveAttribute('data-status', 'final');
    await visit(page, 'document', 'day-concern-report-final');
    await page.getByTestId('document-back').click();
  });

  /** Opens a case tab and starts a document of `kind` from the template dialog (axe + screenshot on the dialog). */
  const startFromTemplate = async (tab: string, kind: string, picture: string) => {
    await page.getByRole('tab', { name: nb(`cases.tab.${tab}`) }).click();
    await page.getByTestId(`new-document-${kind}`).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByTestId('new-document-start')).toBeEnabled();
    await expectNoAxeViolations(page);
    await shot(page, `${picture}-dialog`);
    return dialog;
  };
  const saveAndFinalise = async (picture: string) => {
    if (await page.getByTestId('document-save').isEnabled()) await page.getByTestId('document-save').click();
    await expect(page.getByTestId('document-save')).toBeDisabled();
    const reason = page.getByTestId('finalise-reason');
    await expect(reason).toHaveCount(0);
    await page.getByTestId('document-finalise').click();
    await expect(page.getByTestId('document-status')).toHaveAttribute('data-status', 'final');
    await visit(page, 'document', picture);
  };

  let planUrl = '';
  await test.step('build a follow-up plan from the template and finalise it', async () => {
    const dialog = await startFromTemplate('follow_up_plan', 'follow_up_plan', 'day-plan-new');
    await dialog.getByTestId('new-document-start').click();
    await visit(page, 'document', 'day-plan-new');
    await page.getByLabel('Risiko- og sårbarhetsfaktorer', { exact: true }).fill(PHRASES[0]!);
    await page.getByLabel('Ansvarlig enhetsleder', { exact: true }).fill('Kari Fiktiv');
    await page.getByRole('checkbox', { name: 'Utarbeidet uten domfeltes medvirkning' }).check();
    await page.getByRole('checkbox', { name: 'Behandling av personopplysninger vurdert' }).check();
    await page.getByRole('checkbox', { name: 'Gradering vurdert' }).check();
    await saveAndFinalise('day-plan-final');
    planUrl = 'ok';
    await page.getByTestId('document-back').click();
  });
  expect(planUrl).toBe('ok');

  await test.step('hold a start-up meeting with two actions', async () => {
    const dialog = await startFromTemplate('meeting', 'meeting', 'day-meeting-new');
    const startup = dialog.getByRole('radio', { name: /oppstart/i });
    if ((await startup.count()) > 0) await startup.first().check();
    await dialog.getByTestId('new-document-start').click();
    await visit(page, 'document', 'day-meeting-new');
    await page.getByLabel(nb('domain.meeting.date'), { exact: true }).first().fill('2026-11-20');
    const actions = page.getByRole('group', { name: nb('domain.meeting.actions'), exact: true });
    for (const [index, action] of [
      'Fiktivt tiltak: samtale om skole',
      'Fiktivt tiltak: kontakt med kommunen',
    ].entries()) {
      await actions.getByRole('button', { name: nb('editors.meeting.addAction') }).click();
      await actions.getByLabel(nb('domain.meeting.action.description'), { exact: true }).nth(index).fill(action);
      await actions.getByLabel(nb('domain.meeting.action.owner'), { exact: true }).nth(index).fill('Jens Opdigtet');
      await actions
        .getByLabel(nb('domain.meeting.action.deadline'), { exact: true })
        .nth(index)
        .fill('2026-12-1' + String(index));
    }
    await saveAndFinalise('day-meeting-final');
    await page.getByTestId('document-back').click();
    await expect(page.getByTestId('case-open-actions').getByTestId('open-action')).toHaveCount(2);
  });

  await test.step('make a visit routine and open its print preview', async () => {
    const dialog = await startFromTemplate('visit_routine', 'visit_routine', 'day-visit-routine-new');
    await dialog.getByTestId('new-document-start').click();
    await visit(page, 'document', 'day-visit-routine');
    await page.getByTestId('document-print').click();
    await expect(page.getByTestId('print-frame')).toBeVisible({ timeout: 30_000 });
    await visit(page, 'print', 'day-visit-routine-print');
  });

  await test.step('create a signing identity in settings', async () => {
    await openSettings(page, 'signing');
    await page
      .getByLabel(nb('exchange.settings.unitName'), { exact: true })
      .fill('Fiktiv enhet, radikaliseringskontakt');
    await page.getByTestId('identity-generate-submit').click();
    await expect(page.getByTestId('identity-view')).toBeVisible({ timeout: 30_000 });
    await visit(page, 'settings', 'day-settings-identity');
  });

  const exported = join(dirs.root, 'exports', 'plan.asice');
  mkdirSync(dirname(exported));
  await test.step('export the finalised plan as ASiC-E to KDI', async () => {
    await navTo(page, 'common.nav.cases');
    await page.getByTestId('case-row').filter({ hasText: PERSON }).click();
    await page.getByRole('tab', { name: nb('cases.tab.follow_up_plan') }).click();
    await page.getByTestId('document-row').first().locator('button').first().click();
    await expect(screen(page, 'document')).toBeVisible();
    await page.getByTestId('document-export').click();
    await expect(page.getByTestId('export-dialog')).toBeVisible();
    await acceptExportNotes(page);
    await expect(page.getByTestId('export-submit')).toBeEnabled({ timeout: 20_000 });
    await expectNoAxeViolations(page);
    await shot(page, 'day-export-dialog');
    // The save dialog is the shell's: the test answers it with a path, as a user would.
    fileDialogs.saveAs(exported);
    await page.getByTestId('export-submit').click();
    await expect(page.getByTestId('export-result')).toBeVisible({ timeout: 30_000 });
    expect(readFileSync(exported).subarray(0, 2).toString('latin1')).toBe('PK');
    await page.keyboard.press('Escape');
  });

  await test.step('verify the file in the verify screen', async () => {
    await navTo(page, 'common.nav.verify');
    await visit(page, 'verify', 'day-verify-empty');
    fileDialogs.open(exported);
    await page
      .getByTestId('verify-drop')
      .getByRole('button', { name: nb('exchange.verify.choose') })
      .click();
    await expect(page.getByTestId('verify-report')).toBeVisible({ timeout: 30_000 });
    // Signed by this vault's own new identity, which is not on its trust list yet.
    await expect(page.getByTestId('verify-report')).toHaveAttribute('data-status', 'valid_untrusted');
    await visit(page, 'verify', 'day-verify-report');
  });

  await test.step('import it into a second vault', async () => {
    const second = await openSecondApp(browser);
    try {
      await createVaultThroughUi(second.page, 'NO');
      await navTo(second.page, 'common.nav.verify');
      second.fileDialogs.open(exported);
      await second.page
        .getByTestId('verify-drop')
        .getByRole('button', { name: nb('exchange.verify.choose') })
        .click();
      await expect(second.page.getByTestId('verify-report')).toBeVisible({ timeout: 30_000 });
      await expect(second.page.getByTestId('verify-report')).toHaveAttribute('data-status', 'valid_untrusted');
      await expectNoAxeViolations(second.page);
      await shot(second.page, 'day-second-verify');
      await second.page.getByTestId('import-accept').check();
      await second.page.getByTestId('import-submit').click();
      await expect(second.page.getByTestId('import-done')).toBeVisible({ timeout: 30_000 });
      await expectNoAxeViolations(second.page);
      await shot(second.page, 'day-second-imported');
      // No case of the second vault holds it: it can be purged for good, with a reason.
      const received = second.page.getByTestId('received-document');
      await expect(received).toHaveCount(1);
      await received.getByTestId('received-purge').click();
      await expectNoAxeViolations(second.page);
      await second.page.getByTestId('received-purge-confirm').click();
      await expect(second.page.getByTestId('received-purged-notice')).toContainText(nb('exchange.received.done'));
      await expect(received).toHaveCount(0);
      expect(second.bridge.blocked).toEqual([]);
    } finally {
      await second.close();
    }
  });

  await test.step("nothing but the app's own requests, no page errors", async () => {
    // Chromium's PDF viewer in the print frame loads its own files (from the browser binary, allowed
    // as in the desktop app); nothing else was reached for, and nothing was aborted.
    expect(bridge.blocked).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  await test.step('no plaintext at rest: vault, prefs and new temp files hold none of the typed words', async () => {
    const exportsDir = join(dirs.root, 'exports');
    const files = listFiles([dirs.vaultDir, dirs.prefsDir, ...newTempFolders(tempBefore)], [exportsDir]);
    expect(files.length).toBeGreaterThan(0);
    expect(files.some((file) => file.startsWith(dirs.vaultDir))).toBe(true);
    expect(plaintextHits(files, typed)).toEqual([]);
    // The export is only where the test saved it.
    expect(filesContaining(files, 'application/vnd.etsi.asic-e+zip')).toEqual([]);
    expect(listFiles([exportsDir])).toEqual([exported]);
  });
});
