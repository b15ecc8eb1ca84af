import { useId, type Ref } from 'react';
import type { LucideIcon } from 'lucide-react';
import { Button } from '../../components/button';
import { FieldError } from '../../components/field';

/**
 * A file or folder picked in the main process's dialog: a legend, what is chosen (or that nothing is),
 * and the button that opens the dialog. The button is described by the choice and by the error, so a
 * screen reader hears both when focus lands on it.
 */
export function ChosenPathField({
  legend,
  chosen,
  buttonLabel,
  icon,
  error,
  busy,
  onChoose,
  buttonRef,
  testId,
}: {
  legend: string;
  chosen: string;
  buttonLabel: string;
  icon: LucideIcon;
  error?: string;
  busy?: boolean;
  onChoose(): void;
  buttonRef?: Ref<HTMLButtonElement>;
  testId: string;
}) {
  const base = `chosen${useId()}`;
  return (
    <fieldset className={error ? 'chosen-path field-invalid' : 'chosen-path'} data-testid={testId}>
      <legend className="field-label">{legend}</legend>
      <p className="chosen-path-value" id={`${base}-value`}>
        {chosen}
      </p>
      <Button
        ref={buttonRef}
        variant="secondary"
        icon={icon}
        busy={busy}
        onClick={onChoose}
        aria-describedby={[`${base}-value`, error ? `${base}-error` : null].filter(Boolean).join(' ')}
      >
        {buttonLabel}
      </Button>
      <FieldError id={`${base}-error`} text={error} />
    </fieldset>
  );
}
