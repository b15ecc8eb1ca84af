import type { ReactNode } from 'react';

export interface OverviewSectionProps {
  /** The heading's id; the heading names the section and any table in it. */
  titleId: string;
  title: string;
  testId: string;
  /** Marks the section busy while its content loads. */
  busy?: boolean;
  children: ReactNode;
}

/** One titled block of a case's overview or history. */
export function OverviewSection({ titleId, title, testId, busy, children }: OverviewSectionProps) {
  return (
    <section className="overview-section" aria-labelledby={titleId} data-testid={testId} aria-busy={busy || undefined}>
      <h2 className="section-title" id={titleId}>
        {title}
      </h2>
      {children}
    </section>
  );
}
