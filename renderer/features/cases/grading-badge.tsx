import type { GradingLevel } from '../../../shared/domain/grading';

/** Colour family per level, as in the grading banner (tokens.css): equivalent NO and DK levels share one. */
const TONE: Record<GradingLevel, string> = {
  UGRADERT: 'open',
  'IKKE KLASSIFICERET': 'open',
  FORTROLIG: 'protected',
  'TIL TJENESTEBRUG': 'protected',
  'STRENGT FORTROLIG': 'protected-high',
  BEGRENSET: 'restricted',
  KONFIDENSIELT: 'confidential',
  FORTROLIGT: 'confidential',
  HEMMELIG: 'secret',
  HEMMELIGT: 'secret',
  'STRENGT HEMMELIG': 'top-secret',
  'YDERST HEMMELIGT': 'top-secret',
};

/**
 * A grading level as a small badge. The level is a fixed marking term, the same in every UI
 * language, so it is shown as it is; the colour repeats it and is never the only cue.
 */
export function GradingBadge({ level }: { level: GradingLevel }) {
  return (
    <span className={`grading-badge grading-${TONE[level]}`} data-grading={level}>
      {level}
    </span>
  );
}
