import { useEffect, useRef } from 'react';
import { ChevronRight } from 'lucide-react';
import type { DueViewItem } from '../../../shared/ipc/due-view';
import { translate } from '../../../shared/i18n/translate';
import type { Locale } from '../../../shared/domain/profile';
import { useI18n } from '../../app/i18n';
import { useRouter } from '../../app/router';
import { formatIsoDate } from '../../lib/format';
import { CitationLabel } from '../../components/citation-label';
import { DUE_KIND_KEY, DUE_STATUS_KEY } from './due-text';

/** The filter's label of a kind: the two plan copies are one kind. */
export function dueKindLabel(locale: Locale, kind: string): string {
  if (kind === 'no_plan_copy') return translate(locale, 'workbench.due.kind.no_plan_copy');
  const key = (DUE_KIND_KEY as Readonly<Record<string, string>>)[kind];
  return key ? translate(locale, key) : kind;
}

/** What is to be done: the action's own text, "to KDI and to region" for both copies, else the kind. */
export function dueRowTitle(locale: Locale, item: DueViewItem): string {
  if (item.action?.description) return item.action.description;
  if (item.recipients?.length === 2) return translate(locale, 'workbench.due.copyBoth');
  return dueKindLabel(locale, item.kind);
}

/**
 * One due row, one link: the date once, what is to be done, whose case and who owns it, the provision.
 * It opens the document (the meeting, the plan) or, for a case-level item, the case.
 */
export function DueRow({ item, inCase, focusMe }: { item: DueViewItem; inCase: boolean; focusMe: boolean }) {
  const { t, locale } = useI18n();
  const { navigate } = useRouter();
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (focusMe) ref.current?.focus();
  }, [focusMe]);
  const open = () =>
    item.documentId
      ? navigate({ screen: 'document', documentId: item.documentId })
      : // A deleted case opens nowhere but the list of deleted cases, where it is purged.
        item.kind === 'retention_expired_deleted'
        ? navigate({ screen: 'deletedCases' })
        : navigate({ screen: 'case', caseId: item.caseId });
  const who = inCase ? null : [item.personName, item.caseReference].filter(Boolean).join(' · ');
  return (
    <li
      ref={ref}
      tabIndex={focusMe ? -1 : undefined}
      className={`due-item due-row due-item-${item.status}`}
      data-testid="due-item"
      data-kind={item.filterKind}
      data-status={item.status}
      data-case={item.caseId}
      data-unit={item.unit}
    >
      <button type="button" className="due-row-link" onClick={open}>
        <span className="due-row-when">
          <time dateTime={item.dueDate}>{formatIsoDate(locale, item.dueDate)}</time>
          {inCase ? <span className="due-row-status">{t(DUE_STATUS_KEY[item.status])}</span> : null}
        </span>
        <span className="due-row-main">
          <span className="due-row-title">{dueRowTitle(locale, item)}</span>
          <span className="due-row-meta">
            {who ? <span className="due-row-who">{who}</span> : null}
            {item.action?.owner ? (
              <span className="due-row-owner">{t('workbench.due.owner', { owner: item.action.owner })}</span>
            ) : null}
            <CitationLabel citation={item.citation} className="due-row-citation" />
          </span>
        </span>
        <ChevronRight className="icon due-row-chevron" aria-hidden="true" />
      </button>
    </li>
  );
}
