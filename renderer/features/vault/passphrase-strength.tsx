import { assessPassphrase, PASSPHRASE_MIN_LENGTH } from '../../../shared/vault/passphrase-policy';
import { useT } from '../../app/i18n';
import { STRENGTH_KEY } from '../../lib/labels';

/**
 * Live strength hint for a new passphrase: a five-step meter and, as text, what is still missing.
 * Its id goes into the input's aria-describedby. Only the short strength line is a live region, so
 * a screen reader hears the level change, not every problem on every keystroke.
 */
export function PassphraseStrength({ id, passphrase }: { id: string; passphrase: string }) {
  const t = useT();
  const assessment = assessPassphrase(passphrase);
  const empty = passphrase.length === 0;
  const level = empty ? 'empty' : assessment.acceptable ? `score-${assessment.score}` : 'unacceptable';
  // A passphrase that cannot be used still lights one (red) step, so the meter never looks idle.
  const steps = empty ? 0 : assessment.acceptable ? assessment.score : Math.max(1, assessment.score);
  return (
    <div
      className="strength"
      id={id}
      data-testid="passphrase-strength"
      data-score={empty ? undefined : assessment.score}
    >
      <div className={`strength-meter strength-${level}`} aria-hidden="true">
        {[0, 1, 2, 3].map((step) => (
          <span key={step} className={steps > step ? 'strength-step strength-step-on' : 'strength-step'} />
        ))}
      </div>
      <p className="strength-label" aria-live="polite">
        {empty ? t('vault.strength.empty') : t('vault.strength.label', { level: t(STRENGTH_KEY[assessment.score]) })}
      </p>
      {!empty && assessment.problems.length > 0 ? (
        <ul className="strength-problems">
          {assessment.problems.map((key) => (
            <li key={key}>{t(key, { min: PASSPHRASE_MIN_LENGTH })}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
