import { useCallback, useEffect, useState } from 'react';
import type { KindedContent } from '../../../shared/domain';
import type { CaseView } from '../../../shared/ipc/cases';
import type { DueListItem } from '../../../shared/ipc/due';
import type { DocumentSummary } from '../../../shared/ipc/record-views';
import type { IpcError } from '../../../shared/ipc/result';
import { api } from '../../lib/api';

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
    };

/** Documents read at a time: enough to be quick, few enough not to crowd the main process. */
const CONTENT_BATCH = 8;

async function loadContents(documents: readonly DocumentSummary[]): Promise<Map<string, KindedContent>> {
  const contents = new Map<string, KindedContent>();
  for (let start = 0; start < documents.length; start += CONTENT_BATCH) {
    const batch = documents.slice(start, start + CONTENT_BATCH);
    const results = await Promise.all(batch.map((doc) => api.invoke('documents.get', { id: doc.id })));
    results.forEach((result, index) => {
      const doc = batch[index];
      if (result.ok && doc) contents.set(doc.id, result.value.data);
    });
  }
  return contents;
}

/** The case, its live documents and due items, then each document's current content. */
export function useCaseData(caseId: string): { data: CaseData; reload(): void } {
  const [data, setData] = useState<CaseData>({ phase: 'loading' });
  const [round, setRound] = useState(0);

  useEffect(() => {
    let current = true;
    void (async () => {
      const [kase, due] = await Promise.all([
        api.invoke('cases.get', { id: caseId }),
        api.invoke('due.list', { caseId }),
      ]);
      if (!current) return;
      if (!kase.ok) return setData({ phase: 'failed', error: kase.error });
      const documents = [...kase.value.documents].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
      const ready = { phase: 'ready' as const, kase: kase.value.case, documents, due: due.ok ? due.value.items : [] };
      setData({ ...ready, contents: new Map(), contentsLoading: documents.length > 0 });
      const contents = await loadContents(documents);
      if (current) setData({ ...ready, contents, contentsLoading: false });
    })();
    return () => {
      current = false;
    };
  }, [caseId, round]);

  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { data, reload };
}
