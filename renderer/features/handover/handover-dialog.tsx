import { useState } from 'react';
import { Signature } from 'lucide-react';
import type { HandoverCandidate } from '../../../shared/ipc/handover';
import { useI18n } from '../../app/i18n';
import { Button } from '../../components/button';
import { Checkbox } from '../../components/checkbox';
import { Dialog } from '../../components/dialog';
import { StatusMessage } from '../../components/status-message';
import { TextField } from '../../components/text-field';
import { api } from '../../lib/api';
import { useLoad, valueOr } from '../../lib/use-load';
import { KIND_KEY } from '../../lib/document-labels';
import { TokenPinField } from '../../components/token-pin-field';

type Prepared = { candidates: HandoverCandidate[]; hasIdentity: boolean; signsWithToken: boolean };
type Choice = { include: boolean; reason: string };
type Outcome = { tone: 'success' | 'error' | 'info'; text: string } | null;

/**
 * "Create handover package": the sender chooses, with a reason, the documents the receiving unit needs;
 * the main process signs the package and writes it where the user chooses in its save dialog (never a
 * browser download). The renderer learns the file name and fingerprint, never the bytes or folder.
 */
export function HandoverDialog({
  caseId,
  receivingUnit,
  onClose,
}: {
  caseId: string;
  receivingUnit: string;
  onClose(): void;
}) {
  const { t, tError } = useI18n();
  const prepare = useLoad<Prepared>(caseId, () => api.invoke('handover.prepare', { caseId }));
  const prepared = valueOr(prepare.loaded, null);
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [saveOutcome, setOutcome] = useState<Outcome>(null);
  // A refused preparation shows where the outcome of saving would.
  const outcome: Outcome =
    saveOutcome ?? (prepare.loaded.state === 'failed' ? { tone: 'error', text: tError(prepare.loaded.error) } : null);

  const choose = (id: string, change: Partial<Choice>) =>
    setChoices((all) => ({ ...all, [id]: { include: false, reason: '', ...all[id], ...change } }));

  const submit = async () => {
    setBusy(true);
    const list = Object.entries(choices).map(([documentId, choice]) => ({ documentId, ...choice }));
    const result = await api.invoke('handover.save', {
      caseId,
      choices: list,
      ...(prepared?.signsWithToken ? { pin } : {}),
    });
    setBusy(false);
    setPin('');
    if (!result.ok) return setOutcome({ tone: 'error', text: tError(result.error) });
    const saved = result.value;
    if (!saved.saved) return setOutcome({ tone: 'info', text: t('handover.create.cancelled') });
    setOutcome({
      tone: 'success',
      text: t('handover.create.saved', {
        fileName: saved.fileName,
        documents: saved.documents,
        grading: saved.grading.level,
        sha256: saved.sha256,
      }),
    });
  };

  const actions = (
    <>
      <Button onClick={onClose} data-testid="handover-close">
        {t('handover.create.close')}
      </Button>
      <Button
        variant="primary"
        icon={Signature}
        busy={busy}
        disabled={!prepared?.hasIdentity || outcome?.tone === 'success'}
        onClick={() => void submit()}
        data-testid="handover-submit"
      >
        {t('handover.create.submit')}
      </Button>
    </>
  );
  return (
    <Dialog open title={t('handover.create.title', { receivingUnit })} onClose={onClose} actions={actions}>
      <p>{t('handover.create.intro')}</p>
      {prepared && !prepared.hasIdentity ? (
        <StatusMessage tone="warning" title={t('handover.create.noIdentity')} />
      ) : null}
      {prepared?.candidates.map((candidate) => {
        const kind = t(KIND_KEY[candidate.kind]);
        if (candidate.finalisedVersion === null)
          return <p key={candidate.documentId}>{t('handover.create.notFinal', { kind })}</p>;
        const choice = choices[candidate.documentId];
        return (
          <fieldset key={candidate.documentId} className="field-group" data-testid="handover-candidate">
            <Checkbox
              label={t('handover.create.include', { kind, version: candidate.finalisedVersion })}
              checked={choice?.include ?? false}
              onCheckedChange={(include) => choose(candidate.documentId, { include })}
              data-testid="handover-include"
            />
            <TextField
              label={t('handover.create.reason')}
              value={choice?.reason ?? ''}
              onChange={(event) => choose(candidate.documentId, { reason: event.target.value })}
              data-testid="handover-reason"
            />
          </fieldset>
        );
      })}
      {prepared?.signsWithToken ? <TokenPinField value={pin} onChange={setPin} /> : null}
      <div aria-live="polite">
        {outcome ? <StatusMessage tone={outcome.tone} title={outcome.text} testId="handover-outcome" /> : null}
      </div>
    </Dialog>
  );
}
