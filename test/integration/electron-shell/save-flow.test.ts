import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { verifyAsice } from '../../../main/signing';
import { electronDouble, fireDownload } from '../../support/electron-double/electron-double';
import { startShell, value, vaultWithFinalPlan, type ShellRun } from '../../support/electron-double/start-shell';
import { PASSPHRASE } from '../../support/vault-fixtures';

vi.mock('electron', () => electronDouble.module);
vi.mock('electron-store', () => import('../../support/electron-double/mock-electron-store'));

let run: ShellRun | null = null;
afterEach(() => {
  run?.stop();
  run = null;
});

/**
 * The download policy and the save flow must agree: whatever way a file leaves the window, a file the
 * user exported ends up at the path chosen in the save dialog. (The old design handed the bytes to the
 * renderer for an <a download>, while the session refused every download: nothing ever reached the disk.)
 */
describe('the Electron shell saves what the user exports', () => {
  it('a signed container exported from the window lands at the path chosen in the save dialog', async () => {
    run = await startShell();
    const { documentId } = await vaultWithFinalPlan(run);
    const chosen = join(run.documentsDir, 'til-kdi.asice');
    electronDouble.dialogAnswers.save.push({ canceled: false, filePath: chosen });

    const result = await value<{ fileBase64?: string; fileName?: string }>(
      run.invoke('export.asice', { documentId, recipient: 'kdi' }),
    );
    // Where a channel hands the bytes to the renderer, the renderer's only way out is a download.
    if (result.fileBase64) {
      fireDownload(electronDouble, Buffer.from(result.fileBase64, 'base64'), result.fileName ?? 'export.asice');
    }

    expect(existsSync(chosen), 'no file at the chosen path').toBe(true);
    const report = await verifyAsice(new Uint8Array(readFileSync(chosen)));
    expect(report.status).toBe('valid_untrusted');
    expect(readdirSync(run.documentsDir)).toEqual(['til-kdi.asice']);
  });

  it('every file-producing channel asks with the save dialog and writes exactly the chosen path', async () => {
    run = await startShell();
    const { documentId } = await vaultWithFinalPlan(run);
    const docs = run.documentsDir;
    const cases = [
      { channel: 'export.pdf', input: { documentId, recipient: 'kdi' }, name: 'plan.pdf', magic: '%PDF-' },
      { channel: 'export.asice', input: { documentId, recipient: 'region' }, name: 'plan.asice', magic: 'PK' },
      { channel: 'signing.saveCertificate', input: {}, name: 'unit.crt', magic: '-----BEGIN CERTIFICATE-----' },
      { channel: 'signing.saveFingerprintSheet', input: {}, name: 'sheet.pdf', magic: '%PDF-' },
      { channel: 'backup.create', input: {}, name: 'vault.brobak', magic: '' },
    ];
    for (const item of cases) {
      const before = electronDouble.callsTo('dialog', 'showSaveDialog').length;
      electronDouble.dialogAnswers.save.push({ canceled: false, filePath: join(docs, item.name) });
      const result = await value<{ saved?: boolean; made?: boolean; fileName?: string }>(
        run.invoke(item.channel, item.input),
      );
      expect(electronDouble.callsTo('dialog', 'showSaveDialog').length, item.channel).toBe(before + 1);
      expect(result.saved ?? result.made, item.channel).toBe(true);
      expect(result.fileName, item.channel).toBe(item.name);
      expect(JSON.stringify(result), 'the renderer never gets the bytes').not.toMatch(/Base64|"pem"/);
      expect(readFileSync(join(docs, item.name)).subarray(0, item.magic.length).toString('latin1')).toBe(item.magic);
    }
    expect(readdirSync(docs).sort()).toEqual(cases.map((item) => item.name).sort());
    const pem = join(docs, 'unit.crt');
    expect(execFileSync('openssl', ['x509', '-in', pem, '-noout', '-subject'], { encoding: 'utf8' })).toMatch(
      /Fiktivby fengsel/,
    );
  });

  it('a restore takes the backup and the empty folder from the open dialogs and lands in that folder', async () => {
    run = await startShell();
    await vaultWithFinalPlan(run);
    const backup = join(run.documentsDir, 'vault.brobak');
    electronDouble.dialogAnswers.save.push({ canceled: false, filePath: backup });
    await value(run.invoke('backup.create', {}));
    const folder = join(run.documentsDir, 'gjenopprettet');
    mkdirSync(folder);
    electronDouble.dialogAnswers.open.push({ canceled: false, filePaths: [backup] });
    electronDouble.dialogAnswers.open.push({ canceled: false, filePaths: [folder] });

    expect(await value(run.invoke('backup.chooseRestoreFile', {}))).toMatchObject({ chosen: true });
    expect(await value(run.invoke('backup.chooseRestoreFolder', {}))).toMatchObject({ chosen: true });
    const [fileDialog, folderDialog] = electronDouble
      .callsTo('dialog', 'showOpenDialog')
      .slice(-2)
      .map((call) => call.args.at(-1) as { properties: string[] });
    expect(fileDialog?.properties).toEqual(['openFile']);
    expect(folderDialog?.properties).toContain('openDirectory');
    expect(await value(run.invoke('backup.restore', { passphrase: PASSPHRASE, into: 'chosenFolder' }))).toMatchObject({
      folder,
      openHere: false,
    });
    expect(readdirSync(folder)).toContain('vault.db');
  });

  it('a cancelled save dialog writes nothing, logs nothing and signs nothing', async () => {
    run = await startShell();
    const { documentId } = await vaultWithFinalPlan(run);
    const logBefore = await value(run.invoke('export.log', { documentId }));
    const distributionBefore = await value(run.invoke('distribution.list', { documentId }));
    for (const [channel, input] of [
      ['export.pdf', { documentId, recipient: 'kdi' }],
      ['export.asice', { documentId, recipient: 'kdi' }],
      ['signing.saveCertificate', {}],
      ['signing.saveFingerprintSheet', {}],
      ['backup.create', {}],
    ] as const) {
      const result = await value<{ saved?: boolean; made?: boolean }>(run.invoke(channel, input));
      expect(result.saved ?? result.made, channel).toBe(false);
    }
    expect(electronDouble.callsTo('dialog', 'showSaveDialog')).toHaveLength(5);
    expect(readdirSync(run.documentsDir)).toEqual([]);
    expect(await value(run.invoke('export.log', { documentId }))).toEqual(logBefore);
    expect(await value(run.invoke('distribution.list', { documentId }))).toEqual(distributionBefore);
  });

  it('the next save dialog opens in the folder the user saved to last, with the suggested name and a filter', async () => {
    run = await startShell();
    const { documentId } = await vaultWithFinalPlan(run);
    const chosen = join(run.root, 'til-kdi', 'plan.asice');
    execFileSync('mkdir', ['-p', dirname(chosen)]);
    electronDouble.dialogAnswers.save.push({ canceled: false, filePath: chosen });
    await value(run.invoke('export.asice', { documentId, recipient: 'kdi' }));
    await value(run.invoke('export.pdf', { documentId, recipient: 'kdi' }));
    const [first, second] = electronDouble.callsTo('dialog', 'showSaveDialog').map((call) => call.args[1]);
    expect(first).toMatchObject({ filters: [{ name: 'Signert beholder (ASiC-E)', extensions: ['asice'] }] });
    const paths = [first, second].map((options) => (options as { defaultPath: string }).defaultPath);
    expect(dirname(paths[0] ?? '')).toBe(run.documentsDir);
    expect(paths[0]).toMatch(/follow_up_plan-v\d+\.asice$/);
    expect(dirname(paths[1] ?? ''), 'the folder chosen last').toBe(dirname(chosen));
    expect(paths[1]).toMatch(/follow_up_plan-v\d+\.pdf$/);
  });
});
