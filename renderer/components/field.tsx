import { useId, type ReactNode } from 'react';
import { CircleAlert } from 'lucide-react';

export interface FieldIds {
  controlId: string;
  describedBy: string | undefined;
}

export interface FieldFrameProps {
  label: string;
  hint?: string;
  error?: string;
  id?: string;
  /** Ids of other elements that describe the control (e.g. a strength hint). */
  describedBy?: string;
  className?: string;
  children(ids: FieldIds): ReactNode;
}

/**
 * Label, hint and error around one control, with the hint and error wired to it through
 * aria-describedby so a screen reader reads them with the field.
 */
export function FieldFrame({ label, hint, error, id, describedBy, className, children }: FieldFrameProps) {
  const generated = useId();
  const controlId = id ?? `field${generated}`;
  const hintId = `${controlId}-hint`;
  const errorId = `${controlId}-error`;
  const ids = [hint ? hintId : null, error ? errorId : null, describedBy ?? null].filter(Boolean).join(' ');
  return (
    <div className={['field', error ? 'field-invalid' : null, className].filter(Boolean).join(' ')}>
      <label className="field-label" htmlFor={controlId}>
        {label}
      </label>
      <FieldHint id={hintId} text={hint} />
      {children({ controlId, describedBy: ids || undefined })}
      <FieldError id={errorId} text={error} />
    </div>
  );
}

/** A hint under a label; nothing without text. The control names `id` in its aria-describedby. */
export function FieldHint({ id, text, className }: { id: string; text: string | undefined; className?: string }) {
  return text ? (
    <p className={className ? `field-hint ${className}` : 'field-hint'} id={id}>
      {text}
    </p>
  ) : null;
}

/** An error under a control; nothing without text. The control names `id` in its aria-describedby. */
export function FieldError({ id, text }: { id: string; text: string | undefined }) {
  return text ? (
    <p className="field-error" id={id}>
      <CircleAlert className="icon" aria-hidden="true" />
      <span>{text}</span>
    </p>
  ) : null;
}
