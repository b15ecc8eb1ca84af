import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { ArrowLeft, Download, Printer } from 'lucide-react';
import type { Finding } from '../../../shared/rules';
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
import { ErrorSummary } from './error-summary';
import { placeFindings, requirementBaseline } from './finding-places';
import { blockingCitations } from './findings-view';
import { localIsoDate } from './form-values';
import { KIND_KEY, MEETING_TYPE_KEY, STATUS_KEY } from '../../lib/document-labels';
import { useLeaveGuard } from './leave-guard';
import { Tabs, type TabItem } from './tabs';
import { useDocumentEditor, type DocumentEditor, type FinaliseOutcome } from './use-document-editor';
import { useLinkedDocuments, type LinkedDocument } from './use-linked-documents';
import { useOpenActions } from './use-open-actions';
import { useTemplate } from './use-template';
import { failureOf, valueOr } from '../../lib/use-load';
import { LoadFailed } from '../../components/load-failed';
import { VersionHistory } from './version-history';
import './documents.css';

type Tab = 'content' | 'history' | 'distribution';
type Notice = { tone: 'success' | 'error'; title: string };

/** What a finalise came to, when it is not a refusal (a refusal shows the error summary instead). */
function useFinaliseNotice() {
  const { t, tError } = useI18n();
  return (outcome: Exclude<FinaliseOutcome, { type: 'blocked' }>): Notice =>
    outcome.type === 'finalised'
      ? { tone: 'success', title: t('editors.finalise.finalised', { version: outcome.detail.version.version }) }
      : { tone: 'error', title: tError(outcome.error) };
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

function Messages({
  editor,
  notice,
  changing,
  onCancelChange,
}: {
  editor: DocumentEditor;
  notice: Notice | null;
  changing: boolean;
  onCancelChange(): void;
}) {
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
      {changing && detail.version.status === 'final' ? (
        <StatusMessage
          tone="info"
          title={t('workbench.change.note', { version: detail.version.version, next: detail.version.version + 1 })}
          testId="document-changing"
        >
          {editor.dirty ? null : (
            <Button variant="link" onClick={onCancelChange}>
              {t('workbench.change.cancel')}
            </Button>
          )}
        </StatusMessage>
      ) : null}
      {notice ? <StatusMessage tone={notice.tone} title={notice.title} testId="document-notice" /> : null}
    </>
  );
}

/** Where each finding shows (see finding-places.ts), against the requirements an empty document of the kind fails. */
function usePlaces(editor: DocumentEditor, attempts: number) {
  const { draft, findings, profile } = editor;
  const [today] = useState(() => localIsoDate(new Date()));
  // The baseline depends on the kind (and meeting type) only, not on what is typed: made once per kind.
  const [baselines] = useState(() => new Map<string, Finding[]>());
  const key = draft ? `${draft.kind}:${draft.kind === 'meeting' ? draft.content.meetingType : ''}` : '';
  let baseline = baselines.get(key);
  if (!baseline) {
    baseline = draft ? requirementBaseline(draft, profile, today) : [];
    baselines.set(key, baseline);
  }
  return useMemo(
    () => placeFindings(findings, { showInvalid: attempts > 0, today, baseline }),
    [findings, attempts, today, baseline],
  );
}

const NO_LINKED: LinkedDocument[] = [];

/** The editor of one document, any kind: form, findings, grading, versions and distribution. */
export function DocumentScreen({ documentId, version }: { documentId: string; version?: number }) {
  const { t, tError } = useI18n();
  const editor = useDocumentEditor(documentId, version);
  const { detail, draft, findings } = editor;
  const [tab, setTab] = useState<Tab>('content');
  const [notice, setNotice] = useState<Notice | null>(null);
  // Refused finalise attempts: from the first, unmet requirements are errors at their fields.
  const [attempts, setAttempts] = useState(0);
  const [serverCitations, setServerCitations] = useState<readonly string[]>([]);
  // A finalised version is read-only until the person chooses to change it (saving makes version N+1).
  const [changing, setChanging] = useState(false);
  const [exportOpen, setExportOpen] = useState(false);
  const toNotice = useFinaliseNotice();
  const templateLoad = useTemplate(draft);
  const template = templateLoad.template;
  const linkedKind =
    detail?.document.kind === 'concern' ? 'observation' : detail?.document.kind === 'concern_report' ? 'concern' : null;
  const linkedLoad = useLinkedDocuments(detail?.document.caseId ?? null, linkedKind);
  const linked = valueOr(linkedLoad.loaded, NO_LINKED);
  const actionsLoad = useOpenActions(detail?.document.kind === 'follow_up_plan' ? detail.document.caseId : null);
  const openActions = valueOr(actionsLoad.loaded, null);
  // What the form draws on besides the document: each failure is shown with a retry, never as "none".
  const sideFailures = [
    templateLoad.failure,
    failureOf(linkedLoad),
    failureOf(actionsLoad),
    failureOf(editor.mentorsLoad),
  ];
  const places = usePlaces(editor, attempts);
  const blocking = findings.filter((f) => f.severity === 'blocking');
  const shownVersion = detail?.version.version;
  useEffect(() => setChanging(false), [shownVersion]);
  const locked = detail !== null && detail.version.status === 'final' && !editor.readOnly && !changing && !editor.dirty;

  const save = async (): Promise<boolean> => {
    const result = await editor.save();
    setNotice(result.ok ? null : { tone: 'error', title: tError(result.error) });
    return result.ok;
  };
  const { leave, dialog } = useLeaveGuard(editor.dirty, save);
  const refuse = (citations: readonly string[]) => {
    setTab('content');
    setNotice(null);
    setServerCitations(citations);
    setAttempts((n) => n + 1);
  };
  const finalise = async () => {
    if (blocking.length > 0) return refuse([]);
    const outcome = await editor.finalise();
    if (outcome.type === 'blocked') return refuse(outcome.citations);
    if (outcome.type === 'finalised') {
      setAttempts(0);
      setServerCitations([]);
    }
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
  return (
    <UnlockedShell screen="document">
      <div className="content doc-screen" onKeyDown={onKeyDown} data-document-kind={detail?.document.kind}>
        <Header
          editor={editor}
          onBack={() => caseId && leave({ screen: 'case', caseId })}
          onPrint={() => detail && leave({ screen: 'print', documentId, version: shownVersion })}
          onExport={() => setExportOpen(true)}
        />
        {editor.load.phase === 'failed' ? <LoadFailed error={editor.load.error} onRetry={editor.reload} /> : null}
        {sideFailures.map((failure, index) =>
          failure ? <LoadFailed key={index} error={failure.error} onRetry={failure.retry} /> : null,
        )}
        {detail && draft ? (
          <>
            <DocumentToolbar
              detail={detail}
              grading={draft.content.grading}
              dirty={editor.dirty}
              readOnly={editor.readOnly}
              busy={editor.busy}
              savedAt={editor.savedAt}
              locked={locked}
              blockingCount={blocking.length}
              blockingCitations={blockingCitations(findings)}
              onSave={() => void save()}
              onFinalise={() => void finalise()}
              onChange={() => setChanging(true)}
            />
            <Messages editor={editor} notice={notice} changing={changing} onCancelChange={() => setChanging(false)} />
            <ErrorSummary
              attempt={blocking.length > 0 || serverCitations.length > 0 ? attempts : 0}
              findings={[...places.inline, ...places.open]}
              citations={blocking.length > 0 ? blockingCitations(findings) : serverCitations}
            />
            <Tabs<Tab> label={t('editors.tabs.label')} idPrefix="document" selected={tab} onSelect={setTab} tabs={tabs}>
              {tab === 'content' ? (
                <ContentTab
                  editor={editor}
                  places={places}
                  locked={locked}
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
            version={shownVersion}
            open={exportOpen}
            onClose={() => setExportOpen(false)}
          />
        ) : null}
      </div>
    </UnlockedShell>
  );
}
