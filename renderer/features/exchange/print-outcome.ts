import type { ChannelOutput } from '../../../shared/ipc/contract';
import type { IpcError, IpcResult } from '../../../shared/ipc/result';

/** A warning under the print preview: the service's refusal, or (error null) a print that failed. */
export interface PrintProblem {
  error: IpcError | null;
}

/**
 * What the print screen does once the shell has answered the Print button: nothing more after a print
 * or a cancelled print dialog (the user is simply back on the screen), print the page when the shell
 * cannot print (the browser shell, which has logged the print), and warn when printing failed.
 */
export function afterShellPrint(result: IpcResult<ChannelOutput<'files.print'>>): 'done' | 'printPage' | PrintProblem {
  if (!result.ok) return { error: result.error };
  switch (result.value.outcome) {
    case 'printed':
    case 'cancelled':
      return 'done';
    case 'unavailable':
      return 'printPage';
    case 'failed':
      return { error: null };
  }
}
