import { useEffect, useState } from 'react';
import type { DocumentKind } from '../../../shared/domain';
import { useI18n } from '../../app/i18n';
import { formatIsoDate, formatIsoDateTime } from './format';
import { api } from '../../lib/api';

/** A document of the same case that this one can refer to (observations of a concern, a report's concern). */
export interface LinkedDocument {
  id: string;
  label: string;
}

const MAX_LINKED = 100;

/** Short, readable excerpt for a choice label. */
function excerpt(text: string, length = 80): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > length ? `${line.slice(0, length - 1)}…` : line;
}

/**
 * The case's documents of one kind, labelled for choosing: observations by time, observer and what
 * was seen; concerns by date and the start of the description. Newest first.
 */
export function useLinkedDocuments(caseId: string | null, kind: DocumentKind | null): LinkedDocument[] {
  const { t, locale } = useI18n();
  const [linked, setLinked] = useState<LinkedDocument[]>([]);
  useEffect(() => {
    if (!caseId || !kind) return;
    let current = true;
    void (async () => {
      const list = await api.invoke('documents.list', { caseId, kind });
      if (!list.ok) return;
      const summaries = [...list.value.documents]
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
        .slice(0, MAX_LINKED);
      const details = await Promise.all(summaries.map((doc) => api.invoke('documents.get', { id: doc.id })));
      const labelled = details.flatMap((result): LinkedDocument[] => {
        if (!result.ok) return [];
        const { data, document } = result.value;
        const created = formatIsoDate(locale, document.createdAt);
        if (data.kind === 'observation') {
          const when = data.content.observedAt ? formatIsoDateTime(locale, data.content.observedAt) : created;
          const text = [when, data.content.observer, excerpt(data.content.seenOrHeard)].filter(Boolean).join(' · ');
          return [{ id: document.id, label: text }];
        }
        if (data.kind === 'concern') {
          const when = data.content.raisedOn ? formatIsoDate(locale, data.content.raisedOn) : created;
          return [
            {
              id: document.id,
              label: [when, excerpt(data.content.description) || t('editors.linked.untitled')].join(' · '),
            },
          ];
        }
        return [{ id: document.id, label: created }];
      });
      if (current) setLinked(labelled);
    })();
    return () => {
      current = false;
    };
  }, [caseId, kind, t, locale]);
  return linked;
}
