import type { ReactNode } from 'react';
import type { LucideIcon } from 'lucide-react';

export interface EmptyStateProps {
  icon: LucideIcon;
  /** The heading's id; the heading names the section. */
  titleId: string;
  title: string;
  text: string;
  testId?: string;
  className?: string;
  /** What the user can do next, e.g. a button that creates the first record. */
  children?: ReactNode;
}

/** Stands in for a list that has nothing to show yet: an icon, a heading and a line saying why. */
export function EmptyState({ icon: Icon, titleId, title, text, testId, className, children }: EmptyStateProps) {
  return (
    <section
      className={['empty-state', className].filter(Boolean).join(' ')}
      aria-labelledby={titleId}
      data-testid={testId}
    >
      <Icon className="empty-state-icon" aria-hidden="true" />
      <h2 id={titleId} className="empty-state-title">
        {title}
      </h2>
      <p className="empty-state-text">{text}</p>
      {children}
    </section>
  );
}
