import type { GradingLevel } from '../../../shared/domain/grading';
import { GRADING_TONE } from '../../components/grading-banner';

/**
 * A grading level as a small badge. The level is a fixed marking term, the same in every UI
 * language, so it is shown as it is; the colour repeats it and is never the only cue.
 */
export function GradingBadge({ level }: { level: GradingLevel }) {
  return (
    <span className={`grading-badge grading-${GRADING_TONE[level]}`} data-grading={level}>
      {level}
    </span>
  );
}
