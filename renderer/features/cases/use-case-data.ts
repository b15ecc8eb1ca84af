import { useCallback } from 'react';
import type { KindedContent } from '../../../shared/domain';
import type { CaseView } from '../../../shared/ipc/cases';
import type { DueListItem } from '../../../shared/ipc/due';
import type { DocumentSummary } from '../../../shared/ipc/record-views';
import type { IpcError, IpcResult } from '../../../shared/ipc/result';
import { api } from '../../lib/api';
import { useLoad } from '../../lib/use-load';

export type CaseData =
  | { phase: 'loading' }
  | { phase: 'failed'; error: IpcError }
  | {
      phase: 'ready';
      kase: CaseView;
      documents: DocumentSummary[];
      due: DueListItem[];
      /** Current content by document id, filled in as it arrives (for subjects and meeting actions). */
      contents: ReadonlyMap<string, KindedContent>;
      /** True while contents are still being read. */
      contentsLoading: boolean;
      /** A document whose content could not be read: shown with a retry, never as a silent gap. */
      contentsFailure: { error: IpcError; retry(): void } | null;
    };

/** Documents read at a time: enough to be quick, few enough not to crowd the main process. */
const CONTENT_BATCH = 8;

/** Each document's current content; one that cannot be read fails the whole read (shown, with retry). */
async function loadContents(documents: readonly DocumentSummary[]): Promise<IpcResult<Map<string, KindedContent>>> {
  const contents = new Map<string, KindedContent>();
  for (let start = 0; start < documents.length; start += CONTENT_BATCH) {
    const batch = documents.slice(start, start + CONTENT_BATCH);
    const results = await Promise.all(batch.map((doc) => api.invoke('documents.get', { id: doc.id })));
    for (const result of results) {
      if (!result.ok) return result;
      contents.set(result.value.document.id, result.value.data);
    }
  }
  return { ok: true, value: contents };
}

interface CaseAndDue {
  kase: CaseView;
  documents: DocumentSummary[];
  due: DueListItem[];
}

async function loadCase(caseId: string): Promise<IpcResult<CaseAndDue>> {
  const [kase, due] = await Promise.all([api.invoke('cases.get', { id: caseId }), api.invoke('due.list', { caseId })]);
  if (!kase.ok) return kase;
  if (!due.ok) return due;
  const documents = [...kase.value.documents].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return { ok: true, value: { kase: kase.value.case, documents, due: due.value.items } };
}

const NO_CONTENTS: ReadonlyMap<string, KindedContent> = new Map();

/** The case, its live documents and due items, then each document's current content. */
export function useCaseData(caseId: string): { data: CaseData; reload(): void } {
  const main = useLoad(caseId, () => loadCase(caseId));
  const ready = main.loaded.state === 'ready' ? main.loaded.value : null;
  // The contents follow the documents read: a new list (after a reload) reads them again.
  const contentsKey = ready ? `${caseId}:${ready.documents.map((d) => `${d.id}@${d.updatedAt}`).join(',')}` : null;
  const contents = useLoad(contentsKey, () => loadContents(ready?.documents ?? []));
  const reloadMain = main.reload;
  const reload = useCallback(() => reloadMain(), [reloadMain]);

  if (main.loaded.state === 'failed') return { data: { phase: 'failed', error: main.loaded.error }, reload };
  if (!ready) return { data: { phase: 'loading' }, reload };
  const read = contents.loaded;
  const data: CaseData = {
    phase: 'ready',
    ...ready,
    contents: read.state === 'ready' ? read.value : NO_CONTENTS,
    contentsLoading: read.state === 'loading' && ready.documents.length > 0,
    contentsFailure: read.state === 'failed' ? { error: read.error, retry: contents.reload } : null,
  };
  return { data, reload };
}
