import { CircleCheck, CircleDot, FileCheck2, Lock, Pencil, Save } from 'lucide-react';
import type { Grading } from '../../../shared/domain';
import type { DocumentDetail } from '../../../shared/ipc/documents';
import { useI18n } from '../../app/i18n';
import { Button } from '../../components/button';
import { GradingBanner } from '../../components/grading-banner';
import { formatIsoDateTime, formatTime } from './format';
import { STATUS_KEY } from '../../lib/document-labels';

export const FINALISE_REASON_ID = 'finalise-reason';

/** The first few provisions; the findings panel lists them all. */
function shortList(citations: readonly string[], max = 3): string {
  return citations.length > max ? `${citations.slice(0, max).join(', ')} …` : citations.join(', ');
}

interface Props {
  detail: DocumentDetail;
  grading: Grading;
  dirty: boolean;
  readOnly: boolean;
  /** A finalised version shown read-only: the one action is to change it, which makes version N+1. */
  locked: boolean;
  busy: 'save' | 'finalise' | null;
  savedAt: Date | null;
  blockingCount: number;
  blockingCitations: readonly string[];
  onSave(): void;
  onFinalise(): void;
  onChange(): void;
}

function SaveState({ detail, dirty, savedAt }: Pick<Props, 'detail' | 'dirty' | 'savedAt'>) {
  const { t, locale } = useI18n();
  const version = detail.version.version;
  if (dirty) {
    return (
      <span className="save-state save-state-dirty" data-testid="save-state" data-state="dirty">
        <CircleDot className="icon" aria-hidden="true" />
        {t('editors.save.unsaved')}
      </span>
    );
  }
  const text = savedAt
    ? t('editors.save.savedAt', { time: formatTime(locale, savedAt), version })
    : t('editors.save.savedOn', { when: formatIsoDateTime(locale, detail.version.createdAt), version });
  return (
    <span className="save-state" data-testid="save-state" data-state="saved">
      <CircleCheck className="icon" aria-hidden="true" />
      {text}
    </span>
  );
}

/**
 * Stays at the top while the form scrolls: the document's grading marking, whether everything is
 * saved, and the Save and Finalise actions. Finalise stays focusable while blocked (aria-disabled),
 * so its reason can be read and pressing it shows what to fix.
 */
export function DocumentToolbar({
  detail,
  grading,
  dirty,
  readOnly,
  locked,
  busy,
  savedAt,
  blockingCount,
  blockingCitations,
  onSave,
  onFinalise,
  onChange,
}: Props) {
  const { t } = useI18n();
  const isFinal = detail.document.status === 'final' && !dirty;
  const blocked = blockingCount > 0;
  return (
    <div className="doc-toolbar" data-testid="document-toolbar">
      <div data-testid="document-grading">
        <GradingBanner level={grading.level} exemptionBasis={grading.exemptionBasis} />
      </div>
      <div className="doc-toolbar-row">
        <span
          className={`doc-status-badge doc-status-badge-${isFinal ? 'final' : 'draft'}`}
          data-testid="document-status"
          data-status={isFinal ? 'final' : 'draft'}
        >
          {t(STATUS_KEY[isFinal ? 'final' : 'draft'])}
        </span>
        <div aria-live="polite" className="save-state-live">
          {readOnly ? (
            <span className="save-state">{t('editors.save.readOnly', { version: detail.version.version })}</span>
          ) : locked ? (
            <span className="save-state" data-testid="save-state" data-state="locked">
              <Lock className="icon" aria-hidden="true" />
              {t('workbench.change.locked', { version: detail.version.version })}
            </span>
          ) : (
            <SaveState detail={detail} dirty={dirty} savedAt={savedAt} />
          )}
        </div>
        {locked ? (
          <div className="doc-toolbar-actions">
            <Button variant="secondary" icon={Pencil} onClick={onChange} data-testid="document-change">
              {t('workbench.change.button', { version: detail.document.currentVersion + 1 })}
            </Button>
          </div>
        ) : readOnly ? null : (
          <div className="doc-toolbar-actions">
            {blocked && !isFinal ? (
              <p className="finalise-reason" id={FINALISE_REASON_ID} data-testid="finalise-reason">
                {t('editors.finalise.blockedReason', { count: blockingCount, citations: shortList(blockingCitations) })}
              </p>
            ) : null}
            <Button
              variant="secondary"
              icon={Save}
              busy={busy === 'save'}
              disabled={!dirty || busy !== null}
              onClick={onSave}
              data-testid="document-save"
              aria-keyshortcuts="Control+S"
            >
              {t('editors.save.button')}
            </Button>
            <Button
              variant="primary"
              icon={FileCheck2}
              busy={busy === 'finalise'}
              disabled={isFinal || busy !== null}
              aria-disabled={blocked || undefined}
              aria-describedby={blocked ? FINALISE_REASON_ID : undefined}
              className={blocked ? 'button-blocked' : undefined}
              onClick={onFinalise}
              data-testid="document-finalise"
            >
              {isFinal ? t('editors.finalise.done') : t('editors.finalise.button')}
            </Button>
          </div>
        )}
      </div>
    </div>
  );
}
