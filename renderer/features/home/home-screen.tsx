import { useState } from 'react';
import { CalendarCheck, Contact, FolderOpen, Plus, RotateCw } from 'lucide-react';
import type { Profile } from '../../../shared/domain/profile';
import type { DueStatus } from '../../../shared/rules';
import type { IpcResult } from '../../../shared/ipc/result';
import { useI18n } from '../../app/i18n';
import { useRouter } from '../../app/router';
import { UnlockedShell } from '../../app/shell';
import { useVault } from '../../app/vault-state';
import { Button } from '../../components/button';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { StatusMessage } from '../../components/status-message';
import { api } from '../../lib/api';
import { formatCount } from '../../lib/format';
import { mapOk, useLoad } from '../../lib/use-load';
import { registerStatusParams } from '../contacts/register-send-status';
import { DueBoard, type DueBoardPaging, type DueFocus } from './due-board';
import { DueFilters, filterInput, NO_FILTER, type DueFilterState } from './due-filters';
import { homeData, type HomeData, type HomeSummary } from './home-data';
import '../cases/cases.css';
import './home.css';

/** Items shown per status at first, and added by each "show more": a large vault has tens of thousands. */
export const HOME_DUE_PAGE = 25;

/** What the due view is asked for: a filter, and how many items per status "show more" has reached. */
interface DueQuery {
  filter: DueFilterState;
  limit: number;
}

async function loadSummary(profile: Profile | undefined): Promise<IpcResult<HomeSummary>> {
  const [cases, register] = await Promise.all([
    api.invoke('cases.list', { limit: 1 }),
    profile === 'NO' ? api.invoke('contacts.registerStatus', {}) : null,
  ]);
  return mapOk(cases, (value) => ({ cases: value.total, register }));
}

function SummaryTiles({ data }: { data: HomeData }) {
  const { t, locale } = useI18n();
  const counts = data.phase === 'ready' ? data.view.counts : null;
  const value = (count: number | undefined) => (count === undefined ? '–' : formatCount(locale, count));
  const tiles = [
    { id: 'overdue', label: t('home.summary.overdue'), count: counts?.overdue },
    { id: 'due', label: t('home.summary.due'), count: counts?.due },
    { id: 'upcoming', label: t('home.summary.upcoming'), count: counts?.upcoming },
    { id: 'cases', label: t('home.summary.cases'), count: data.phase === 'ready' ? data.cases : undefined },
  ];
  return (
    <ul
      className="summary-tiles"
      aria-label={t('home.summary.label')}
      aria-busy={data.phase === 'loading' || undefined}
    >
      {tiles.map((tile) => (
        <li
          key={tile.id}
          className={`summary-tile summary-tile-${tile.id}${tile.count ? ' summary-tile-active' : ''}`}
          data-testid={`home-count-${tile.id}`}
        >
          <span className="summary-value">{value(tile.count)}</span>
          <span className="summary-label">{tile.label}</span>
        </li>
      ))}
    </ul>
  );
}

function DueSection({
  data,
  filter,
  onFilter,
  paging,
}: {
  data: HomeData;
  filter: DueFilterState;
  onFilter(next: DueFilterState): void;
  paging: DueBoardPaging;
}) {
  const { t, tError } = useI18n();
  const { navigate } = useRouter();
  if (data.phase === 'loading') {
    return (
      <div className="due-skeleton" aria-busy="true">
        <p className="visually-hidden" role="status">
          {t('home.due.loading')}
        </p>
      </div>
    );
  }
  if (data.phase === 'failed')
    return (
      <StatusMessage tone="error" title={t('home.due.loadFailed')}>
        {tError(data.error)}
        <Button variant="secondary" icon={RotateCw} onClick={data.retry}>
          {t('common.retry')}
        </Button>
      </StatusMessage>
    );
  if (data.cases === 0) {
    return (
      <EmptyState
        icon={FolderOpen}
        titleId="home-empty-title"
        title={t('home.empty.title')}
        text={t('home.empty.hint')}
        testId="home-empty"
      >
        <Button variant="primary" icon={Plus} onClick={() => navigate({ screen: 'caseEdit' })}>
          {t('home.empty.createCase')}
        </Button>
      </EmptyState>
    );
  }
  const { counts, kinds } = data.view;
  if (counts.overdue + counts.due + counts.upcoming === 0 && kinds.length === 0) {
    return (
      <EmptyState
        icon={CalendarCheck}
        titleId="home-none-title"
        title={t('home.due.none.title')}
        text={t('home.due.none.hint')}
        testId="home-nothing-due"
        className="empty-state-quiet"
      />
    );
  }
  return (
    <section aria-labelledby="home-due-title" data-testid="home-due">
      <h2 id="home-due-title" className="section-title">
        {t('home.due.title')}
      </h2>
      <DueFilters filter={filter} units={data.view.units} kinds={kinds} onChange={onFilter} />
      <DueBoard view={data.view} groupBy={filter.groupBy} paging={paging} />
    </section>
  );
}

/** NO pkt 2: a reminder while the contact register has changes KDI has not been sent. */
export function RegisterNotice({ data, onRetry }: { data: HomeData; onRetry(): void }) {
  const { t, tError, locale } = useI18n();
  const { navigate } = useRouter();
  const register = data.phase === 'ready' ? data.register : null;
  if (register && !register.ok)
    return (
      <StatusMessage
        tone="error"
        title={t('home.register.loadFailed')}
        className="home-register"
        testId="home-register-failed"
      >
        {tError(register.error)}
        <Button variant="secondary" icon={RotateCw} onClick={onRetry}>
          {t('common.retry')}
        </Button>
      </StatusMessage>
    );
  const status = register?.value;
  if (!status || (status.state !== 'never_sent' && status.state !== 'changed')) return null;
  const params = registerStatusParams(locale, status);
  const title =
    status.state === 'changed'
      ? t('mentors.contacts.sent.changed.title', params)
      : t('mentors.contacts.sent.never_sent.title', params);
  return (
    <StatusMessage tone="warning" title={title} className="home-register" testId="home-register-notice">
      <Button variant="link" icon={Contact} onClick={() => navigate({ screen: 'contacts' })}>
        {t('home.register.open')}
      </Button>
    </StatusMessage>
  );
}

/** The unlocked start screen: what is due or overdue across the vault, with counts and links to each place. */
export function HomeScreen() {
  const { t } = useI18n();
  const { navigate } = useRouter();
  const [query, setQuery] = useState<DueQuery>({ filter: NO_FILTER, limit: HOME_DUE_PAGE });
  const [more, setMore] = useState<DueFocus | undefined>();
  const { profile, repairs } = useVault().status;
  const summary = useLoad(`summary:${profile ?? ''}`, () => loadSummary(profile));
  // Asked again once Bro has put right due facts or a kept list found edited: the list shown may lack items.
  const due = useLoad(`${JSON.stringify(query)}#${repairs?.join() ?? ''}`, () =>
    api.invoke('due.view', { ...filterInput(query.filter), limit: query.limit }),
  );
  const data = homeData(summary, due);
  // The list on screen is an earlier answer while the next one loads.
  const loadingMore = data.phase === 'ready' && due.loaded.state === 'loading';

  // A new filter or grouping asks for the due view only, from the first page: the case count and the register stay.
  const applyFilter = (filter: DueFilterState) => {
    setMore(undefined);
    setQuery({ filter, limit: HOME_DUE_PAGE });
  };

  // "Show more" asks for the due view only; the case count and the register status stay as loaded.
  const showMore = (group: DueStatus | 'cases') => {
    if (data.phase !== 'ready') return;
    const shown =
      group === 'cases'
        ? new Set(data.view.items.map((item) => item.caseId)).size
        : data.view.items.filter((item) => item.status === group).length;
    setMore({ group, index: shown });
    setQuery((current) => ({ ...current, limit: current.limit + HOME_DUE_PAGE }));
  };

  const paging: DueBoardPaging = {
    loading: loadingMore,
    // The list stays as it is while more loads, so nothing jumps; focus then goes to the first new row.
    onShowMore: showMore,
    focus: loadingMore ? undefined : more,
  };
  return (
    <UnlockedShell screen="home">
      <div className="content">
        <PageHeader
          title={t('home.title')}
          description={<p>{t('home.intro')}</p>}
          actions={
            <>
              <Button variant="secondary" icon={FolderOpen} onClick={() => navigate({ screen: 'cases' })}>
                {t('home.actions.allCases')}
              </Button>
              <Button
                variant="primary"
                icon={Plus}
                onClick={() => navigate({ screen: 'caseEdit' })}
                data-testid="home-new-case"
              >
                {t('home.actions.newCase')}
              </Button>
            </>
          }
        />
        <SummaryTiles data={data} />
        <RegisterNotice data={data} onRetry={summary.reload} />
        <DueSection data={data} filter={query.filter} onFilter={applyFilter} paging={paging} />
      </div>
    </UnlockedShell>
  );
}
