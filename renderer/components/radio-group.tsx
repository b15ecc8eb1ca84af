import { useId } from 'react';
import { FieldError, FieldHint } from './field';

export interface RadioOption<V extends string> {
  value: V;
  label: string;
  description?: string;
}

export interface RadioGroupProps<V extends string> {
  legend: string;
  hint?: string;
  name: string;
  value: V | null;
  options: readonly RadioOption<V>[];
  onValueChange(value: V): void;
  error?: string;
}

/**
 * A fieldset of radio "cards". The whole card is the click target, but each radio's accessible name is
 * only its title; the description is linked with aria-describedby.
 */
export function RadioGroup<V extends string>({
  legend,
  hint,
  name,
  value,
  options,
  onValueChange,
  error,
}: RadioGroupProps<V>) {
  const base = `radio${useId()}`;
  const hintId = `${base}-hint`;
  const errorId = `${base}-error`;
  const groupDescribedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className="radio-group" aria-describedby={groupDescribedBy}>
      <legend className="field-label">{legend}</legend>
      <FieldHint id={hintId} text={hint} />
      <div className="radio-options">
        {options.map((option) => {
          const id = `${base}-${option.value}`;
          const titleId = `${id}-title`;
          const descriptionId = option.description ? `${id}-description` : undefined;
          return (
            <div key={option.value} className={value === option.value ? 'radio-card radio-card-checked' : 'radio-card'}>
              <input
                id={id}
                type="radio"
                name={name}
                value={option.value}
                checked={value === option.value}
                aria-labelledby={titleId}
                aria-invalid={error ? true : undefined}
                aria-describedby={[descriptionId, error ? errorId : null].filter(Boolean).join(' ') || undefined}
                onChange={() => onValueChange(option.value)}
              />
              <label htmlFor={id} className="radio-card-label">
                <span className="radio-card-title" id={titleId}>
                  {option.label}
                </span>
                {option.description ? (
                  <span className="radio-card-description" id={descriptionId}>
                    {option.description}
                  </span>
                ) : null}
              </label>
            </div>
          );
        })}
      </div>
      <FieldError id={errorId} text={error} />
    </fieldset>
  );
}
