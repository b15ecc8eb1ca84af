import type { ReactNode } from 'react';

/** A titled part of an editor form (h2), labelled by its heading. */
export function EditorSection({
  id,
  title,
  intro,
  children,
}: {
  id: string;
  title: string;
  intro?: string;
  children: ReactNode;
}) {
  return (
    <section className="doc-section" aria-labelledby={id}>
      <h2 className="doc-section-title" id={id}>
        {title}
      </h2>
      {intro ? <p className="doc-section-intro">{intro}</p> : null}
      {children}
    </section>
  );
}
