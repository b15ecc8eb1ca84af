import type { ChangeEvent, InputHTMLAttributes, ReactNode, Ref } from 'react';
import { DateField } from './date-field';
import { FieldFrame } from './field';

/**
 * The change a date field reports, shaped as the input change event text fields hand on: the forms
 * read only `target.value`, which holds `YYYY-MM-DD` (or the typed text when it is not a date).
 */
function dateChange(value: string): ChangeEvent<HTMLInputElement> {
  const target = { value } as HTMLInputElement;
  return { target, currentTarget: target } as ChangeEvent<HTMLInputElement>;
}

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'children'> {
  label: string;
  hint?: string;
  error?: string;
  id?: string;
  describedBy?: string;
  /** A control drawn inside the input's frame, e.g. a show/hide toggle. */
  trailing?: ReactNode;
  ref?: Ref<HTMLInputElement>;
}

export function TextField({
  label,
  hint,
  error,
  id,
  describedBy,
  trailing,
  className,
  ref,
  type = 'text',
  ...input
}: TextFieldProps) {
  if (type === 'date') {
    // Chromium's date input shows the browser's locale (12/10/2026), not the UI language: Bro's own.
    const { value, onChange, ...rest } = input;
    return (
      <DateField
        {...rest}
        label={label}
        hint={hint}
        error={error}
        id={id}
        describedBy={describedBy}
        className={className}
        ref={ref}
        value={typeof value === 'string' ? value : ''}
        onValueChange={(next) => onChange?.(dateChange(next))}
      />
    );
  }
  return (
    <FieldFrame label={label} hint={hint} error={error} id={id} describedBy={describedBy} className={className}>
      {(ids) => (
        <div className={trailing ? 'input-frame input-frame-trailing' : 'input-frame'}>
          <input
            ref={ref}
            id={ids.controlId}
            type={type}
            className="input"
            aria-invalid={error ? true : undefined}
            aria-describedby={ids.describedBy}
            {...input}
          />
          {trailing}
        </div>
      )}
    </FieldFrame>
  );
}
