import type { ReactNode } from 'react';

/** The classes of the two kinds of titled block on the document screen. */
const LOOKS = {
  section: { section: 'doc-section', title: 'doc-section-title', intro: 'doc-section-intro' },
  panel: { section: 'panel', title: 'panel-title', intro: 'panel-description' },
} as const;

interface TitledSectionProps {
  /** The heading's id; the section is labelled by it. */
  id: string;
  title: string;
  intro?: string;
  className?: string;
  testId?: string;
  children: ReactNode;
}

function TitledSection({
  look,
  id,
  title,
  intro,
  className,
  testId,
  children,
}: TitledSectionProps & { look: keyof typeof LOOKS }) {
  const classes = LOOKS[look];
  return (
    <section
      className={className ? `${classes.section} ${className}` : classes.section}
      aria-labelledby={id}
      data-testid={testId}
    >
      <h2 className={classes.title} id={id}>
        {title}
      </h2>
      {intro ? <p className={classes.intro}>{intro}</p> : null}
      {children}
    </section>
  );
}

/** A titled part of an editor form (h2), labelled by its heading. */
export function EditorSection(props: TitledSectionProps) {
  return <TitledSection look="section" {...props} />;
}

/** A titled panel of the document screen (history, distribution, grading, findings), labelled by its heading. */
export function Panel(props: TitledSectionProps) {
  return <TitledSection look="panel" {...props} />;
}
