import type { InputHTMLAttributes, ReactNode, Ref } from 'react';
import { FieldFrame } from './field';

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
