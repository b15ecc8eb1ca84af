import type { DueView } from '../../../shared/ipc/due-view';
import type { IpcError, IpcResult } from '../../../shared/ipc/result';
import type { ContactRegisterStatus } from '../../../shared/rules';
import { failureOf, valueOr, type Load } from '../../lib/use-load';

/** The case count, and (NO pkt 2 only, else null) the register's send status or why it could not be read. */
export interface HomeSummary {
  cases: number;
  register: IpcResult<ContactRegisterStatus> | null;
}

export type HomeData =
  | { phase: 'loading' }
  | { phase: 'failed'; error: IpcError; retry(): void }
  | ({ phase: 'ready'; view: DueView } & HomeSummary);

/**
 * The home screen's data once both loads have answered, so the page fills in once and nothing jumps. A
 * new filter or "show more" keeps the list on screen (the newest answer) until the new one replaces it.
 */
export function homeData(summary: Load<HomeSummary>, due: Load<DueView>): HomeData {
  const failure = failureOf(summary) ?? failureOf(due);
  if (failure) return { phase: 'failed', ...failure };
  const view = valueOr(due.loaded, due.latest);
  if (summary.loaded.state !== 'ready' || view === undefined) return { phase: 'loading' };
  return { phase: 'ready', view, ...summary.loaded.value };
}
