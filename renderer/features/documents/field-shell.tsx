import type { ReactNode } from 'react';
import { FieldFrame, FieldHint } from '../../components/field';
import { useFieldFindings } from './editor-context';
import { fieldId } from './findings-view';
import { InlineFindings, inlineFindingsId } from './finding-item';

/**
 * The wiring every editor field shares: the id its field path gives it (so a finding can link to it),
 * and the findings about it read out through aria-describedby and marked with aria-invalid.
 */

export interface BaseProps {
  /** Dotted content path, e.g. "positions.securityMeasures.assessment"; also the control's id. */
  path: string;
  label: string;
  hint?: string;
  className?: string;
}

export interface FieldWiring {
  id: string;
  /** The field's inline findings list, when there are findings about it. */
  describedBy: string | undefined;
  invalid: boolean;
}

export function useWiring(path: string): FieldWiring;
export function useWiring(path: string | undefined): Partial<FieldWiring> & { invalid: boolean };
export function useWiring(path: string | undefined): Partial<FieldWiring> & { invalid: boolean } {
  const { findings, invalid } = useFieldFindings(path);
  if (!path) return { invalid };
  return { id: fieldId(path), describedBy: findings.length > 0 ? inlineFindingsId(path) : undefined, invalid };
}

/** Space-separated tokens (ids or class names), skipping the absent ones; undefined when none is left. */
export function joinTokens(...tokens: (string | false | null | undefined)[]): string | undefined {
  return tokens.filter(Boolean).join(' ') || undefined;
}

/** The attributes that tie one control to its label, hint, error and findings. */
export interface ControlWiring {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/**
 * A labelled control in its input frame, with the findings about it underneath. `invalid` marks the
 * control invalid on the field's own grounds (e.g. an unreadable number), besides blocking findings.
 */
export function FieldShell({
  path,
  label,
  hint,
  className,
  error,
  invalid,
  frameClassName = 'input-frame',
  children,
}: BaseProps & {
  error?: string;
  invalid?: boolean;
  frameClassName?: string;
  children(control: ControlWiring): ReactNode;
}) {
  const wiring = useWiring(path);
  return (
    <FieldFrame
      label={label}
      hint={hint}
      id={wiring.id}
      describedBy={wiring.describedBy}
      className={className}
      error={error}
    >
      {(ids) => (
        <>
          <div className={frameClassName}>
            {children({
              id: ids.controlId,
              'aria-invalid': invalid || wiring.invalid || undefined,
              'aria-describedby': ids.describedBy,
            })}
          </div>
          <InlineFindings path={path} />
        </>
      )}
    </FieldFrame>
  );
}

/**
 * A fieldset under a legend, with its hint (id `${idBase}-hint`) read out with it. With `path`, the
 * group is linkable as that field (its id) and its findings are read out with it too.
 */
export function LegendFieldset({
  idBase,
  path,
  legend,
  legendClassName,
  hint,
  className,
  children,
}: {
  /** Unique base of the hint's id, e.g. `yesno${useId()}`. */
  idBase: string;
  path?: string;
  legend: string;
  legendClassName: string;
  hint?: string;
  className?: string;
  children: ReactNode;
}) {
  const wiring = useWiring(path);
  const hintId = `${idBase}-hint`;
  return (
    <fieldset className={className} id={wiring.id} aria-describedby={joinTokens(hint && hintId, wiring.describedBy)}>
      <legend className={legendClassName}>{legend}</legend>
      <FieldHint id={hintId} text={hint} />
      {children}
    </fieldset>
  );
}
