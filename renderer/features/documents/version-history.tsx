import { useCallback, useEffect, useRef, useState } from 'react';
import { GitCompare } from 'lucide-react';
import type { DocumentKind } from '../../../shared/domain';
import type { FieldChange, VersionSummary } from '../../../shared/ipc/record-views';
import type { MentorView } from '../../../shared/ipc/records';
import type { IpcError } from '../../../shared/ipc/result';
import { useI18n } from '../../app/i18n';
import { Button } from '../../components/button';
import { StatusMessage } from '../../components/status-message';
import { api } from '../../lib/api';
import { mapOk, useLoad, valueOr } from '../../lib/use-load';
import { LoadFailed } from '../../components/load-failed';
import { ChangeTable } from './change-table';
import { DocTable } from './doc-table';
import { ChoiceSelect } from './fields';
import { formatIsoDateTime } from './format';
import { STATUS_KEY } from '../../lib/document-labels';
import { Panel } from './titled-section';

interface Props {
  documentId: string;
  kind: DocumentKind;
  currentVersion: number;
  /** The version the editor shows (an older one is read-only). */
  shownVersion: number;
  mentors: readonly MentorView[];
  onOpenVersion(version: number): void;
}

/**
 * The newest earlier version whose content differs from the current one, so the first diff shown is
 * the last real edit (finalising adds a version with the same content).
 */
function lastChange(versions: readonly VersionSummary[], current: number): number {
  const now = versions.find((v) => v.version === current);
  const earlier = versions.filter((v) => v.version < current && v.contentHash !== now?.contentHash);
  return earlier[earlier.length - 1]?.version ?? Math.max(1, current - 1);
}

type Diff = { from: number; to: number; changes: FieldChange[] };

function VersionTable({
  versions,
  currentVersion,
  shownVersion,
  onOpenVersion,
}: {
  versions: readonly VersionSummary[];
  currentVersion: number;
  shownVersion: number;
  onOpenVersion(version: number): void;
}) {
  const { t, locale } = useI18n();
  return (
    <DocTable
      caption={t('editors.history.tableCaption')}
      testId="version-table"
      columns={[
        { label: t('editors.history.version') },
        { label: t('editors.history.status') },
        { label: t('domain.grading.level') },
        { label: t('editors.history.savedAt') },
        { label: t('editors.history.note') },
        { label: t('editors.history.actions'), visuallyHidden: true },
      ]}
    >
      {[...versions].reverse().map((v) => (
        <tr key={v.version} aria-current={v.version === shownVersion ? 'true' : undefined}>
          <th scope="row">
            {v.version === currentVersion ? t('editors.history.currentVersion', { version: v.version }) : v.version}
          </th>
          <td>{t(STATUS_KEY[v.status])}</td>
          <td>{v.grading}</td>
          <td>{formatIsoDateTime(locale, v.createdAt)}</td>
          <td className="doc-note-cell">{v.note ?? ''}</td>
          <td>
            {v.version === shownVersion ? null : (
              <Button variant="link" onClick={() => onOpenVersion(v.version)}>
                {t('editors.history.open', { version: v.version })}
              </Button>
            )}
          </td>
        </tr>
      ))}
    </DocTable>
  );
}

/** Every saved version, and a readable diff between any two of them. */
export function VersionHistory({ documentId, kind, currentVersion, shownVersion, mentors, onOpenVersion }: Props) {
  const { t, tError } = useI18n();
  const listed = useLoad(`${documentId}@${currentVersion}`, async () =>
    mapOk(await api.invoke('documents.versions', { id: documentId }), (value) => value.versions),
  );
  const versions: VersionSummary[] | null = valueOr(listed.loaded, null);
  const [from, setFrom] = useState(Math.max(1, currentVersion - 1));
  const [to, setTo] = useState(currentVersion);
  const [diff, setDiff] = useState<Diff | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const [busy, setBusy] = useState(false);
  // Only the newest comparison asked for may land: an older answer (another pair, or the document
  // before a new version was saved) arriving late must not replace it.
  const asked = useRef(0);

  const compare = useCallback(
    async (a: number, b: number) => {
      const ask = ++asked.current;
      setBusy(true);
      const result = await api.invoke('documents.diff', { id: documentId, from: a, to: b });
      if (ask !== asked.current) return;
      setBusy(false);
      if (result.ok) {
        setDiff(result.value);
        setError(null);
      } else setError(result.error);
    },
    [documentId],
  );

  // Each new list starts the comparison at the last change.
  useEffect(() => {
    if (!versions) return;
    const start = lastChange(versions, currentVersion);
    setFrom(start);
    setTo(currentVersion);
    if (versions.length > 1) void compare(start, currentVersion);
  }, [versions, currentVersion, compare]);

  const options = (versions ?? []).map((v) => ({
    value: String(v.version),
    label: t('editors.history.versionOption', { version: v.version, status: t(STATUS_KEY[v.status]) }),
  }));
  return (
    <div className="doc-history" data-testid="version-history">
      <Panel id="history-title" title={t('editors.history.title')} intro={t('editors.history.description')}>
        {versions ? (
          <VersionTable
            versions={versions}
            currentVersion={currentVersion}
            shownVersion={shownVersion}
            onOpenVersion={onOpenVersion}
          />
        ) : (
          <div className="doc-skeleton doc-skeleton-table" />
        )}
      </Panel>
      <Panel id="compare-title" title={t('editors.diff.title')}>
        {versions && versions.length < 2 ? (
          <p className="muted">{t('editors.diff.onlyOne')}</p>
        ) : (
          <form
            className="doc-compare"
            onSubmit={(event) => {
              event.preventDefault();
              void compare(from, to);
            }}
          >
            <ChoiceSelect
              path="compare.from"
              label={t('editors.diff.from')}
              options={options}
              value={String(from)}
              onChange={(v) => v && setFrom(Number(v))}
            />
            <ChoiceSelect
              path="compare.to"
              label={t('editors.diff.to')}
              options={options}
              value={String(to)}
              onChange={(v) => v && setTo(Number(v))}
            />
            <div className="form-actions">
              <Button type="submit" variant="secondary" icon={GitCompare} busy={busy} disabled={!versions}>
                {t('editors.diff.show')}
              </Button>
            </div>
          </form>
        )}
        {listed.loaded.state === 'failed' ? <LoadFailed error={listed.loaded.error} onRetry={listed.reload} /> : null}
        {error ? <StatusMessage tone="error" title={tError(error)} /> : null}
        {diff ? (
          <div className="doc-diff" aria-live="polite">
            <h3 className="doc-subtitle">{t('editors.diff.heading', { from: diff.from, to: diff.to })}</h3>
            <ChangeTable
              kind={kind}
              changes={diff.changes}
              mentors={mentors}
              caption={t('editors.diff.heading', { from: diff.from, to: diff.to })}
              testId="diff-table"
            />
          </div>
        ) : null}
      </Panel>
    </div>
  );
}
