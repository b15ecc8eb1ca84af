import { afterEach, describe, expect, it, vi } from 'vitest';
import { electronDouble } from '../../support/electron-double/electron-double';
import { startShell, value, vaultWithFinalPlan, type ShellRun } from '../../support/electron-double/start-shell';

vi.mock('electron', () => electronDouble.module);
vi.mock('electron-store', () => import('../../support/electron-double/mock-electron-store'));

let run: ShellRun | null = null;
afterEach(() => {
  run?.stop();
  run = null;
});

type Log = { entries: { format: string }[] };

describe('printing from the desktop app', () => {
  it('prints the rendered PDF from a hidden, sandboxed window through webContents.print, and logs it', async () => {
    run = await startShell();
    const { documentId } = await vaultWithFinalPlan(run);
    const before = (await value<Log>(run.invoke('export.log', { documentId }))).entries.length;

    expect(await value(run.invoke('files.print', { documentId }))).toEqual({ outcome: 'printed' });
    const printWindow = electronDouble.windows[1];
    expect(printWindow?.options).toMatchObject({ show: false });
    expect(printWindow?.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
    });
    expect((printWindow?.options.webPreferences as Record<string, unknown>).preload).toBeUndefined();
    expect(printWindow?.webContents.loadedUrl).toMatch(/^data:application\/pdf;base64,JVBERi0/);
    expect(printWindow?.webContents.printed).toHaveLength(1);
    expect(printWindow?.destroyed, 'the print window is closed afterwards').toBe(true);
    const after = (await value<Log>(run.invoke('export.log', { documentId }))).entries;
    expect(after).toHaveLength(before + 1);
    expect(after.filter((entry) => entry.format === 'print')).toHaveLength(1);
  });

  it('a print cancelled in the system dialog is not logged', async () => {
    run = await startShell();
    const { documentId } = await vaultWithFinalPlan(run);
    const before = await value(run.invoke('export.log', { documentId }));
    electronDouble.printSucceeds = false;
    expect(await value(run.invoke('files.print', { documentId }))).toEqual({ outcome: 'cancelled' });
    expect(await value(run.invoke('export.log', { documentId }))).toEqual(before);
  });
});
