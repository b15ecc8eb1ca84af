import { useState, type KeyboardEvent } from 'react';
import { ArrowLeft, Download, Printer } from 'lucide-react';
import type { Finding } from '../../../shared/rules';
import { describeFinding } from '../../../shared/rules';
import { useI18n } from '../../app/i18n';
import { useRouter } from '../../app/router';
import { UnlockedShell } from '../../app/shell';
import { Button } from '../../components/button';
import { PageHeader } from '../../components/page-header';
import { StatusMessage } from '../../components/status-message';
import { ExportDialog } from '../exchange/export-dialog';
import { ContentTab } from './content-tab';
import { DistributionPanel } from './distribution-panel';
import { DocumentToolbar } from './document-toolbar';
import { focusField } from './findings-panel';
import { blockingCitations, sortFindings } from './findings-view';
import { KIND_KEY, MEETING_TYPE_KEY, STATUS_KEY } from './labels';
import { useLeaveGuard } from './leave-guard';
import { Tabs, type TabItem } from './tabs';
import { useDocumentEditor, type DocumentEditor, type FinaliseOutcome } from './use-document-editor';
import { useLinkedDocuments } from './use-linked-documents';
import { useOpenActions } from './use-open-actions';
import { useTemplate } from './use-template';
import { VersionHistory } from './version-history';
import './documents.css';

type Tab = 'content' | 'history' | 'distribution';
type Notice = { tone: 'success' | 'error'; title: string; items?: string[]; blocked?: boolean };

function useFinaliseNotice() {
  const { locale, t, tError } = useI18n();
  const describe = (findings: readonly Finding[]) =>
    sortFindings(findings.filter((f) => f.severity === 'blocking')).map((f) => describeFinding(locale, f).text);
  return (outcome: FinaliseOutcome | { type: 'stillBlocked'; findings: readonly Finding[] }): Notice => {
    switch (outcome.type) {
      case 'finalised':
        return { tone: 'success', title: t('editors.finalise.finalised', { version: outcome.detail.version.version }) };
      case 'stillBlocked':
        return {
          tone: 'error',
          title: t('editors.finalise.blockedTitle', { citations: blockingCitations(outcome.findings).join(', ') }),
          items: describe(outcome.findings),
          blocked: true,
        };
      case 'blocked':
        return {
          tone: 'error',
          title: t('editors.finalise.blockedTitle', { citations: outcome.citations.join(', ') }),
          blocked: true,
        };
      case 'failed':
        return { tone: 'error', title: tError(outcome.error) };
    }
  };
}

function Header({
  editor,
  onBack,
  onPrint,
  onExport,
}: {
  editor: DocumentEditor;
  onBack(): void;
  onPrint(): void;
  onExport(): void;
}) {
  const { t } = useI18n();
  const { detail } = editor;
  const kase = editor.load.phase === 'ready' ? editor.load.caseView : null;
  const title = detail ? t(KIND_KEY[detail.document.kind]) : t('editors.loadingTitle');
  const meetingType = detail?.data.kind === 'meeting' ? t(MEETING_TYPE_KEY[detail.data.content.meetingType]) : null;
  const description = detail ? (
    <p className="doc-meta">
      {[
        meetingType,
        kase ? t('editors.header.case', { reference: kase.caseReference, name: kase.name }) : null,
        t('editors.header.version', { version: detail.version.version, status: t(STATUS_KEY[detail.version.status]) }),
      ]
        .filter(Boolean)
        .join(' · ')}
    </p>
  ) : (
    <p className="doc-meta doc-skeleton-line" />
  );
  const actions = (
    <>
      <Button variant="ghost" icon={ArrowLeft} onClick={onBack} disabled={!detail} data-testid="document-back">
        {t('editors.header.backToCase')}
      </Button>
      <Button variant="secondary" icon={Printer} onClick={onPrint} disabled={!detail} data-testid="document-print">
        {t('editors.header.print')}
      </Button>
      <Button
        variant="secondary"
        icon={Download}
        onClick={onExport}
        disabled={!detail}
        aria-haspopup="dialog"
        data-testid="document-export"
      >
        {t('editors.header.export')}
      </Button>
    </>
  );
  return <PageHeader title={title} description={description} actions={actions} />;
}

function Messages({ editor, notice }: { editor: DocumentEditor; notice: Notice | null }) {
  const { t } = useI18n();
  const { navigate } = useRouter();
  const { detail } = editor;
  if (!detail) return null;
  return (
    <>
      {editor.readOnly ? (
        <StatusMessage
          tone="info"
          title={t('editors.readOnly.title', {
            version: detail.version.version,
            current: detail.document.currentVersion,
          })}
        >
          <Button variant="link" onClick={() => navigate({ screen: 'document', documentId: detail.document.id })}>
            {t('editors.readOnly.openCurrent')}
          </Button>
        </StatusMessage>
      ) : null}
      {notice ? (
        <StatusMessage tone={notice.tone} title={notice.title} testId="document-notice">
          {notice.items ? (
            <ul className="notice-list">
              {notice.items.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          ) : null}
        </StatusMessage>
      ) : null}
    </>
  );
}

/** The editor of one document, any kind: form, findings, grading, versions and distribution. */
export function DocumentScreen({ documentId, version }: { documentId: string; version?: number }) {
  const { t, tError } = useI18n();
  const editor = useDocumentEditor(documentId, version);
  const { detail, draft, findings } = editor;
  const [tab, setTab] = useState<Tab>('content');
  const [notice, setNotice] = useState<Notice | null>(null);
  const [showInvalid, setShowInvalid] = useState(false);
  const [exportOpen, setExportOpen] = useState(false);
  const toNotice = useFinaliseNotice();
  const template = useTemplate(draft);
  const linkedKind =
    detail?.document.kind === 'concern' ? 'observation' : detail?.document.kind === 'concern_report' ? 'concern' : null;
  const linked = useLinkedDocuments(detail?.document.caseId ?? null, linkedKind);
  const openActions = useOpenActions(detail?.document.kind === 'follow_up_plan' ? detail.document.caseId : null);
  const blocking = findings.filter((f) => f.severity === 'blocking');
  // A "cannot finalise" message goes away once nothing blocks any more.
  const shownNotice = notice?.blocked && blocking.length === 0 ? null : notice;

  const save = async (): Promise<boolean> => {
    const result = await editor.save();
    setNotice(result.ok ? null : { tone: 'error', title: tError(result.error) });
    return result.ok;
  };
  const { leave, dialog } = useLeaveGuard(editor.dirty, save);
  const finalise = async () => {
    if (blocking.length > 0) {
      setShowInvalid(true);
      setTab('content');
      setNotice(toNotice({ type: 'stillBlocked', findings }));
      const first = sortFindings(blocking).find((f) => f.field);
      if (first?.field) requestAnimationFrame(() => focusField(first.field ?? ''));
      return;
    }
    const outcome = await editor.finalise();
    setShowInvalid(outcome.type === 'blocked');
    setNotice(toNotice(outcome));
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      if (editor.dirty && !editor.readOnly) void save();
    }
  };

  const tabs: TabItem<Tab>[] = [
    { id: 'content', label: t('editors.tabs.content') },
    { id: 'history', label: t('editors.tabs.history') },
    { id: 'distribution', label: t('editors.tabs.distribution') },
  ];
  const caseId = detail?.document.caseId;
  const shown = detail?.version.version;
  return (
    <UnlockedShell screen="document">
      <div className="content doc-screen" onKeyDown={onKeyDown} data-document-kind={detail?.document.kind}>
        <Header
          editor={editor}
          onBack={() => caseId && leave({ screen: 'case', caseId })}
          onPrint={() => detail && leave({ screen: 'print', documentId, version: shown })}
          onExport={() => setExportOpen(true)}
        />
        {editor.load.phase === 'failed' ? (
          <StatusMessage tone="error" title={tError(editor.load.error)}>
            <Button variant="link" onClick={() => void editor.reload()}>
              {t('common.retry')}
            </Button>
          </StatusMessage>
        ) : null}
        {detail && draft ? (
          <>
            <DocumentToolbar
              detail={detail}
              grading={draft.content.grading}
              dirty={editor.dirty}
              readOnly={editor.readOnly}
              busy={editor.busy}
              savedAt={editor.savedAt}
              blockingCount={blocking.length}
              blockingCitations={blockingCitations(findings)}
              onSave={() => void save()}
              onFinalise={() => void finalise()}
            />
            <Messages editor={editor} notice={shownNotice} />
            <Tabs<Tab> label={t('editors.tabs.label')} idPrefix="document" selected={tab} onSelect={setTab} tabs={tabs}>
              {tab === 'content' ? (
                <ContentTab
                  editor={editor}
                  showInvalid={showInvalid}
                  template={template}
                  linked={linked}
                  openActions={openActions}
                />
              ) : null}
              {tab === 'history' ? (
                <VersionHistory
                  documentId={documentId}
                  kind={detail.document.kind}
                  currentVersion={detail.document.currentVersion}
                  shownVersion={detail.version.version}
                  mentors={editor.mentors}
                  onOpenVersion={(v) => leave({ screen: 'document', documentId, version: v })}
                />
              ) : null}
              {tab === 'distribution' ? (
                <DistributionPanel
                  documentId={documentId}
                  kind={detail.document.kind}
                  currentVersion={detail.document.currentVersion}
                  mentors={editor.mentors}
                  onRecorded={() => void editor.refreshFindings()}
                />
              ) : null}
            </Tabs>
          </>
        ) : editor.load.phase === 'loading' ? (
          <div className="doc-skeleton doc-skeleton-editor" aria-hidden="true" />
        ) : null}
        {dialog}
        {detail ? (
          <ExportDialog
            documentId={documentId}
            version={shown}
            open={exportOpen}
            onClose={() => setExportOpen(false)}
          />
        ) : null}
      </div>
    </UnlockedShell>
  );
}
