import { createHash } from 'node:crypto';
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

type Log = { entries: { format: string; fileSha256: string }[] };

const prints = async (r: ShellRun, documentId: string) =>
  (await value<Log>(r.invoke('export.log', { documentId }))).entries.filter((entry) => entry.format === 'print');

/** What the print screen does: the plan, the preview's PDF (export.print), then the Print button (files.print). */
async function previewThenPrint(r: ShellRun, documentId: string) {
  const plan = await value<{ version: number }>(r.invoke('export.prepare', { documentId }));
  const preview = await value<{ sha256: string }>(r.invoke('export.print', { documentId, version: plan.version }));
  const printed = await value<{ outcome: string }>(r.invoke('files.print', { documentId, version: plan.version }));
  return { preview, outcome: printed.outcome };
}

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

  it('opening the print preview logs nothing', async () => {
    run = await startShell();
    const { documentId } = await vaultWithFinalPlan(run);
    await value(run.invoke('export.print', { documentId }));
    expect(await prints(run, documentId)).toEqual([]);
    expect(electronDouble.windows, 'no print window for the preview').toHaveLength(1);
  });

  it('the preview, then a print cancelled in the system dialog, logs no print', async () => {
    run = await startShell();
    const { documentId } = await vaultWithFinalPlan(run);
    electronDouble.printSucceeds = false;
    expect((await previewThenPrint(run, documentId)).outcome).toBe('cancelled');
    expect(await prints(run, documentId)).toEqual([]);
  });

  it('the preview, then one print, logs exactly one print, with the hash of the PDF that was printed', async () => {
    run = await startShell();
    const { documentId } = await vaultWithFinalPlan(run);
    expect((await previewThenPrint(run, documentId)).outcome).toBe('printed');
    const logged = await prints(run, documentId);
    expect(logged).toHaveLength(1);
    const printWindow = electronDouble.windows[1];
    expect(printWindow?.webContents.printed).toHaveLength(1);
    const printedPdf = Buffer.from((printWindow?.webContents.loadedUrl ?? '').split(',')[1] ?? '', 'base64');
    expect(logged[0]?.fileSha256).toBe(createHash('sha256').update(printedPdf).digest('hex'));
  });

  it('a print job that fails is reported as failed and not logged', async () => {
    run = await startShell();
    const { documentId } = await vaultWithFinalPlan(run);
    electronDouble.printSucceeds = false;
    electronDouble.printFailureReason = 'Print job failed';
    expect((await previewThenPrint(run, documentId)).outcome).toBe('failed');
    expect(await prints(run, documentId)).toEqual([]);
  });

  it('a PDF the print window never loads is reported as failed in time, not left waiting, and not logged', async () => {
    run = await startShell();
    const { PRINT_LOAD_TIMEOUT_MS } = await import('../../../main/app/electron-printer');
    const { documentId } = await vaultWithFinalPlan(run);
    electronDouble.loadStalls = true;
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: true });
    try {
      const printing = run.invoke('files.print', { documentId });
      await vi.waitFor(() => expect(electronDouble.windows).toHaveLength(2));
      vi.advanceTimersByTime(PRINT_LOAD_TIMEOUT_MS);
      expect(await value(printing)).toEqual({ outcome: 'failed' });
      expect(electronDouble.windows[1]?.destroyed, 'the print window is closed').toBe(true);
      expect(await prints(run, documentId)).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });
});
