import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { Router } from '../ipc/router';
import type { IpcResult } from '../../shared/ipc/result';
import { isAppUrl } from './app-origin';
import { INVOKE_CHANNEL } from './invoke-channel';
import type { CrashLog } from './log';

const FORBIDDEN: IpcResult<never> = { ok: false, error: { code: 'forbidden', messageKey: 'error.forbidden' } };

/** Only the top frame of a window showing the app's own origin may call the router. */
function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame === event.sender.mainFrame && frame.parent === null && isAppUrl(frame.url);
}

/**
 * Registers the one handler. The router checks the channel against the contract and validates the
 * input; this layer checks who is asking. Only the router's result goes back: no event, no sender,
 * no exception.
 */
export function handleInvoke(ipcMain: IpcMain, router: Router, log: CrashLog): void {
  ipcMain.handle(INVOKE_CHANNEL, async (event, channel: unknown, input: unknown): Promise<IpcResult<unknown>> => {
    if (!isTrustedSender(event)) {
      log.record({ kind: 'ipc_refused', channel: typeof channel === 'string' ? channel : '(unknown)' });
      return FORBIDDEN;
    }
    return router.invoke(channel, input);
  });
}
