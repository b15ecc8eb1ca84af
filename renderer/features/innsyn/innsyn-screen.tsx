import { useState } from 'react';
import { ArrowLeft, Eye, EyeOff, FileDown } from 'lucide-react';
import type { InnsynPrepared } from '../../../shared/ipc/innsyn';
import { useI18n } from '../../app/i18n';
import { useRouter } from '../../app/router';
import { UnlockedShell } from '../../app/shell';
import { useVault } from '../../app/vault-state';
import { Button } from '../../components/button';
import { Checkbox } from '../../components/checkbox';
import { PageHeader } from '../../components/page-header';
import { Select } from '../../components/select';
import { StatusMessage } from '../../components/status-message';
import { LoadFailed } from '../../components/load-failed';
import { valueOr } from '../../lib/use-load';
import { CopyLog } from './copy-log';
import { MarkList, useBasisOptions } from './mark-list';
import type { ProposalSource } from '../../../shared/domain/redaction';
import { RedactionPreview } from './redaction-preview';
import { ScopeChoice } from './scope-choice';
import { markable, TextMarker } from './text-marker';
import { hasTerm, useInnsyn } from './use-innsyn';
import './innsyn.css';

type State = ReturnType<typeof useInnsyn>;

const PROPOSAL_KEY = {
  contact: 'innsyn.proposals.contact',
  participant: 'innsyn.proposals.participant',
  mentor: 'innsyn.proposals.mentor',
  named: 'innsyn.proposals.named',
} as const satisfies Record<ProposalSource, string>;

function Proposals({ prepared, state }: { prepared: InnsynPrepared; state: State }) {
  const { t } = useI18n();
  return (
    <section className="innsyn-section" aria-labelledby="innsyn-proposals">
      <h2 id="innsyn-proposals">{t('innsyn.proposals.title')}</h2>
      <p className="innsyn-muted">{t('innsyn.proposals.intro')}</p>
      {prepared.proposals.length === 0 ? (
        <p>{t('innsyn.proposals.none')}</p>
      ) : (
        <div className="innsyn-proposals" data-testid="innsyn-proposals">
          {prepared.proposals.map((p) => (
            <Checkbox
              key={p.term}
              label={t(PROPOSAL_KEY[p.source], { term: p.term, count: p.occurrences })}
              checked={hasTerm(state.redactions, p)}
              onCheckedChange={(on) => state.toggleProposal(p, on)}
            />
          ))}
        </div>
      )}
    </section>
  );
}

function Texts({ prepared, state, basis }: { prepared: InnsynPrepared; state: State; basis: string }) {
  const { t } = useI18n();
  return (
    <section className="innsyn-section" aria-labelledby="innsyn-texts">
      <h2 id="innsyn-texts">{t('innsyn.texts.title')}</h2>
      <p className="innsyn-muted">{t('innsyn.texts.intro')}</p>
      {prepared.documents.map((doc) => (
        <section key={doc.documentId} className="innsyn-document">
          <h3>{t('innsyn.documentHeading', { kind: doc.kindLabel, version: doc.version })}</h3>
          {prepared.texts
            .filter((x) => x.documentId === doc.documentId && markable(x))
            .map((x) => (
              <TextMarker key={x.path} text={x} basis={basis} onMark={state.add} />
            ))}
        </section>
      ))}
    </section>
  );
}

function Ready({ prepared, state }: { prepared: InnsynPrepared; state: State }) {
  const { t, tError } = useI18n();
  const [basis, setBasis] = useState(prepared.bases[0]?.id ?? '');
  const [preview, setPreview] = useState(false);
  const options = useBasisOptions(prepared.bases);
  return (
    <>
      {prepared.excluded.map((x) => (
        <StatusMessage key={x.documentId} tone="info" title={t(x.reasonKey)} />
      ))}
      <Proposals prepared={prepared} state={state} />
      <section className="innsyn-section" aria-labelledby="innsyn-marks-title">
        <h2 id="innsyn-marks-title">{t('innsyn.marks.title')}</h2>
        <Select
          label={t('innsyn.basis.choose')}
          hint={t('innsyn.basis.hint')}
          value={basis}
          options={options}
          onValueChange={setBasis}
        />
        <MarkList
          redactions={state.redactions}
          texts={prepared.texts}
          bases={prepared.bases}
          onBasis={state.setBasis}
          onRemove={state.remove}
        />
      </section>
      <Texts prepared={prepared} state={state} basis={basis} />
      <section className="innsyn-section" aria-labelledby="innsyn-preview-title">
        <h2 id="innsyn-preview-title">{t('innsyn.preview.title')}</h2>
        <Button
          variant="secondary"
          icon={preview ? EyeOff : Eye}
          aria-expanded={preview}
          onClick={() => setPreview(!preview)}
        >
          {t(preview ? 'innsyn.preview.hide' : 'innsyn.preview.show')}
        </Button>
        {preview ? <RedactionPreview prepared={prepared} redactions={state.redactions} /> : null}
      </section>
      <section className="innsyn-section" aria-labelledby="innsyn-save-title">
        <h2 id="innsyn-save-title">{t('innsyn.save.title')}</h2>
        <p className="innsyn-muted">{t('innsyn.save.intro', { grading: prepared.grading })}</p>
        <Button variant="primary" icon={FileDown} busy={state.saving} onClick={() => void state.save()}>
          {t('innsyn.save.button')}
        </Button>
        {state.failure ? <StatusMessage tone="error" title={tError(state.failure)} /> : null}
        {state.saved ? (
          <StatusMessage
            tone="success"
            testId="innsyn-saved"
            title={t('innsyn.save.done', { fileName: state.saved.fileName, count: state.saved.removals })}
          >
            {t('innsyn.save.fingerprint', { sha256: state.saved.sha256 })}
          </StatusMessage>
        ) : null}
      </section>
    </>
  );
}

/** The innsyn copy (NO pkt 11) of one document or of the whole case: mark, preview, save, and the log. */
export function InnsynScreen({ caseId, documentId }: { caseId: string; documentId?: string }) {
  const { t } = useI18n();
  const { navigate } = useRouter();
  const profile = useVault().status.profile ?? 'NO';
  const state = useInnsyn(caseId, documentId, profile);
  const { loaded } = state;
  return (
    <UnlockedShell screen="innsyn">
      <div className="content innsyn" aria-busy={loaded.state === 'loading' || undefined}>
        <div className="back-link">
          <Button variant="link" icon={ArrowLeft} onClick={() => navigate({ screen: 'case', caseId })}>
            {t('innsyn.back')}
          </Button>
        </div>
        <PageHeader
          title={
            loaded.state === 'ready'
              ? t(documentId ? 'innsyn.titleDocument' : 'innsyn.titleCase', {
                  reference: loaded.value.caseReference,
                })
              : t('innsyn.titleLoading')
          }
          windowTitle={t('innsyn.titleLoading')}
          description={t('innsyn.intro')}
        />
        <ScopeChoice caseId={caseId} documentId={documentId} />
        {loaded.state === 'ready' ? (
          <Ready prepared={loaded.value} state={state} />
        ) : loaded.state === 'failed' ? (
          <LoadFailed error={loaded.error} />
        ) : (
          <p role="status">{t('common.loading')}</p>
        )}
        {state.copies.state === 'failed' ? (
          <LoadFailed error={state.copies.error} onRetry={state.reloadLog} />
        ) : (
          <CopyLog copies={valueOr(state.copies, [])} />
        )}
      </div>
    </UnlockedShell>
  );
}
