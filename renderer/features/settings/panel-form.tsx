import type { ReactNode } from 'react';
import type { LucideIcon } from 'lucide-react';
import { Button, type ButtonVariant } from '../../components/button';
import { StatusMessage } from '../../components/status-message';
import type { FormRequest } from './use-form-request';

/**
 * A form inside a settings section, named by its own h3 title: an optional hint, the fields, the
 * form-level error and one submit button. The title's and the button's ids derive from testId.
 */
export function PanelForm({
  request,
  testId,
  className,
  title,
  hint,
  submit,
  onSubmit,
  children,
}: {
  request: FormRequest;
  testId: string;
  className: string;
  title: string;
  hint?: string;
  submit: { label: string; icon: LucideIcon; variant?: ButtonVariant };
  onSubmit(): Promise<void>;
  children: ReactNode;
}) {
  const titleId = `${testId}-title`;
  return (
    <form
      ref={request.form}
      className={className}
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit();
      }}
      noValidate
      aria-labelledby={titleId}
      data-testid={testId}
    >
      <h3 id={titleId} className="export-subtitle">
        {title}
      </h3>
      {hint ? <p className="panel-description">{hint}</p> : null}
      {children}
      {request.error ? <StatusMessage tone="error" title={request.error} /> : null}
      <div className="form-actions">
        <Button
          type="submit"
          variant={submit.variant}
          icon={submit.icon}
          busy={request.busy}
          data-testid={`${testId}-submit`}
        >
          {submit.label}
        </Button>
      </div>
    </form>
  );
}
