import { useId, type ReactNode } from 'react';
import { ChevronDown } from 'lucide-react';
import { FieldFrame } from '../../components/field';
import { useFieldFindings } from './editor-context';
import { fieldId } from './findings-view';
import { InlineFindings, inlineFindingsId } from './finding-item';
import { dateFromInput, dateTimeLocalFromIso, isoFromDateTimeLocal } from './form-values';

/**
 * Form controls of the editors. Each is labelled, carries the id its field path gives it (so a finding
 * can link to it), and reads out the findings about that field through aria-describedby.
 */

export interface BaseProps {
  /** Dotted content path, e.g. "positions.securityMeasures.assessment"; also the control's id. */
  path: string;
  label: string;
  hint?: string;
  className?: string;
}

export function useWiring(path: string) {
  const { findings, invalid } = useFieldFindings(path);
  return { id: fieldId(path), describedBy: findings.length > 0 ? inlineFindingsId(path) : undefined, invalid };
}

export function TextInput({
  path,
  label,
  hint,
  className,
  value,
  onChange,
  maxLength = 300,
}: BaseProps & { value: string; onChange(value: string): void; maxLength?: number }) {
  const wiring = useWiring(path);
  return (
    <FieldFrame label={label} hint={hint} id={wiring.id} describedBy={wiring.describedBy} className={className}>
      {(ids) => (
        <>
          <div className="input-frame">
            <input
              id={ids.controlId}
              className="input"
              value={value}
              maxLength={maxLength}
              autoComplete="off"
              aria-invalid={wiring.invalid || undefined}
              aria-describedby={ids.describedBy}
              onChange={(event) => onChange(event.target.value)}
            />
          </div>
          <InlineFindings path={path} />
        </>
      )}
    </FieldFrame>
  );
}

export function TextArea({
  path,
  label,
  hint,
  className,
  value,
  onChange,
  rows = 4,
}: BaseProps & { value: string; onChange(value: string): void; rows?: number }) {
  const wiring = useWiring(path);
  return (
    <FieldFrame label={label} hint={hint} id={wiring.id} describedBy={wiring.describedBy} className={className}>
      {(ids) => (
        <>
          <div className="input-frame">
            <textarea
              id={ids.controlId}
              className="input doc-textarea"
              value={value}
              rows={rows}
              maxLength={50_000}
              aria-invalid={wiring.invalid || undefined}
              aria-describedby={ids.describedBy}
              onChange={(event) => onChange(event.target.value)}
            />
          </div>
          <InlineFindings path={path} />
        </>
      )}
    </FieldFrame>
  );
}

export function DateInput({
  path,
  label,
  hint,
  className,
  value,
  onChange,
}: BaseProps & { value: string | undefined; onChange(value: string | undefined): void }) {
  const wiring = useWiring(path);
  return (
    <FieldFrame
      label={label}
      hint={hint}
      id={wiring.id}
      describedBy={wiring.describedBy}
      className={['field-date', className].filter(Boolean).join(' ')}
    >
      {(ids) => (
        <>
          <div className="input-frame">
            <input
              id={ids.controlId}
              type="date"
              className="input"
              value={value ?? ''}
              aria-invalid={wiring.invalid || undefined}
              aria-describedby={ids.describedBy}
              onChange={(event) => onChange(dateFromInput(event.target.value))}
            />
          </div>
          <InlineFindings path={path} />
        </>
      )}
    </FieldFrame>
  );
}

export function DateTimeInput({
  path,
  label,
  hint,
  className,
  value,
  onChange,
}: BaseProps & { value: string | undefined; onChange(value: string | undefined): void }) {
  const wiring = useWiring(path);
  return (
    <FieldFrame
      label={label}
      hint={hint}
      id={wiring.id}
      describedBy={wiring.describedBy}
      className={['field-datetime', className].filter(Boolean).join(' ')}
    >
      {(ids) => (
        <>
          <div className="input-frame">
            <input
              id={ids.controlId}
              type="datetime-local"
              className="input"
              value={dateTimeLocalFromIso(value)}
              aria-invalid={wiring.invalid || undefined}
              aria-describedby={ids.describedBy}
              onChange={(event) => onChange(isoFromDateTimeLocal(event.target.value))}
            />
          </div>
          <InlineFindings path={path} />
        </>
      )}
    </FieldFrame>
  );
}

export interface Choice<V extends string> {
  value: V;
  label: string;
}

/** A native select. With `emptyLabel`, the first option means "not chosen" (undefined). */
export function ChoiceSelect<V extends string>({
  path,
  label,
  hint,
  className,
  value,
  options,
  onChange,
  emptyLabel,
}: BaseProps & {
  value: V | undefined;
  options: readonly Choice<V>[];
  onChange(value: V | undefined): void;
  emptyLabel?: string;
}) {
  const wiring = useWiring(path);
  return (
    <FieldFrame label={label} hint={hint} id={wiring.id} describedBy={wiring.describedBy} className={className}>
      {(ids) => (
        <>
          <div className="input-frame select-frame">
            <select
              id={ids.controlId}
              className="input select"
              value={value ?? ''}
              aria-invalid={wiring.invalid || undefined}
              aria-describedby={ids.describedBy}
              onChange={(event) => onChange(options.find((option) => option.value === event.target.value)?.value)}
            >
              {emptyLabel !== undefined || value === undefined ? <option value="">{emptyLabel ?? ''}</option> : null}
              {options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
            <ChevronDown className="icon select-chevron" aria-hidden="true" />
          </div>
          <InlineFindings path={path} />
        </>
      )}
    </FieldFrame>
  );
}

/** A group of fields under a legend (a fieldset), linkable as one field path, e.g. "completionAssessment". */
export function FieldGroup({
  path,
  legend,
  hint,
  className,
  children,
}: {
  path?: string;
  legend: string;
  hint?: string;
  className?: string;
  children: ReactNode;
}) {
  const hintId = `group${useId()}-hint`;
  const { findings } = useFieldFindings(path);
  const describedBy =
    [hint ? hintId : null, path && findings.length > 0 ? inlineFindingsId(path) : null].filter(Boolean).join(' ') ||
    undefined;
  return (
    <fieldset
      className={['doc-group', className].filter(Boolean).join(' ')}
      id={path ? fieldId(path) : undefined}
      aria-describedby={describedBy}
    >
      <legend className="doc-group-legend">{legend}</legend>
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {path ? <InlineFindings path={path} /> : null}
      {children}
    </fieldset>
  );
}
