import type { DocumentKind } from '../../../shared/domain';
import type { Locale } from '../../../shared/domain/profile';
import type { DocumentDetail } from '../../../shared/ipc/documents';
import type { IpcResult } from '../../../shared/ipc/result';
import { useI18n } from '../../app/i18n';
import { formatIsoDate, formatIsoDateTime } from './format';
import { api } from '../../lib/api';
import { useLoad, type Load } from '../../lib/use-load';

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

type Translate = ReturnType<typeof useI18n>['t'];

/** A choice label: observations by time, observer and what was seen; concerns by date and description. */
function label(t: Translate, locale: Locale, { data, document }: DocumentDetail): LinkedDocument {
  const created = formatIsoDate(locale, document.createdAt);
  if (data.kind === 'observation') {
    const when = data.content.observedAt ? formatIsoDateTime(locale, data.content.observedAt) : created;
    const text = [when, data.content.observer, excerpt(data.content.seenOrHeard)].filter(Boolean).join(' · ');
    return { id: document.id, label: text };
  }
  if (data.kind === 'concern') {
    const when = data.content.raisedOn ? formatIsoDate(locale, data.content.raisedOn) : created;
    return {
      id: document.id,
      label: [when, excerpt(data.content.description) || t('editors.linked.untitled')].join(' · '),
    };
  }
  return { id: document.id, label: created };
}

async function loadLinked(
  caseId: string,
  kind: DocumentKind,
  t: Translate,
  locale: Locale,
): Promise<IpcResult<LinkedDocument[]>> {
  const list = await api.invoke('documents.list', { caseId, kind });
  if (!list.ok) return list;
  const summaries = [...list.value.documents]
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .slice(0, MAX_LINKED);
  const details = await Promise.all(summaries.map((doc) => api.invoke('documents.get', { id: doc.id })));
  const labelled: LinkedDocument[] = [];
  for (const result of details) {
    if (!result.ok) return result;
    labelled.push(label(t, locale, result.value));
  }
  return { ok: true, value: labelled };
}

/** The case's documents of one kind, labelled for choosing, newest first. */
export function useLinkedDocuments(caseId: string | null, kind: DocumentKind | null): Load<LinkedDocument[]> {
  const { t, locale } = useI18n();
  return useLoad(caseId && kind ? `${caseId}:${kind}:${locale}` : null, () =>
    caseId && kind ? loadLinked(caseId, kind, t, locale) : Promise.resolve({ ok: true, value: [] }),
  );
}
