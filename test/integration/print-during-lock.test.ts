// The system print dialog can stay open past an auto-lock or the screen lock. A print whose paper left
// while the vault was locked was never logged, and the user was told "locked" with the sheet in hand
// (audit 4). Now it is logged at the next unlock, dated when it was printed. The real file service over
// a real vault; the printer is the shell's port, held open as the dialog would be.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileSaver } from '../../main/files/file-saver';
import { LastFolder } from '../../main/files/last-folder';
import { createConfPrefsStore } from '../../main/prefs/conf-prefs-store';
import { fileHandlers, type Printer } from '../../main/services/file-service';
import { PASSPHRASE } from '../support/vault-fixtures';
import { serviceApps, type ServiceApp } from '../support/service-app';
import { answeringDialogs, exportArea, finalisedPlan, makeCase } from './export-fixtures';

const apps = serviceApps();
const prefsDir = mkdtempSync(join(tmpdir(), 'bro-print-prefs-'));
let s: ServiceApp;
let documentId: string;
afterAll(() => {
  apps.cleanup();
  rmSync(prefsDir, { recursive: true, force: true });
});

beforeAll(async () => {
  s = await apps.make('NO');
  documentId = (await finalisedPlan(s, await makeCase(s))).id;
});

/** A printer whose dialog stays open until `answer` is called, as the system print dialog does. */
function heldPrinter() {
  let answer: (outcome: 'printed' | 'cancelled') => void = () => undefined;
  let opened: () => void = () => undefined;
  const dialogOpen = new Promise<void>((resolve) => (opened = resolve));
  const printer: Printer = {
    printPdf: () =>
      new Promise((resolve) => {
        answer = resolve;
        opened();
      }),
  };
  return { printer, dialogOpen, answer: (outcome: 'printed' | 'cancelled') => answer(outcome) };
}

function printing(printer: Printer, clock: { now: Date }) {
  const dialogs = answeringDialogs();
  const prefs = createConfPrefsStore(prefsDir);
  const deps = {
    session: s.app.session,
    now: () => clock.now,
    locale: () => 'nb' as const,
    files: new FileSaver(dialogs, prefs, s.app.session.files.dir),
    dialogs,
    prefs,
    lastFolder: new LastFolder(),
    printer,
  };
  return fileHandlers(deps)['files.print']({ documentId });
}

const prints = async () =>
  (await exportArea(s).call('export.log', { documentId })).entries.filter((entry) => entry.format === 'print');

describe('a print whose vault locks while the print dialog is open', () => {
  it('is logged at the next unlock, dated when it was printed', async () => {
    const before = (await prints()).length;
    const held = heldPrinter();
    const clock = { now: new Date('2026-03-02T10:00:00.000Z') };
    const job = printing(held.printer, clock);
    await held.dialogOpen;
    s.app.session.lock('idle');
    clock.now = new Date('2026-03-02T10:05:00.000Z');
    held.answer('printed');
    expect(await job).toEqual({ outcome: 'printed' });
    clock.now = new Date('2026-03-02T11:00:00.000Z');
    await s.app.session.unlock(PASSPHRASE);
    const after = await prints();
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)?.exportedAt).toBe('2026-03-02T10:05:00.000Z');
  });

  it('a print cancelled in a dialog the lock outlived is not logged', async () => {
    const before = (await prints()).length;
    const held = heldPrinter();
    const job = printing(held.printer, { now: new Date('2026-03-02T12:00:00.000Z') });
    await held.dialogOpen;
    s.app.session.lock('idle');
    held.answer('cancelled');
    expect(await job).toEqual({ outcome: 'cancelled' });
    await s.app.session.unlock(PASSPHRASE);
    expect(await prints()).toHaveLength(before);
  });
});
