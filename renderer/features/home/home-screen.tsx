import { FolderOpen } from 'lucide-react';
import { useT } from '../../app/i18n';
import { UnlockedShell } from '../../app/shell';
import { PageHeader } from '../../components/page-header';

/** The unlocked start screen. Cases arrive in a later issue; until then it says what to expect. */
export function HomeScreen() {
  const t = useT();
  return (
    <UnlockedShell screen="home">
      <div className="content">
        <PageHeader title={t('home.title')} description={<p>{t('home.intro')}</p>} />
        <section className="empty-state" aria-labelledby="home-empty-title" data-testid="home-empty">
          <FolderOpen className="empty-state-icon" aria-hidden="true" />
          <h2 id="home-empty-title" className="empty-state-title">
            {t('home.empty.title')}
          </h2>
          <p className="empty-state-text">{t('home.empty.hint')}</p>
        </section>
      </div>
    </UnlockedShell>
  );
}
