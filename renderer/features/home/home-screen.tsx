import { useEffect, useState } from 'react';
import { CalendarCheck, FolderOpen, Plus } from 'lucide-react';
import type { DueListItem } from '../../../shared/ipc/due';
import type { IpcError } from '../../../shared/ipc/result';
import { useI18n } from '../../app/i18n';
import { useRouter } from '../../app/router';
import { UnlockedShell } from '../../app/shell';
import { Button } from '../../components/button';
import { PageHeader } from '../../components/page-header';
import { StatusMessage } from '../../components/status-message';
import { api } from '../../lib/api';
import { formatCount } from '../cases/format';
import { DueItemList } from './due-item-list';
import { groupDueItems } from './due-text';
import '../cases/cases.css';
import './home.css';

type HomeData =
  { phase: 'loading' } | { phase: 'failed'; error: IpcError } | { phase: 'ready'; items: DueListItem[]; cases: number };

async function loadHome(): Promise<HomeData> {
  const [due, cases] = await Promise.all([api.invoke('due.list', {}), api.invoke('cases.list', { limit: 1 })]);
  if (!due.ok) return { phase: 'failed', error: due.error };
  if (!cases.ok) return { phase: 'failed', error: cases.error };
  return { phase: 'ready', items: due.value, cases: cases.value.total };
}

function SummaryTiles({ data }: { data: HomeData }) {
  const { t, locale } = useI18n();
  const groups = data.phase === 'ready' ? groupDueItems(data.items) : null;
  const value = (count: number | undefined) => (count === undefined ? '–' : formatCount(locale, count));
  const tiles = [
    { id: 'overdue', label: t('home.summary.overdue'), count: groups?.overdue.length },
    { id: 'due', label: t('home.summary.due'), count: groups?.due.length },
    { id: 'upcoming', label: t('home.summary.upcoming'), count: groups?.upcoming.length },
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

function DueSection({ data }: { data: HomeData }) {
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
      </StatusMessage>
    );
  if (data.cases === 0) {
    return (
      <section className="empty-state" aria-labelledby="home-empty-title" data-testid="home-empty">
        <FolderOpen className="empty-state-icon" aria-hidden="true" />
        <h2 id="home-empty-title" className="empty-state-title">
          {t('home.empty.title')}
        </h2>
        <p className="empty-state-text">{t('home.empty.hint')}</p>
        <Button variant="primary" icon={Plus} onClick={() => navigate({ screen: 'caseEdit' })}>
          {t('home.empty.createCase')}
        </Button>
      </section>
    );
  }
  if (data.items.length === 0) {
    return (
      <section
        className="empty-state empty-state-quiet"
        aria-labelledby="home-none-title"
        data-testid="home-nothing-due"
      >
        <CalendarCheck className="empty-state-icon" aria-hidden="true" />
        <h2 id="home-none-title" className="empty-state-title">
          {t('home.due.none.title')}
        </h2>
        <p className="empty-state-text">{t('home.due.none.hint')}</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="home-due-title" data-testid="home-due">
      <h2 id="home-due-title" className="section-title">
        {t('home.due.title')}
      </h2>
      <DueItemList items={data.items} showCase />
    </section>
  );
}

/** The unlocked start screen: what is due or overdue across the vault, with counts and links to each place. */
export function HomeScreen() {
  const { t } = useI18n();
  const { navigate } = useRouter();
  const [data, setData] = useState<HomeData>({ phase: 'loading' });

  useEffect(() => {
    let current = true;
    void loadHome().then((next) => current && setData(next));
    return () => {
      current = false;
    };
  }, []);

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
        <DueSection data={data} />
      </div>
    </UnlockedShell>
  );
}
