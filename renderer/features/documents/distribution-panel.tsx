import { useState, type FormEvent } from 'react';
import { Send } from 'lucide-react';
import type { DistributionRecipient, DocumentKind } from '../../../shared/domain';
import { PROFILE_RECIPIENTS } from '../../../shared/domain';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import type { DistributionFormat, DistributionRecord } from '../../../shared/ipc/distribution';
import type { MentorView } from '../../../shared/ipc/records';
import type { IpcError, IpcResult } from '../../../shared/ipc/result';
import { useI18n } from '../../app/i18n';
import { useVault } from '../../app/vault-state';
import { Button } from '../../components/button';
import { StatusMessage } from '../../components/status-message';
import { api } from '../../lib/api';
import { useLoad, valueOr } from '../../lib/use-load';
import { LoadFailed } from '../../components/load-failed';
import { ChangeTable } from './change-table';
import { DocTable } from './doc-table';
import { ChoiceSelect, DateInput } from './fields';
import { formatIsoDate, formatIsoDateTime } from './format';
import { localIsoDate } from './form-values';
import { RECIPIENT_KEY, VIA_KEY } from '../../lib/document-labels';
import { Panel } from './titled-section';

interface Props {
  documentId: string;
  kind: DocumentKind;
  currentVersion: number;
  mentors: readonly MentorView[];
  /** Called after a new log entry, so the plan's distribution findings are checked again. */
  onRecorded(): void;
}

type ChangesSinceSent = ChannelOutput<'documents.changesSinceSent'>;
const FORMATS: readonly DistributionFormat[] = ['paper', 'signed_pdf', 'signed_container'];

function LogTable({ entries }: { entries: readonly DistributionRecord[] }) {
  const { t, locale } = useI18n();
  if (entries.length === 0)
    return (
      <p className="muted" data-testid="distribution-empty">
        {t('editors.distribution.empty')}
      </p>
    );
  return (
    <DocTable
      caption={t('editors.distribution.logTitle')}
      testId="distribution-table"
      columns={[
        { label: t('domain.distribution.version') },
        { label: t('domain.distribution.recipient') },
        { label: t('domain.distribution.sentOn') },
        { label: t('domain.distribution.via') },
        { label: t('editors.distribution.recordedAt') },
      ]}
    >
      {[...entries].reverse().map((entry) => (
        <tr key={entry.id}>
          <th scope="row">{entry.version}</th>
          <td>{t(RECIPIENT_KEY[entry.recipient])}</td>
          <td>{formatIsoDate(locale, entry.sentOn)}</td>
          <td>{t(VIA_KEY[entry.format])}</td>
          <td>{formatIsoDateTime(locale, entry.recordedAt)}</td>
        </tr>
      ))}
    </DocTable>
  );
}

function RecordForm({
  documentId,
  finalVersions,
  onRecorded,
}: {
  documentId: string;
  finalVersions: readonly number[];
  onRecorded(): void;
}) {
  const { t, tError } = useI18n();
  const latest = finalVersions[finalVersions.length - 1];
  const [version, setVersion] = useState(latest);
  const recipients = PROFILE_RECIPIENTS[useVault().status.profile ?? 'NO'];
  const [recipient, setRecipient] = useState<DistributionRecipient>(recipients[0] ?? 'other');
  const [sentOn, setSentOn] = useState<string | undefined>(localIsoDate(new Date()));
  const [format, setFormat] = useState<DistributionFormat>('paper');
  const [outcome, setOutcome] = useState<{ ok: true } | { ok: false; error: IpcError } | null>(null);
  const [busy, setBusy] = useState(false);
  if (latest === undefined || version === undefined)
    return <p className="muted">{t('editors.distribution.finaliseFirst')}</p>;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!sentOn) return;
    setBusy(true);
    const result = await api.invoke('distribution.record', { documentId, version, recipient, sentOn, format });
    setBusy(false);
    setOutcome(result.ok ? { ok: true } : { ok: false, error: result.error });
    if (result.ok) onRecorded();
  };
  return (
    <form className="doc-record-form" onSubmit={(event) => void submit(event)} data-testid="distribution-form">
      <div className="doc-row doc-row-4">
        <ChoiceSelect
          path="distribution.version"
          label={t('domain.distribution.version')}
          options={finalVersions.map((v) => ({ value: String(v), label: String(v) }))}
          value={String(version)}
          onChange={(v) => v && setVersion(Number(v))}
        />
        <ChoiceSelect
          path="distribution.recipient"
          label={t('domain.distribution.recipient')}
          options={recipients.map((value: DistributionRecipient) => ({
            value,
            label: t(RECIPIENT_KEY[value]),
          }))}
          value={recipient}
          onChange={(v) => v && setRecipient(v)}
        />
        <DateInput
          path="distribution.sentOn"
          label={t('domain.distribution.sentOn')}
          value={sentOn}
          onChange={setSentOn}
        />
        <ChoiceSelect
          path="distribution.format"
          label={t('domain.distribution.via')}
          options={FORMATS.map((value) => ({ value, label: t(VIA_KEY[value]) }))}
          value={format}
          onChange={(v) => v && setFormat(v)}
        />
      </div>
      <div className="form-actions">
        <Button type="submit" variant="secondary" icon={Send} busy={busy} disabled={!sentOn}>
          {t('editors.distribution.record')}
        </Button>
      </div>
      {outcome && !outcome.ok ? <StatusMessage tone="error" title={tError(outcome.error)} /> : null}
      {outcome?.ok ? <StatusMessage tone="success" title={t('editors.distribution.recorded')} /> : null}
    </form>
  );
}

function ChangesSinceKdi({
  kind,
  changes,
  mentors,
}: {
  kind: DocumentKind;
  changes: ChangesSinceSent | null;
  mentors: readonly MentorView[];
}) {
  const { t } = useI18n();
  return (
    <Panel
      id="since-kdi-title"
      title={t('editors.distribution.sinceKdiTitle')}
      testId="changes-since-kdi"
      intro={t('editors.distribution.sinceKdiDescription')}
    >
      {changes === null ? (
        <div className="doc-skeleton" />
      ) : changes.lastSentVersion === null ? (
        <p className="muted">{t('editors.distribution.notSentToKdi')}</p>
      ) : (
        <>
          <p>
            {t(
              changes.currentIsDraft ? 'editors.distribution.sinceVersionDraft' : 'editors.distribution.sinceVersion',
              {
                sent: changes.lastSentVersion,
                current: changes.currentVersion,
              },
            )}
          </p>
          <ChangeTable
            kind={kind}
            changes={changes.changes}
            mentors={mentors}
            caption={t('editors.distribution.sinceKdiTitle')}
            testId="changes-since-kdi-table"
          />
        </>
      )}
    </Panel>
  );
}

interface Distribution {
  entries: DistributionRecord[];
  finalVersions: number[];
  changes: ChangesSinceSent | null;
}

async function loadDistribution(documentId: string, kind: DocumentKind): Promise<IpcResult<Distribution>> {
  const [log, versions, since] = await Promise.all([
    api.invoke('distribution.list', { documentId }),
    api.invoke('documents.versions', { id: documentId }),
    kind === 'follow_up_plan'
      ? api.invoke('documents.changesSinceSent', { id: documentId, recipient: 'kdi' })
      : Promise.resolve(null),
  ]);
  if (!log.ok) return log;
  if (!versions.ok) return versions;
  if (since && !since.ok) return since;
  const finalVersions = versions.value.versions.filter((v) => v.status === 'final').map((v) => v.version);
  return { ok: true, value: { entries: log.value.entries, finalVersions, changes: since ? since.value : null } };
}

/** The distribution log (which version went to whom, when), recording a sending, and for a plan what KDI has not seen. */
export function DistributionPanel({ documentId, kind, currentVersion, mentors, onRecorded }: Props) {
  const { t } = useI18n();
  const { loaded, reload } = useLoad(`${documentId}@${currentVersion}:${kind}`, () =>
    loadDistribution(documentId, kind),
  );
  const ready = valueOr(loaded, null);
  const entries = ready?.entries ?? null;
  const finalVersions = ready?.finalVersions ?? null;
  const changes = ready?.changes ?? null;

  return (
    <div className="doc-distribution" data-testid="distribution-panel">
      {kind === 'follow_up_plan' ? <ChangesSinceKdi kind={kind} changes={changes} mentors={mentors} /> : null}
      <Panel
        id="distribution-title"
        title={t('editors.distribution.logTitle')}
        intro={
          kind === 'follow_up_plan' ? t('editors.distribution.planDescription') : t('editors.distribution.description')
        }
      >
        {loaded.state === 'failed' ? <LoadFailed error={loaded.error} onRetry={reload} /> : null}
        {entries ? <LogTable entries={entries} /> : <div className="doc-skeleton doc-skeleton-table" />}
      </Panel>
      <Panel
        id="record-title"
        title={t('editors.distribution.recordTitle')}
        intro={t('editors.distribution.recordDescription')}
      >
        {finalVersions ? (
          <RecordForm
            key={finalVersions.join(',')}
            documentId={documentId}
            finalVersions={finalVersions}
            onRecorded={() => {
              reload();
              onRecorded();
            }}
          />
        ) : (
          <div className="doc-skeleton" />
        )}
      </Panel>
    </div>
  );
}
