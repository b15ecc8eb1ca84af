import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { pdfPageTexts } from '../support/poppler';
import { answeringDialogs, exportArea, finalisedPlan, makeCase } from './export-fixtures';
import { serviceApps } from '../support/service-app';
import { FileSaver } from '../../main/files/file-saver';
import { LastFolder } from '../../main/files/last-folder';
import { fileHandlers } from '../../main/services/file-service';
import { createConfPrefsStore } from '../../main/prefs/conf-prefs-store';
import { tempDirs } from '../support/temp-dir';

const apps = serviceApps();
const dirs = tempDirs('bro-lang-');
afterEach(() => {
  apps.cleanup();
  dirs.cleanup();
});

const textOf = async (base64: string) =>
  (await pdfPageTexts(new Uint8Array(Buffer.from(base64, 'base64')))).join('\n').replace(/\s+/g, ' ');

/**
 * A document that leaves the machine is in the vault's language (NO: bokmål, DK: Danish) unless the
 * user picks another in the export dialog — never the language of the screen or of the terminal.
 */
describe('documents in the profile’s language', () => {
  it('prints and exports a NO vault’s plan in bokmål while the UI is in English, and in English when picked', async () => {
    const s = await apps.make('NO');
    await s.call('settings.update', { uiLanguage: 'en' });
    const plan = await finalisedPlan(s, await makeCase(s));
    const area = exportArea(
      s,
      () => new Date(),
      () => 'en',
    );
    await area.call('signing.generateIdentity', { unitName: 'Fiktivby fengsel' });

    const printed = await s.call('export.print', { documentId: plan.id });
    expect(await textOf(printed.fileBase64)).toMatch(/side 1 av \d/);
    const saved = await area.call('export.pdf', { documentId: plan.id, recipient: 'kdi' });
    const text = await textOf(saved.fileBase64);
    expect(text).toMatch(/side 1 av \d/);
    expect(text).not.toMatch(/page 1 of/);

    const english = await area.call('export.pdf', { documentId: plan.id, recipient: 'kdi', locale: 'en' });
    expect(await textOf(english.fileBase64)).toMatch(/page 1 of \d/);
  });

  it('saves a DK vault’s fingerprint sheet in Danish while the UI is in English', async () => {
    const s = await apps.make('DK');
    await s.call('settings.update', { uiLanguage: 'en' });
    await s.call('signing.generateIdentity', { unitName: 'Kriminalforsorgen Fiktivby' });
    const dialogs = answeringDialogs();
    const prefs = createConfPrefsStore(dirs.make());
    prefs.update({ uiLanguage: 'en' });
    const deps = { session: s.app.session, now: () => new Date(), locale: () => 'en' as const };
    const handlers = fileHandlers({
      ...deps,
      files: new FileSaver(dialogs, prefs, s.app.session.files.dir),
      dialogs,
      prefs,
      lastFolder: new LastFolder(),
      printer: null,
    });
    expect(await handlers['signing.saveFingerprintSheet']({})).toMatchObject({ saved: true });
    const text = await textOf(readFileSync(dialogs.saved[0] ?? '').toString('base64'));
    dialogs.cleanup();
    expect(text).toContain('Signeringscertifikat og fingeraftryk');
    expect(text).toMatch(/side 1 af 1/);
    expect(text).not.toContain('Signing certificate');
  });
});
