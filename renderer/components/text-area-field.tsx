import type { Ref, TextareaHTMLAttributes } from 'react';
import { FieldFrame } from './field';

export interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'children'> {
  label: string;
  hint?: string;
  error?: string;
  id?: string;
  describedBy?: string;
  ref?: Ref<HTMLTextAreaElement>;
}

/** A multi-line text field with label, hint and error wired like TextField. */
export function TextAreaField({
  label,
  hint,
  error,
  id,
  describedBy,
  className,
  ref,
  rows = 3,
  ...textarea
}: TextAreaFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} id={id} describedBy={describedBy} className={className}>
      {(ids) => (
        <div className="input-frame">
          <textarea
            ref={ref}
            id={ids.controlId}
            rows={rows}
            className="input textarea"
            aria-invalid={error ? true : undefined}
            aria-describedby={ids.describedBy}
            {...textarea}
          />
        </div>
      )}
    </FieldFrame>
  );
}
