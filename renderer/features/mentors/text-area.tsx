import type { Ref, TextareaHTMLAttributes } from 'react';
import { FieldFrame } from '../../components/field';
import './forms.css';

export interface TextAreaProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'children'> {
  label: string;
  hint?: string;
  error?: string;
  id?: string;
  ref?: Ref<HTMLTextAreaElement>;
}

/** A multi-line text field with label, hint and error wired like TextField. */
export function TextArea({ label, hint, error, id, className, ref, rows = 3, ...textarea }: TextAreaProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} id={id} className={className}>
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
