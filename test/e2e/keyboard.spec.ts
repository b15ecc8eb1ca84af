import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, PASSPHRASE, test } from './fixtures';
import type { AnsweringDialogs } from './support/answering-dialogs';
import { FAST_KDF, nb, openSecondApp, screen } from './support/flow';

test.use({ kdfCost: FAST_KDF });

/**
 * The working day of issue 5 with the keyboard alone: no click, no fill, no focus() — every control
 * is reached with Tab (forwards only), tabs and radio groups with the arrow keys, buttons with Enter,
 * checkboxes with Space, saving with Ctrl+S. The only thing not done with keys is the operating
 * system's file picker, which Playwright answers in its place.
 */

/**
 * Moves focus with Tab until `target` has it. Fails, naming the control, when it cannot be reached
 * by keyboard at all (Tab wraps round the page, so a control behind the focus is reached too).
 */
async function tabTo(page: Page, target: Locator, what: string, max = 250): Promise<void> {
  await expect(target).toBeVisible({ timeout: 20_000 });
  for (let presses = 0; presses < max; presses += 1) {
    if (await target.evaluate((element) => element === element.ownerDocument.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`not reachable with Tab: ${what}`);
}

async function typeInto(page: Page, target: Locator, what: string, text: string): Promise<void> {
  await tabTo(page, target, what);
  await page.keyboard.type(text);
}

async function press(page: Page, target: Locator, what: string, key = 'Enter'): Promise<void> {
  await tabTo(page, target, what);
  await page.keyboard.press(key);
}

/**
 * Types a date into Bro's date field the way a Norwegian user writes it (day.month.year); the field
 * shows it in the UI language's form whatever the browser's locale.
 */
async function typeDate(page: Page, target: Locator, what: string, iso: string): Promise<void> {
  const [year, month, day] = iso.split('-') as [string, string, string];
  await tabTo(page, target, what);
  await page.keyboard.type(`${day}.${month}.${year}`);
  await expect(target).toHaveValue(`${day}.${month}.${year}`);
}

/**
 * Tabs use a roving tab index (WAI-ARIA tabs pattern): Tab reaches the selected tab, arrow keys move
 * between tabs, Enter activates.
 */
async function openTab(page: Page, name: string): Promise<void> {
  const list = page.getByRole('tablist');
  await tabTo(page, list.getByRole('tab', { selected: true }), 'selected tab');
  const target = list.getByRole('tab', { name });
  for (let presses = 0; presses < 12; presses += 1) {
    if (await target.evaluate((element) => element === element.ownerDocument.activeElement)) break;
    await page.keyboard.press('ArrowRight');
  }
  await page.keyboard.press('Enter');
  await expect(target).toHaveAttribute('aria-selected', 'true');
}

/** A radio group is one Tab stop; the arrow keys move the choice (and the focus) within it. */
async function chooseRadio(page: Page, group: Locator, name: RegExp, what: string): Promise<void> {
  await tabTo(page, group.getByRole('radio', { checked: true }), what);
  const target = group.getByRole('radio', { name });
  for (let presses = 0; presses < 12; presses += 1) {
    if (await target.isChecked()) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`radio not reached with the arrow keys: ${what}`);
}

async function saveWithCtrlS(page: Page): Promise<void> {
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved', { timeout: 20_000 });
}

async function finalise(page: Page): Promise<void> {
  await press(page, page.getByTestId('document-finalise'), 'finalise');
  await expect(page.getByTestId('document-status')).toHaveAttribute('data-status', 'final', { timeout: 20_000 });
}

async function backToCase(page: Page): Promise<void> {
  await press(page, page.getByTestId('document-back'), 'back to case');
  await expect(screen(page, 'case')).toBeVisible({ timeout: 20_000 });
}

async function navTo(page: Page, key: string): Promise<void> {
  await press(page, page.getByRole('navigation').getByRole('button', { name: nb(key), exact: true }), key);
}

async function createVault(page: Page): Promise<void> {
  await expect(screen(page, 'create')).toBeVisible();
  await press(page, page.getByRole('radio', { name: nb('common.profile.NO') }), 'profile NO', 'Space');
  await typeInto(page, page.getByLabel(nb('vault.passphrase.choose'), { exact: true }), 'passphrase', PASSPHRASE);
  await typeInto(page, page.getByLabel(nb('vault.passphrase.repeat'), { exact: true }), 'repeat', PASSPHRASE);
  await press(page, page.getByRole('button', { name: nb('vault.create.submit') }), 'create');
  const confirm = page.getByRole('dialog');
  await press(page, confirm.getByRole('button', { name: nb('vault.create.confirm') }), 'confirm create');
  await expect(page.getByTestId('recovery-key')).toBeVisible({ timeout: 30_000 });
  await press(page, page.getByRole('checkbox', { name: nb('vault.recovery.confirmStored') }), 'stored', 'Space');
  await press(page, page.getByRole('button', { name: nb('vault.recovery.continue') }), 'continue');
  await expect(screen(page, 'home')).toBeVisible();
}

/** Chooses a file in the verify screen: Space on the choose button opens the shell's open dialog. */
async function verifyFile(page: Page, dialogs: AnsweringDialogs, file: string): Promise<void> {
  await navTo(page, 'common.nav.verify');
  await expect(screen(page, 'verify')).toBeVisible();
  dialogs.open(file);
  const choose = page.getByTestId('verify-drop').getByRole('button', { name: nb('exchange.verify.choose') });
  await press(page, choose, 'choose file', 'Space');
  await expect(page.getByTestId('verify-report')).toBeVisible({ timeout: 30_000 });
  // Signed by the first vault's own new identity, which no vault trusts yet.
  await expect(page.getByTestId('verify-report')).toHaveAttribute('data-status', 'valid_untrusted');
}

/** Opens a case tab and starts a document of `kind` from the template dialog. */
async function startFromTemplate(page: Page, tab: string, kind: string, template?: RegExp): Promise<void> {
  await openTab(page, nb(`cases.tab.${tab}`));
  await press(page, page.getByTestId(`new-document-${kind}`), `new ${kind}`);
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('new-document-start')).toBeEnabled({ timeout: 20_000 });
  if (template) await chooseRadio(page, dialog, template, `template ${String(template)}`);
  await press(page, dialog.getByTestId('new-document-start'), 'start from template');
  await expect(screen(page, 'document')).toBeVisible({ timeout: 20_000 });
}

test('the whole working day with the keyboard alone, from a new vault to an import in a second vault', async ({
  page,
  browser,
  dirs,
  fileDialogs,
}) => {
  // Some 2 000 key presses, each a round trip to the browser: minutes on a busy 2-core machine.
  test.setTimeout(600_000);
  const person = 'Tastatur Fiktivsen';

  await test.step('create the vault', () => createVault(page));

  await test.step('create a case', async () => {
    await navTo(page, 'common.nav.cases');
    await press(page, page.getByTestId('new-case'), 'new case');
    const form = page.getByTestId('case-form');
    await typeInto(page, form.getByLabel(nb('domain.case.name'), { exact: true }), 'name', person);
    await typeInto(page, form.getByLabel(nb('cases.field.caseReference'), { exact: true }), 'reference', '2026-0777');
    await typeInto(page, form.getByLabel(nb('domain.case.unit'), { exact: true }), 'unit', 'Fiktiv fengsel');
    await press(page, form.getByRole('button', { name: nb('cases.form.create') }), 'create case');
    await expect(screen(page, 'case')).toBeVisible({ timeout: 20_000 });
  });

  await test.step('log two observations', async () => {
    for (const phrase of ['Fiktiv ytring fanget opp med tastaturet', 'Fiktivt symbol tegnet på en bok']) {
      await openTab(page, nb('cases.tab.observation'));
      await press(page, page.getByTestId('new-document-observation'), 'new observation');
      await expect(screen(page, 'document')).toBeVisible({ timeout: 20_000 });
      const observer = page.getByLabel(nb('domain.observation.observer'), { exact: true });
      await typeInto(page, observer, 'observer', 'Jens Opdigtet');
      await typeInto(page, page.getByLabel(nb('domain.observation.seenOrHeard'), { exact: true }), 'seen', phrase);
      await saveWithCtrlS(page);
      await backToCase(page);
    }
    await openTab(page, nb('cases.tab.observation'));
    await expect(page.getByTestId('document-row')).toHaveCount(2);
  });

  await test.step('raise a concern', async () => {
    await openTab(page, nb('cases.tab.concern'));
    await press(page, page.getByTestId('new-document-concern'), 'new concern');
    await expect(screen(page, 'document')).toBeVisible({ timeout: 20_000 });
    await typeDate(page, page.getByLabel(nb('domain.concern.raisedOn'), { exact: true }), 'raised on', '2026-11-18');
    await typeInto(
      page,
      page.getByLabel(nb('domain.concern.description'), { exact: true }),
      'description',
      'Fiktiv bekymring for endret atferd',
    );
    await saveWithCtrlS(page);
    await backToCase(page);
  });

  await test.step('a concern report is blocked without its measures (NO pkt 6), then finalised', async () => {
    await openTab(page, nb('cases.tab.concern'));
    await press(page, page.getByTestId('new-document-concern_report'), 'new concern report');
    await expect(screen(page, 'document')).toBeVisible({ timeout: 20_000 });
    await typeInto(page, page.getByLabel(nb('domain.concernReport.cause'), { exact: true }), 'cause', 'Fiktiv årsak');
    await typeInto(
      page,
      page.getByLabel(nb('domain.concernReport.whoHasBeenNotified'), { exact: true }),
      'notified',
      'Fiktiv politikontakt',
    );
    await saveWithCtrlS(page);
    // Finalise stays reachable while blocked (aria-disabled) so Enter can say why.
    await press(page, page.getByTestId('document-finalise'), 'finalise (blocked)');
    // The refusal is an error summary that takes focus, each item linked to its field (issue 16).
    await expect(page.getByTestId('error-summary')).toBeFocused();
    await expect(page.getByTestId('error-summary')).toContainText('NO pkt 6');
    await expect(page.getByTestId('document-status')).toHaveAttribute('data-status', 'draft');
    await typeInto(
      page,
      page.getByLabel(nb('domain.concernReport.measures'), { exact: true }),
      'measures',
      'Fiktive tiltak: samtaler',
    );
    await saveWithCtrlS(page);
    await finalise(page);
    await backToCase(page);
  });

  await test.step('build the follow-up plan from the template and finalise it', async () => {
    await startFromTemplate(page, 'follow_up_plan', 'follow_up_plan');
    await typeInto(
      page,
      page.getByLabel('Risiko- og sårbarhetsfaktorer', { exact: true }),
      'risk factors',
      'Fiktive risikofaktorer',
    );
    await typeInto(page, page.getByLabel('Ansvarlig enhetsleder', { exact: true }), 'unit leader', 'Kari Fiktiv');
    for (const name of [
      'Utarbeidet uten domfeltes medvirkning',
      'Behandling av personopplysninger vurdert',
      'Gradering vurdert',
    ]) {
      await press(page, page.getByRole('checkbox', { name }), name, 'Space');
    }
    await saveWithCtrlS(page);
    await finalise(page);
    await backToCase(page);
  });

  await test.step('hold a start-up meeting with two actions', async () => {
    await startFromTemplate(page, 'meeting', 'meeting', /oppstart/i);
    const date = page.getByLabel(nb('domain.meeting.date'), { exact: true }).first();
    await typeDate(page, date, 'meeting date', '2026-11-20');
    const actions = page.getByRole('group', { name: nb('domain.meeting.actions'), exact: true });
    const field = (key: string, index: number) =>
      actions.getByLabel(nb(`domain.meeting.action.${key}`), { exact: true }).nth(index);
    for (const [index, action] of ['Fiktiv samtale om skole', 'Fiktiv kontakt med kommunen'].entries()) {
      await press(page, actions.getByRole('button', { name: nb('editors.meeting.addAction') }), 'add action');
      await typeInto(page, field('description', index), 'action', action);
      await typeInto(page, field('owner', index), 'owner', 'Jens Opdigtet');
      await typeDate(page, field('deadline', index), 'deadline', `2026-12-1${index}`);
    }
    await saveWithCtrlS(page);
    await finalise(page);
    await backToCase(page);
    await expect(page.getByTestId('case-open-actions').getByTestId('open-action')).toHaveCount(2);
  });

  await test.step('make a visit routine and open its print preview', async () => {
    await startFromTemplate(page, 'visit_routine', 'visit_routine');
    await press(page, page.getByTestId('document-print'), 'print preview');
    await expect(screen(page, 'print')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('print-frame')).toBeVisible({ timeout: 30_000 });
  });

  await test.step('create a signing identity in settings', async () => {
    await navTo(page, 'common.nav.settings');
    // Tab reaches the selected category (General); the arrow keys move to Signing and select it.
    const category = (key: string) => page.getByRole('tab', { name: nb(key), exact: true });
    await tabTo(page, category('settings.category.general'), 'settings categories');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(category('settings.category.signing')).toHaveAttribute('aria-selected', 'true');
    await typeInto(
      page,
      page.getByLabel(nb('exchange.settings.unitName'), { exact: true }),
      'unit name',
      'Fiktiv enhet, radikaliseringskontakt',
    );
    await press(page, page.getByTestId('identity-generate-submit'), 'generate identity');
    await expect(page.getByTestId('identity-view')).toBeVisible({ timeout: 30_000 });
  });

  const exported = join(dirs.root, 'plan-keyboard.asice');
  await test.step('export the plan as ASiC-E to KDI', async () => {
    await navTo(page, 'common.nav.cases');
    // The case grid is one Tab stop; Enter on a row opens the case.
    const row = page.getByTestId('case-row').filter({ hasText: person });
    await press(page, row.locator('[role="gridcell"][tabindex="0"]'), 'case row');
    await expect(screen(page, 'case')).toBeVisible({ timeout: 20_000 });
    await openTab(page, nb('cases.tab.follow_up_plan'));
    await press(page, page.getByTestId('document-row').first().getByRole('button').first(), 'open plan');
    await expect(screen(page, 'document')).toBeVisible({ timeout: 20_000 });
    await press(page, page.getByTestId('document-export'), 'export');
    await expect(page.getByTestId('export-dialog')).toBeVisible();
    // The notes printed on the document: opened and accepted from the keyboard before signing.
    const notes = page.getByTestId('export-notes');
    await expect(notes).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('export-submit')).toBeDisabled();
    await press(page, notes.locator('summary'), 'notes summary');
    await expect(notes.locator('li').first()).toBeVisible();
    await press(page, notes.getByTestId('export-notes-accept'), 'accept notes', 'Space');
    await expect(notes.getByTestId('export-notes-accept')).toBeChecked();
    await expect(page.getByTestId('export-submit')).toBeEnabled({ timeout: 20_000 });
    fileDialogs.saveAs(exported);
    await press(page, page.getByTestId('export-submit'), 'export submit');
    await expect(page.getByTestId('export-result')).toBeVisible({ timeout: 30_000 });
    expect(readFileSync(exported).subarray(0, 2).toString('latin1')).toBe('PK');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('export-dialog')).toBeHidden();
    await expect(page.getByTestId('document-export')).toBeFocused();
  });

  await test.step('verify the file in the verify screen', () => verifyFile(page, fileDialogs, exported));

  await test.step('import it into a second vault', async () => {
    const second = await openSecondApp(browser);
    try {
      await createVault(second.page);
      await verifyFile(second.page, second.fileDialogs, exported);
      await press(second.page, second.page.getByTestId('import-accept'), 'accept import', 'Space');
      await press(second.page, second.page.getByTestId('import-submit'), 'import');
      await expect(second.page.getByTestId('import-done')).toBeVisible({ timeout: 30_000 });
    } finally {
      await second.close();
    }
  });
});
