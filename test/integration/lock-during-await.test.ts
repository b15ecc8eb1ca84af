// A call that waits (a save dialog, a key derivation) while the vault is locked must say "locked", not
// meet the closed connection and show "something went wrong"; locked and unlocked again, it goes on
// through the new connection (audit 4). The real services over a real vault; the dialog is held open.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileSaver } from '../../main/files/file-saver';
import type { FileDialogs } from '../../main/files/file-dialogs';
import { createConfPrefsStore } from '../../main/prefs/conf-prefs-store';
import { innsynHandlers } from '../../main/services/innsyn-service';
import { completePlan } from '../support/document-fixtures';
import { MENTOR_SCHEME_PASSPHRASE } from '../support/compartment-fixtures';
import { serviceApps, type ServiceApp } from '../support/service-app';
import { PASSPHRASE } from '../support/vault-fixtures';

const apps = serviceApps();
const root = mkdtempSync(join(tmpdir(), 'bro-lock-await-'));
afterAll(() => {
  apps.cleanup();
  rmSync(root, { recursive: true, force: true });
});

/** A save dialog that stays open until `answer` is called. */
function heldDialog() {
  let answer: () => void = () => undefined;
  let opened: () => void = () => undefined;
  const open = new Promise<void>((resolve) => (opened = resolve));
  const dialogs: FileDialogs = {
    chooseSavePath: ({ suggestedName }) =>
      new Promise((resolve) => {
        answer = () => resolve(join(mkdtempSync(join(root, 'saved-')), suggestedName));
        opened();
      }),
    chooseOpenPath: async () => null,
  };
  return { dialogs, open, answer: () => answer() };
}

async function innsynWhileDialogOpen(s: ServiceApp, during: () => Promise<unknown>) {
  const { id: caseId } = await s.call('cases.create', {
    name: 'Fiktiv Låsesen',
    caseReference: `KOMPIS-LAAS-${Math.random().toString(36).slice(2, 6)}`,
    unit: 'Fiktivby fengsel',
    status: 'fengsel',
    grading: { level: 'BEGRENSET' },
  });
  const doc = await s.call('documents.create', { caseId, kind: 'follow_up_plan', content: completePlan() });
  const held = heldDialog();
  const files = new FileSaver(held.dialogs, createConfPrefsStore(join(root, 'prefs')), s.app.session.files.dir);
  const handlers = innsynHandlers({ session: s.app.session, now: () => new Date('2026-03-02T10:00:00.000Z'), files });
  const { textsDigest } = await handlers['innsyn.prepare']({ caseId });
  const exporting = Promise.resolve(
    handlers['innsyn.export']({
      caseId,
      versions: [{ documentId: doc.document.id, version: 1 }],
      redactions: [],
      textsDigest,
    }),
  );
  await held.open;
  await during();
  held.answer();
  return {
    caseId,
    outcome: await exporting.then(
      (value) => value,
      (error: unknown) => error,
    ),
  };
}

describe('a call waiting while the vault is locked', () => {
  it('innsyn export: a lock while the save dialog is open answers "locked", and nothing is written', async () => {
    const s = await apps.make('NO');
    const { caseId, outcome } = await innsynWhileDialogOpen(s, async () => s.app.session.lock('idle'));
    expect(outcome).toMatchObject({ code: 'locked', messageKey: 'error.locked' });
    await s.app.session.unlock(PASSPHRASE);
    expect((await s.call('innsyn.log', { caseId })).copies).toEqual([]);
  });

  it('innsyn export: locked and unlocked again while the dialog is open, the copy is made', async () => {
    const s = await apps.make('NO');
    const { caseId, outcome } = await innsynWhileDialogOpen(s, async () => {
      s.app.session.lock('idle');
      await s.app.session.unlock(PASSPHRASE);
      return undefined;
    });
    expect(outcome).toMatchObject({ saved: true });
    expect((await s.call('innsyn.log', { caseId })).copies).toHaveLength(1);
  });

  it('compartment unlock: a vault lock during the key derivation answers "locked"', async () => {
    const s = await apps.make('NO');
    await s.call('compartment.create', { passphrase: MENTOR_SCHEME_PASSPHRASE });
    await s.call('compartment.lock', {});
    for (const passphrase of [MENTOR_SCHEME_PASSPHRASE, 'Feil passord for mentorordningen']) {
      const unlocking = s.app.router.invoke('compartment.unlock', { passphrase });
      await new Promise((resolve) => setImmediate(resolve));
      s.app.session.lock('idle');
      expect(await unlocking).toMatchObject({ ok: false, error: { code: 'locked', messageKey: 'error.locked' } });
      await s.app.session.unlock(PASSPHRASE);
    }
  });
});
