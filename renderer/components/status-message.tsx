import type { ReactNode } from 'react';
import { CircleAlert, CircleCheck, Info, TriangleAlert, type LucideIcon } from 'lucide-react';

export type StatusTone = 'info' | 'success' | 'warning' | 'error';

const ICONS: Record<StatusTone, LucideIcon> = {
  info: Info,
  success: CircleCheck,
  warning: TriangleAlert,
  error: CircleAlert,
};

export interface StatusMessageProps {
  tone: StatusTone;
  title?: string;
  children?: ReactNode;
  className?: string;
  testId?: string;
}

/**
 * A message block. Errors use role="alert" (announced at once); everything else role="status"
 * (announced politely).
 */
export function StatusMessage({ tone, title, children, className, testId }: StatusMessageProps) {
  const Icon = ICONS[tone];
  return (
    <div
      role={tone === 'error' ? 'alert' : 'status'}
      className={['status', `status-${tone}`, className].filter(Boolean).join(' ')}
      data-testid={testId}
    >
      <Icon className="icon status-icon" aria-hidden="true" />
      <div className="status-text">
        {title ? <p className="status-title">{title}</p> : null}
        {children ? <div className="status-body">{children}</div> : null}
      </div>
    </div>
  );
}
