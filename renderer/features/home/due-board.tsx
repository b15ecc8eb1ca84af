import { useId } from 'react';
import { ChevronDown } from 'lucide-react';
import type { DueView, DueViewItem } from '../../../shared/ipc/due-view';
import type { DueStatus } from '../../../shared/rules';
import { useI18n } from '../../app/i18n';
import { Button } from '../../components/button';
import { formatCount } from '../../lib/format';
import { DueRow } from './due-row';
import { DUE_STATUS_KEY, DUE_STATUSES } from './due-text';
import '../cases/cases.css';
import './home.css';

/** Where focus goes after "show more": the first new row of a status group, or of the case list. */
export type DueFocus = { group: DueStatus | 'cases'; index: number };

export interface DueBoardPaging {
  loading: boolean;
  onShowMore(group: DueStatus | 'cases'): void;
  focus?: DueFocus;
}

function MoreButton({
  testId,
  text,
  label,
  paging,
  group,
}: {
  testId: string;
  text: string;
  label: string;
  paging: DueBoardPaging;
  group: DueStatus | 'cases';
}) {
  return (
    <div className="due-more" data-testid={testId}>
      <p className="due-more-text">{text}</p>
      <Button variant="secondary" icon={ChevronDown} busy={paging.loading} onClick={() => paging.onShowMore(group)}>
        {label}
      </Button>
    </div>
  );
}

/** Overdue, due today, upcoming: each a list of rows with its count and "show more". */
function ByStatus({ view, paging }: { view: DueView; paging: DueBoardPaging }) {
  const { t, locale } = useI18n();
  const base = useId();
  return (
    <div className="due-groups">
      {DUE_STATUSES.filter((status) => view.counts[status] > 0).map((status) => {
        const items = view.items.filter((item) => item.status === status);
        return (
          <section
            key={status}
            className={`due-group due-group-${status}`}
            aria-labelledby={`${base}-${status}`}
            data-testid={`due-group-${status}`}
          >
            <h3 className="due-group-title" id={`${base}-${status}`}>
              <span>{t(DUE_STATUS_KEY[status])}</span>
              <span className="count-badge">{formatCount(locale, view.counts[status])}</span>
            </h3>
            <ul className="due-list">
              {items.map((item, index) => (
                <DueRow
                  key={rowKey(item)}
                  item={item}
                  inCase={false}
                  focusMe={paging.focus?.group === status && paging.focus.index === index}
                />
              ))}
            </ul>
            {items.length < view.counts[status] ? (
              <MoreButton
                testId={`due-more-${status}`}
                text={t('home.due.shown', {
                  shown: formatCount(locale, items.length),
                  total: formatCount(locale, view.counts[status]),
                })}
                label={t('home.due.showMore')}
                paging={paging}
                group={status}
              />
            ) : null}
          </section>
        );
      })}
    </div>
  );
}

const rowKey = (item: DueViewItem) =>
  `${item.kind}:${item.caseId}:${item.documentId ?? ''}:${item.actionId ?? ''}:${item.period ?? ''}:${item.dueDate}`;

/** Each case once, under the person's name and case reference, with its rows in order of urgency. */
function ByCase({ view, paging }: { view: DueView; paging: DueBoardPaging }) {
  const { t, locale } = useI18n();
  const base = useId();
  const cases: DueViewItem[][] = [];
  for (const item of view.items) {
    const last = cases.at(-1);
    if (last && last[0]?.caseId === item.caseId) last.push(item);
    else cases.push([item]);
  }
  return (
    <div className="due-groups due-groups-cases">
      {cases.map((rows, index) => {
        const first = rows[0];
        if (!first) return null;
        const headingId = `${base}-case-${index}`;
        return (
          <section key={first.caseId} className="due-group due-case" aria-labelledby={headingId} data-testid="due-case">
            <h3
              className="due-group-title"
              id={headingId}
              tabIndex={paging.focus?.group === 'cases' && paging.focus.index === index ? -1 : undefined}
              ref={(element) => {
                if (element && paging.focus?.group === 'cases' && paging.focus.index === index) element.focus();
              }}
            >
              <span>{[first.personName, first.caseReference].filter(Boolean).join(' · ')}</span>
              <span className="due-case-unit">{first.unit}</span>
              <span className="count-badge">{formatCount(locale, rows.length)}</span>
            </h3>
            <ul className="due-list">
              {rows.map((item) => (
                <DueRow key={rowKey(item)} item={item} inCase focusMe={false} />
              ))}
            </ul>
          </section>
        );
      })}
      {cases.length < view.caseCount ? (
        <MoreButton
          testId="due-more-cases"
          text={t('workbench.due.casesShown', { shown: formatCount(locale, cases.length), total: view.caseCount })}
          label={t('workbench.due.moreCases')}
          paging={paging}
          group="cases"
        />
      ) : null}
    </div>
  );
}

/** The due list of the home screen, by status or by case. */
export function DueBoard({
  view,
  groupBy,
  paging,
}: {
  view: DueView;
  groupBy: 'status' | 'case';
  paging: DueBoardPaging;
}) {
  const { t } = useI18n();
  if (view.items.length === 0) return <p className="muted">{t('workbench.due.noneFiltered')}</p>;
  return groupBy === 'case' ? <ByCase view={view} paging={paging} /> : <ByStatus view={view} paging={paging} />;
}
