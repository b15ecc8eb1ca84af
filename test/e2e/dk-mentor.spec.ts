import { expect, test } from './fixtures';
import { createVaultThroughUi, expectNoAxeViolations, FAST_KDF, nb, navTo, screen, shot, visit } from './support/flow';

/**
 * The Danish mentor scheme (issue 5): a mentor who fails § 5 of the circular shows the finding with its
 * citation, the fix removes it, and a mentor course started four months ago makes the quarterly
 * meeting due. Fictional data only.
 */
test.use({ kdfCost: FAST_KDF });

const MENTOR = 'Jens Opdigtet Rævehøj';

function isoDaysAgo(days: number): string {
  const day = new Date();
  day.setDate(day.getDate() - days);
  return day.toISOString().slice(0, 10);
}

test('DK: a mentor failing § 5 is flagged with its citation, fixed, and a course makes the quarterly meeting due', async ({
  page,
  bridge,
  pageErrors,
}) => {
  test.setTimeout(120_000);

  await test.step('create a DK vault', async () => {
    await createVaultThroughUi(page, 'DK');
    await visit(page, 'home', 'dk-home-empty');
    // The contact register is NO pkt 2: a DK vault's navigation does not offer it.
    const nav = page.getByRole('navigation', { name: nb('common.nav.label') });
    await expect(nav.getByRole('button', { name: nb('common.nav.mentors') })).toBeVisible();
    await expect(nav.getByRole('button', { name: nb('common.nav.contacts') })).toHaveCount(0);
  });

  await test.step('register a mentor who does not understand Danish: DK § 5, stk. 1, nr. 2', async () => {
    await navTo(page, 'common.nav.mentors');
    await visit(page, 'mentors', 'dk-mentors-empty');
    await page.getByTestId('mentor-new').first().click();
    const form = page.getByTestId('mentor-form');
    await expect(form).toBeVisible();
    await form.getByLabel(nb('domain.mentor.name'), { exact: true }).fill(MENTOR);
    await form
      .getByLabel(nb('domain.mentor.understandsAndSpeaksDanish'), { exact: true })
      .selectOption({ label: nb('domain.yesNo.no') });
    await expect(
      page.getByTestId('finding-citation').filter({ hasText: 'DK § 5, stk. 1, nr. 2' }).first(),
    ).toBeVisible();
    // DK § 8: the mentor's confidentiality and duty to notify are recorded with the date acknowledged.
    await expect(form.getByTestId('mentor-duties')).toContainText('DK § 8, stk. 1');
    await expect(form.getByTestId('mentor-duties')).toContainText('DK § 8, stk. 2');
    await expectNoAxeViolations(page);
    await shot(page, 'dk-mentor-fails-5');
  });

  await test.step('fix it: the finding is gone, save', async () => {
    const form = page.getByTestId('mentor-form');
    await form
      .getByLabel(nb('domain.mentor.understandsAndSpeaksDanish'), { exact: true })
      .selectOption({ label: nb('domain.yesNo.yes') });
    await expect(page.getByTestId('finding-citation').filter({ hasText: 'DK § 5, stk. 1, nr. 2' })).toHaveCount(0);
    await page.getByTestId('mentor-save').click();
    await expect(page.getByTestId('mentor-list-item').filter({ hasText: MENTOR })).toBeVisible({ timeout: 20_000 });
    await visit(page, 'mentors', 'dk-mentor-saved');
  });

  await test.step('create a case and start a mentor course four months ago', async () => {
    await navTo(page, 'common.nav.cases');
    await page.getByTestId('new-case').click();
    const form = page.getByTestId('case-form');
    await form.getByLabel(nb('domain.case.name'), { exact: true }).fill('Ole Fiktivsen Bøgeskov');
    await form.getByLabel(nb('cases.field.caseReference'), { exact: true }).fill('DK-4711');
    await form.getByLabel(nb('domain.case.unit'), { exact: true }).fill('Fiktivt fængsel');
    await form.getByRole('button', { name: nb('cases.form.create') }).click();
    await expect(screen(page, 'case')).toBeVisible();
    // A DK vault offers the mentor scheme only: no tab and no "New …" for the NO pkt 4-12 kinds.
    await expect(page.getByRole('tab')).toHaveCount(3);
    await expect(page.getByRole('tab')).toContainText([
      nb('cases.tab.overview'),
      nb('cases.tab.mentor_course'),
      nb('cases.tab.history'),
    ]);
    await page.getByRole('tab', { name: nb('cases.tab.mentor_course') }).click();
    for (const kind of [
      'observation',
      'concern',
      'concern_report',
      'follow_up_plan',
      'future_plan',
      'meeting',
      'visit_routine',
    ])
      await expect(page.getByTestId(`new-document-${kind}`)).toHaveCount(0);
    await page.getByTestId('new-document-mentor_course').click();
    const start = page.getByTestId('new-document-start');
    if (await start.isVisible().catch(() => false)) await start.click();
    await expect(screen(page, 'document')).toBeVisible({ timeout: 20_000 });
    await page.getByLabel(nb('domain.mentorCourse.startDate'), { exact: true }).fill(isoDaysAgo(125));
    const mentors = page.getByRole('group', { name: nb('domain.mentorCourse.mentors'), exact: true });
    await mentors.getByRole('button', { name: nb('editors.mentorCourse.addMentor') }).click();
    await mentors
      .getByLabel(nb('editors.mentorCourse.mentor'), { exact: true })
      .first()
      .selectOption({ label: MENTOR });
    await page.getByTestId('document-save').click();
    await expect(page.getByTestId('document-save')).toBeDisabled();
    await visit(page, 'document', 'dk-mentor-course');
  });

  await test.step('the quarterly meeting is due on the home screen', async () => {
    await navTo(page, 'common.nav.home');
    await expect(
      page
        .getByTestId('due-item')
        .filter({ hasText: /tredje måned/ })
        .first(),
    ).toBeVisible();
    await visit(page, 'home', 'dk-home-quarterly-due');
  });

  expect(bridge.blocked).toEqual([]);
  expect(pageErrors).toEqual([]);
});
