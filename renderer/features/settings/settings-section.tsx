import { useId, type ReactNode } from 'react';

/** One titled block of the settings screen (h2 + optional intro), labelled by its heading. */
export function SettingsSection({
  title,
  description,
  testId,
  children,
}: {
  title: string;
  description?: string;
  testId?: string;
  children: ReactNode;
}) {
  const headingId = `section${useId()}`;
  return (
    <section className="panel" aria-labelledby={headingId} data-testid={testId}>
      <h2 className="panel-title" id={headingId}>
        {title}
      </h2>
      {description ? <p className="panel-description">{description}</p> : null}
      {children}
    </section>
  );
}
