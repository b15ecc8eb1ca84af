import { useId } from 'react';
import { ArrowLeft, Pencil } from 'lucide-react';
import type { DocumentSummary } from '../../../shared/ipc/record-views';
import { useI18n } from '../../app/i18n';
import { useRouter } from '../../app/router';
import { UnlockedShell } from '../../app/shell';
import { useVault } from '../../app/vault-state';
import { Button } from '../../components/button';
import { PageHeader } from '../../components/page-header';
import { LoadFailed } from '../../components/load-failed';
import { CaseFacts } from './case-facts';
import { CaseHistory } from './case-history';
import { CaseOverview } from './case-overview';
import { CaseTabList, panelId, tabId } from './case-tab-list';
import { caseTabs, tabFromRoute, type CaseTab, type CaseTabId } from './case-tabs';
import { DocumentKindPanel } from './document-kind-panel';
import { TransferPanel } from '../handover/transfer-panel';
import { CaseEndActions } from '../innsyn/case-end-actions';
import { useCaseData } from './use-case-data';
import './cases.css';

function tabCounts(
  tabs: readonly CaseTab[],
  documents: readonly DocumentSummary[],
): Partial<Record<CaseTabId, number>> {
  const counts: Partial<Record<CaseTabId, number>> = {};
  for (const tab of tabs) {
    if (tab.kinds.length > 0) counts[tab.id] = documents.filter((doc) => tab.kinds.includes(doc.kind)).length;
  }
  return counts;
}

function BackToCases() {
  const { t } = useI18n();
  const { navigate } = useRouter();
  return (
    <div className="back-link">
      <Button variant="link" icon={ArrowLeft} onClick={() => navigate({ screen: 'cases' })}>
        {t('cases.view.back')}
      </Button>
    </div>
  );
}

/** One case: the person's details, a tab per document kind, open actions and due items, and the history. */
export function CaseScreen({ caseId, tab }: { caseId: string; tab?: string }) {
  const { t } = useI18n();
  const { navigate } = useRouter();
  const profile = useVault().status.profile ?? 'NO';
  const base = `case${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const tabs = caseTabs(profile);
  const active = tabFromRoute(tab, tabs);
  const { data, reload } = useCaseData(caseId);

  if (data.phase === 'failed') {
    return (
      <UnlockedShell screen="case">
        <div className="content">
          <BackToCases />
          <PageHeader
            title={data.error.code === 'not_found' ? t('cases.view.missingTitle') : t('cases.view.loadingTitle')}
          />
          <LoadFailed error={data.error} onRetry={data.error.code === 'not_found' ? undefined : reload} />
        </div>
      </UnlockedShell>
    );
  }

  const ready = data.phase === 'ready' ? data : null;
  const activeTab = tabs.find((candidate) => candidate.id === active) ?? tabs[0];
  const select = (id: CaseTabId) => navigate({ screen: 'case', caseId, tab: id });

  return (
    <UnlockedShell screen="case">
      <div className="content" data-case-id={caseId}>
        <BackToCases />
        <PageHeader
          title={ready ? ready.kase.name : t('cases.view.loadingTitle')}
          windowTitle={t('cases.view.loadingTitle')}
          description={
            ready ? (
              <CaseFacts kase={ready.kase} />
            ) : (
              <div className="case-facts case-facts-loading" aria-hidden="true" />
            )
          }
          actions={
            <>
              <Button
                variant="secondary"
                icon={Pencil}
                onClick={() => navigate({ screen: 'caseEdit', caseId })}
                disabled={!ready}
              >
                {t('cases.actions.edit')}
              </Button>
              <CaseEndActions kase={ready ? ready.kase : null} />
            </>
          }
        />
        {ready?.contentsFailure ? (
          <LoadFailed error={ready.contentsFailure.error} onRetry={ready.contentsFailure.retry} />
        ) : null}
        <CaseTabList
          base={base}
          tabs={tabs}
          active={active}
          counts={ready ? tabCounts(tabs, ready.documents) : {}}
          onSelect={select}
        />
        <div
          role="tabpanel"
          id={panelId(base, active)}
          aria-labelledby={tabId(base, active)}
          tabIndex={0}
          className="case-tab-panel"
          aria-busy={!ready || undefined}
          data-testid={`case-panel-${active}`}
        >
          {!ready || !activeTab ? (
            <p className="visually-hidden" role="status">
              {t('common.loading')}
            </p>
          ) : active === 'overview' ? (
            <CaseOverview
              due={ready.due}
              documents={ready.documents}
              contents={ready.contents}
              contentsLoading={ready.contentsLoading}
            />
          ) : active === 'history' ? (
            <CaseHistory caseId={caseId} documents={ready.documents} />
          ) : (
            <DocumentKindPanel
              caseId={caseId}
              kinds={activeTab.kinds}
              profile={profile}
              documents={ready.documents}
              contents={ready.contents}
            />
          )}
        </div>
        {ready && active === 'overview' && profile === 'NO' ? <TransferPanel caseId={caseId} /> : null}
      </div>
    </UnlockedShell>
  );
}
