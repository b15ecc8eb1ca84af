import { useRef, useState } from 'react';
import { ShieldAlert } from 'lucide-react';
import type { Grading, GradingLevel, Profile } from '../../../shared/domain';
import { gradingScale } from '../../../shared/domain';
import { removedExemption } from '../../../shared/rules';
import { useT } from '../../app/i18n';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { FieldFrame } from '../../components/field';
import { TextField } from '../../components/text-field';
import { ChoiceSelect } from './fields';
import { isLowering } from './grading-change';
import { Panel } from './titled-section';

interface DowngradeDialogProps {
  open: boolean;
  from: GradingLevel;
  to: GradingLevel;
  onConfirm(reason: string): void;
  onCancel(): void;
}

/** Lowering a grading is an explicit, logged act: it needs a reason and a confirmation. */
function DowngradeDialog({ open, from, to, onConfirm, onCancel }: DowngradeDialogProps) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const field = useRef<HTMLTextAreaElement>(null);
  const confirm = () => {
    if (reason.trim() === '') {
      setError(t('editors.grading.reasonRequired'));
      field.current?.focus();
      return;
    }
    onConfirm(reason.trim());
    setReason('');
  };
  return (
    <Dialog
      open={open}
      title={t('editors.grading.downgradeTitle')}
      onClose={onCancel}
      actions={
        <>
          <Button variant="secondary" onClick={onCancel}>
            {t('editors.grading.keep', { level: from })}
          </Button>
          <Button variant="danger" icon={ShieldAlert} onClick={confirm}>
            {t('editors.grading.confirmDowngrade', { level: to })}
          </Button>
        </>
      }
    >
      <p>{t('editors.grading.downgradeBody', { from, to })}</p>
      <FieldFrame label={t('editors.grading.reason')} hint={t('editors.grading.reasonHint')} error={error}>
        {(ids) => (
          <div className="input-frame">
            <textarea
              ref={field}
              id={ids.controlId}
              className="input doc-textarea"
              rows={3}
              maxLength={2000}
              value={reason}
              aria-invalid={error ? true : undefined}
              aria-describedby={ids.describedBy}
              aria-required="true"
              onChange={(event) => {
                setReason(event.target.value);
                setError(undefined);
              }}
            />
          </div>
        )}
      </FieldFrame>
    </Dialog>
  );
}

export interface GradingPanelProps {
  profile: Profile;
  /** The grading of the saved version: lowering below it needs a reason. */
  savedLevel: GradingLevel;
  /** NO: the saved version's "Unntatt offentlighet" basis; taking it off needs a reason too. */
  savedExemption?: string;
  grading: Grading;
  downgradeReason: string | null;
  disabled: boolean;
  onChange(grading: Grading, downgradeReason: string | null): void;
}

/** The document's grading: level (and for NO, "Unntatt offentlighet" with its legal basis). */
export function GradingPanel({
  profile,
  savedLevel,
  savedExemption,
  grading,
  downgradeReason,
  disabled,
  onChange,
}: GradingPanelProps) {
  const t = useT();
  // The exemption taken off: a lowering, whose reason is asked for here (the field empties a key at a time).
  const removed = removedExemption({ exemptionBasis: savedExemption }, grading);
  const [pending, setPending] = useState<GradingLevel | null>(null);
  const options = gradingScale(profile).map((level) => ({ value: level, label: level }));
  const choose = (level: GradingLevel | undefined) => {
    if (!level || level === grading.level) return;
    if (isLowering(profile, savedLevel, level)) setPending(level);
    // A level not lowered needs no reason of its own; the exemption taken off still does.
    else onChange({ ...grading, level }, removed !== undefined ? downgradeReason : null);
  };
  return (
    <Panel
      id="grading-panel-title"
      title={t('editors.grading.title')}
      className="doc-panel"
      testId="grading-panel"
      intro={t('editors.grading.description')}
    >
      <fieldset className="doc-plain-fieldset" disabled={disabled}>
        <ChoiceSelect
          path="grading"
          label={t('domain.grading.level')}
          options={options}
          value={grading.level}
          onChange={choose}
        />
        {profile === 'NO' ? (
          <TextField
            label={t('domain.grading.exemptionBasis')}
            hint={t('editors.grading.exemptionHint')}
            value={grading.exemptionBasis ?? ''}
            maxLength={200}
            onChange={(event) => {
              const basis = event.target.value;
              const { exemptionBasis: _old, ...rest } = grading;
              // Put back, the exemption needs no reason; a level lowered meanwhile keeps its own.
              const lowered = isLowering(profile, savedLevel, grading.level);
              const reason = basis.trim() === '' || lowered ? downgradeReason : null;
              onChange(basis.trim() === '' ? rest : { ...rest, exemptionBasis: basis }, reason);
            }}
          />
        ) : null}
        {removed !== undefined ? (
          <TextField
            label={t('editors.grading.exemptionRemovedReason')}
            hint={t('editors.grading.exemptionRemovedHint', { basis: removed })}
            value={downgradeReason ?? ''}
            maxLength={2000}
            required
            onChange={(event) => onChange(grading, event.target.value === '' ? null : event.target.value)}
            data-testid="exemption-removed-reason"
          />
        ) : null}
      </fieldset>
      {downgradeReason && isLowering(profile, savedLevel, grading.level) ? (
        <p className="doc-downgrade-note" data-testid="downgrade-pending">
          {t('editors.grading.downgradePending', { from: savedLevel, to: grading.level, reason: downgradeReason })}
        </p>
      ) : null}
      <DowngradeDialog
        open={pending !== null}
        from={savedLevel}
        to={pending ?? savedLevel}
        onCancel={() => setPending(null)}
        onConfirm={(reason) => {
          if (pending) onChange({ ...grading, level: pending }, reason);
          setPending(null);
        }}
      />
    </Panel>
  );
}
