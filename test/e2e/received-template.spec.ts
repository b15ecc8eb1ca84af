import { completePlan } from '../support/document-fixtures';
import { expect, PASSPHRASE, test } from './fixtures';
import { call, FAST_KDF, nb, openFirstDocument, seedCase } from './support/flow';

/**
 * A document handed over from another unit names the sender's own template copy, which this vault does
 * not hold. The editor shows it with the built-in template's headings, as it prints, instead of a load
 * error on every opening. Fictional people only.
 */
test.use({ kdfCost: FAST_KDF });

const PERSON = 'Tor Fiktiv Mottaksen';

test('a plan naming a template copy this vault does not hold opens with the built-in headings, no load error', async ({
  page,
  app,
  pageErrors,
}) => {
  await call(app, 'vault.create', { profile: 'NO', passphrase: PASSPHRASE });
  const kase = await seedCase(app, {
    name: PERSON,
    caseReference: 'KOMPIS-E2E-TPL-1',
    unit: 'Nordby fengsel',
  });
  // As a handed-over plan arrives: naming the sending unit's copy.
  const senderCopy = { id: 'vault-0b6f5c1e-7d3a-4f2b-9c8e-1a2b3c4d5e6f', version: 2 };
  await call(app, 'documents.create', {
    caseId: kase.id,
    kind: 'follow_up_plan',
    content: { ...completePlan(), template: senderCopy },
  });
  const editor = await openFirstDocument(page, PERSON, 'follow_up_plan');
  const builtin = await call<{ sections: { heading: string }[] }>(app, 'templates.get', {
    id: 'no-follow-up-plan',
    locale: 'nb',
  });
  await expect(editor.getByText(builtin.sections[0]?.heading ?? '', { exact: true }).first()).toBeVisible();
  await expect(editor.getByTestId('load-failed')).toHaveCount(0);
  await expect(editor.getByText(nb('error.not_found'))).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});
