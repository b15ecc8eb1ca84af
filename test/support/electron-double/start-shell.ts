import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';
import type { IpcResult } from '../../../shared/ipc/result';
import { completePlan } from '../document-fixtures';
import { PASSPHRASE } from '../vault-fixtures';
import { electronDouble } from './electron-double';

/** The shell's one IPC channel (main/app/invoke-channel.ts). */
export const INVOKE = 'bro:invoke';

export interface ShellRun {
  root: string;
  vaultDir: string;
  documentsDir: string;
  /** Calls the router through the handler main registered, as the window's main frame. */
  invoke(channel: string, input: unknown): Promise<IpcResult<unknown>>;
  stop(): void;
}

/**
 * Imports the real `main/app/main.ts` afresh against a reset double: temp user-data, documents and vault
 * folders, `argv` as Electron would pass it, and `app.whenReady()` resolved. `stop()` restores argv,
 * removes the process listeners main added and deletes the folders.
 */
export async function startShell(options: { argv?: string[]; packaged?: boolean; ready?: boolean } = {}) {
  electronDouble.reset();
  electronDouble.isPackaged = options.packaged ?? false;
  const root = mkdtempSync(join(tmpdir(), 'bro-shell-'));
  const documentsDir = join(root, 'documents');
  mkdirSync(documentsDir);
  electronDouble.paths = { userData: join(root, 'user-data'), documents: documentsDir };
  const vaultDir = join(root, 'vault');
  const savedArgv = process.argv;
  const listeners = {
    uncaughtException: process.listeners('uncaughtException'),
    unhandledRejection: process.listeners('unhandledRejection'),
  };
  process.argv = ['/opt/Bro/bro', '.', '--vault', vaultDir, ...(options.argv ?? [])];
  vi.resetModules();
  await import('../../../main/app/main');
  if (options.ready ?? true) await electronDouble.ready();
  const run: ShellRun = {
    root,
    vaultDir,
    documentsDir,
    invoke: (channel, input) => electronDouble.invokeAs(INVOKE, {}, channel, input) as Promise<IpcResult<unknown>>,
    stop() {
      electronDouble.app.emit('will-quit');
      process.argv = savedArgv;
      for (const listener of process.listeners('uncaughtException'))
        if (!listeners.uncaughtException.includes(listener)) process.off('uncaughtException', listener);
      for (const listener of process.listeners('unhandledRejection'))
        if (!listeners.unhandledRejection.includes(listener)) process.off('unhandledRejection', listener);
      rmSync(root, { recursive: true, force: true });
    },
  };
  return run;
}

export async function value<T = Record<string, unknown>>(result: Promise<IpcResult<unknown>>): Promise<T> {
  const settled = await result;
  if (!settled.ok) throw new Error(`channel failed: ${JSON.stringify(settled.error)}`);
  return settled.value as T;
}

/** A NO vault with a signing identity and a finalised follow-up plan, made through the shell's IPC. */
export async function vaultWithFinalPlan(run: ShellRun): Promise<{ documentId: string }> {
  await value(run.invoke('vault.create', { profile: 'NO', passphrase: PASSPHRASE }));
  await value(run.invoke('signing.generateIdentity', { unitName: 'Fiktivby fengsel, radikaliseringskontakt' }));
  const kase = await value<{ id: string }>(
    run.invoke('cases.create', {
      name: 'Ola Fiktiv',
      birthDate: '1990-05-17',
      caseReference: 'KOMPIS-0001',
      unit: 'Fiktivby fengsel',
      status: 'fengsel',
      grading: { level: 'BEGRENSET' },
    }),
  );
  const doc = await value<{ document: { id: string } }>(
    run.invoke('documents.create', { caseId: kase.id, kind: 'follow_up_plan', content: completePlan() }),
  );
  await value(run.invoke('documents.finalise', { id: doc.document.id }));
  return { documentId: doc.document.id };
}
