import { useEffect, useId, useRef } from 'react';
import { ChevronDown, FileText, FolderOpen } from 'lucide-react';
import type { DueCounts, DueListItem } from '../../../shared/ipc/due';
import type { DueStatus } from '../../../shared/rules';
import { useI18n } from '../../app/i18n';
import { useRouter } from '../../app/router';
import { Button } from '../../components/button';
import { formatCount, formatIsoDate } from '../../lib/format';
import { CitationLabel } from '../../components/citation-label';
import { DUE_STATUS_KEY, DUE_STATUSES, dueItemText, groupDueItems } from './due-text';
import '../cases/cases.css';
import './home.css';

function DueItemRow({ item, showCase, focusMe }: { item: DueListItem; showCase: boolean; focusMe: boolean }) {
  const { t, locale } = useI18n();
  const { navigate } = useRouter();
  const text = dueItemText(locale, item);
  const ref = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (focusMe) ref.current?.focus();
  }, [focusMe]);
  return (
    <li
      ref={ref}
      tabIndex={focusMe ? -1 : undefined}
      className={`due-item due-item-${item.status}`}
      data-testid="due-item"
      data-kind={item.kind}
      data-status={item.status}
    >
      <div className="due-item-when">
        <time dateTime={item.dueDate}>{t('home.due.dueDate', { date: formatIsoDate(locale, item.dueDate) })}</time>
      </div>
      <div className="due-item-main">
        <p className="due-item-title">{text.title}</p>
        {text.message ? <p className="due-item-message">{text.message}</p> : null}
        {item.citation.source === 'local' ? (
          <p className="citation">
            <CitationLabel citation={item.citation} />
          </p>
        ) : (
          <p className="citation">{t('home.due.citation', { citation: text.citation })}</p>
        )}
      </div>
      <div className="due-item-actions">
        {showCase ? (
          <Button variant="link" icon={FolderOpen} onClick={() => navigate({ screen: 'case', caseId: item.caseId })}>
            {t('home.due.openCase', { reference: item.caseReference })}
          </Button>
        ) : null}
        {item.documentId ? (
          <Button
            variant="link"
            icon={FileText}
            onClick={() => item.documentId && navigate({ screen: 'document', documentId: item.documentId })}
          >
            {t('home.due.openDocument')}
          </Button>
        ) : null}
      </div>
    </li>
  );
}

/** A long list comes in pages: the counts of the whole list, and a way to ask for more of one status. */
export interface DueListPaging {
  counts: DueCounts;
  loading: boolean;
  onShowMore(status: DueStatus): void;
  /** After "show more", focus moves to the first new item of that status, so the keyboard user keeps their place. */
  focus?: { status: DueStatus; index: number };
}

/**
 * Due items grouped overdue / due today / upcoming, each with its provision and a way to its place.
 * The home screen shows the case of each item; inside a case it is left out.
 */
export function DueItemList({
  items,
  showCase,
  paging,
}: {
  items: readonly DueListItem[];
  showCase: boolean;
  paging?: DueListPaging;
}) {
  const { t, locale } = useI18n();
  const base = useId();
  const groups = groupDueItems(items);
  const total = (status: DueStatus) => paging?.counts[status] ?? groups[status].length;
  return (
    <div className="due-groups">
      {DUE_STATUSES.filter((status) => total(status) > 0).map((status) => (
        <section
          key={status}
          className={`due-group due-group-${status}`}
          aria-labelledby={`${base}-${status}`}
          data-testid={`due-group-${status}`}
        >
          <h3 className="due-group-title" id={`${base}-${status}`}>
            <span>{t(DUE_STATUS_KEY[status])}</span>
            <span className="count-badge">{formatCount(locale, total(status))}</span>
          </h3>
          <ul className="due-list">
            {groups[status].map((item, index) => (
              <DueItemRow
                key={`${item.kind}:${item.caseId}:${item.documentId ?? ''}:${item.actionId ?? ''}:${item.period ?? ''}:${item.dueDate}`}
                item={item}
                showCase={showCase}
                focusMe={paging?.focus?.status === status && paging.focus.index === index}
              />
            ))}
          </ul>
          {paging && groups[status].length < total(status) ? (
            <div className="due-more" data-testid={`due-more-${status}`}>
              <p className="due-more-text">
                {t('home.due.shown', {
                  shown: formatCount(locale, groups[status].length),
                  total: formatCount(locale, total(status)),
                })}
              </p>
              <Button
                variant="secondary"
                icon={ChevronDown}
                busy={paging.loading}
                onClick={() => paging.onShowMore(status)}
              >
                {t('home.due.showMore')}
              </Button>
            </div>
          ) : null}
        </section>
      ))}
    </div>
  );
}
