import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { Archive, FolderOpen, Plus, RotateCcw, SearchX } from 'lucide-react';
import { useI18n } from '../../app/i18n';
import { useRouter } from '../../app/router';
import { PurgedNotice } from '../purge/purged-notice';
import { UnlockedShell } from '../../app/shell';
import { useVault } from '../../app/vault-state';
import { Button } from '../../components/button';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { StatusMessage } from '../../components/status-message';
import { CaseFilters } from './case-filters';
import { CaseGrid } from './case-grid';
import { formatCount } from '../../lib/format';
import { useCasePages, type CaseQuery } from './use-case-pages';
import { useUnits } from './use-units';
import { LoadFailed } from '../../components/load-failed';
import { valueOr } from '../../lib/use-load';
import './cases.css';

const SEARCH_PAUSE_MS = 250;
const NO_FILTERS: CaseQuery = { query: '', unit: '', status: '', grading: '', sort: 'reference' };

/**
 * Filters and sort order survive a visit to a case (they hold no personal data); the search text
 * does not, since it may hold a name.
 */
let remembered: Omit<CaseQuery, 'query'> = NO_FILTERS;

/** Space kept under the list: the main area's bottom padding. */
const BOTTOM_GAP_PX = 48;

/** Lets the list fill the window below its top edge, measured before paint so nothing jumps. */
function useFillHeight(frame: RefObject<HTMLDivElement | null>): void {
  useLayoutEffect(() => {
    const element = frame.current;
    if (!element) return undefined;
    const fit = () => {
      const top = element.getBoundingClientRect().top + window.scrollY;
      element.style.height = `${Math.max(320, window.innerHeight - top - BOTTOM_GAP_PX)}px`;
    };
    fit();
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  }, [frame]);
}

function ListBar({ total, filtered, onReset }: { total: number | null; filtered: boolean; onReset(): void }) {
  const { t, locale } = useI18n();
  const text =
    total === null
      ? t('common.loading')
      : filtered
        ? t('cases.list.countFiltered', { count: formatCount(locale, total) })
        : t('cases.list.count', { count: formatCount(locale, total) });
  return (
    <div className="case-list-bar">
      <p className="case-count" role="status" data-testid="case-count">
        {text}
      </p>
      <Button variant="ghost" icon={RotateCcw} onClick={onReset} disabled={!filtered}>
        {t('cases.filter.reset')}
      </Button>
    </div>
  );
}

function EmptyList({ filtered, onReset }: { filtered: boolean; onReset(): void }) {
  const { t } = useI18n();
  const { navigate } = useRouter();
  if (filtered) {
    return (
      <EmptyState
        icon={SearchX}
        titleId="cases-none-title"
        title={t('cases.list.noMatch.title')}
        text={t('cases.list.noMatch.hint')}
        testId="cases-no-match"
        className="case-list-empty"
      >
        <Button variant="secondary" icon={RotateCcw} onClick={onReset}>
          {t('cases.filter.reset')}
        </Button>
      </EmptyState>
    );
  }
  return (
    <EmptyState
      icon={FolderOpen}
      titleId="cases-empty-title"
      title={t('cases.list.empty.title')}
      text={t('cases.list.empty.hint')}
      testId="cases-empty"
      className="case-list-empty"
    >
      <Button variant="primary" icon={Plus} onClick={() => navigate({ screen: 'caseEdit' })}>
        {t('cases.list.empty.create')}
      </Button>
    </EmptyState>
  );
}

/** All live cases: full-text search, filters and sort, in a windowed grid that stays fast with 10 000 cases. */
export function CasesScreen() {
  const { t, tError } = useI18n();
  const { navigate } = useRouter();
  const profile = useVault().status.profile ?? 'NO';
  const units = useUnits();
  const [text, setText] = useState('');
  const [filters, setFilters] = useState<Omit<CaseQuery, 'query'>>(remembered);
  const [searched, setSearched] = useState('');
  const frame = useRef<HTMLDivElement>(null);
  useFillHeight(frame);

  useEffect(() => {
    const timer = window.setTimeout(() => setSearched(text.trim()), SEARCH_PAUSE_MS);
    return () => window.clearTimeout(timer);
  }, [text]);

  useEffect(() => {
    remembered = filters;
  }, [filters]);

  const query: CaseQuery = { ...filters, query: searched };
  const pages = useCasePages(query);
  const filtered = searched !== '' || filters.unit !== '' || filters.status !== '' || filters.grading !== '';
  const reset = () => {
    setText('');
    setSearched('');
    setFilters({ ...NO_FILTERS, sort: filters.sort });
  };

  return (
    <UnlockedShell screen="cases">
      <div className="content">
        <PageHeader
          title={t('cases.list.title')}
          description={<p>{t('cases.list.intro')}</p>}
          actions={
            <>
              <Button
                icon={Archive}
                onClick={() => navigate({ screen: 'deletedCases' })}
                data-testid="deleted-cases-open"
              >
                {t('purge.deleted.open')}
              </Button>
              <Button
                variant="primary"
                icon={Plus}
                onClick={() => navigate({ screen: 'caseEdit' })}
                data-testid="new-case"
              >
                {t('cases.actions.newCase')}
              </Button>
            </>
          }
        />
        <PurgedNotice />
        <CaseFilters
          profile={profile}
          units={valueOr(units.loaded, [])}
          text={text}
          onTextChange={setText}
          query={query}
          onQueryChange={({ query: _text, ...next }) => setFilters(next)}
        />
        {units.loaded.state === 'failed' ? <LoadFailed error={units.loaded.error} onRetry={units.reload} /> : null}
        <ListBar total={pages.total} filtered={filtered} onReset={reset} />
        {pages.error ? (
          <StatusMessage tone="error" title={tError(pages.error)}>
            <Button variant="link" icon={RotateCcw} onClick={pages.retry}>
              {t('common.retry')}
            </Button>
          </StatusMessage>
        ) : null}
        <div className="case-list-frame" ref={frame}>
          {pages.total === 0 && !pages.loading ? (
            <EmptyList filtered={filtered} onReset={reset} />
          ) : (
            <CaseGrid
              total={pages.total ?? 0}
              busy={pages.loading}
              sort={query.sort}
              generation={pages.generation}
              rowAt={pages.rowAt}
              ensure={pages.ensure}
              onOpen={(row) => navigate({ screen: 'case', caseId: row.id })}
            />
          )}
        </div>
      </div>
    </UnlockedShell>
  );
}
