import { useId, useState, type ReactNode } from 'react';
import { ChevronDown } from 'lucide-react';
import { FieldShell, joinTokens, LegendFieldset, type BaseProps } from './field-shell';
import { useEditorReadOnly } from './editor-context';
import { InlineFindings } from './finding-item';
import { ReadOnlyField } from './read-only-field';
import { DateControl } from '../../components/date-field';
import { DateTimeControl } from '../../components/date-time-field';
import { dateFromInput } from './form-values';

/**
 * Form controls of the editors. Each is labelled, carries the id its field path gives it (so a finding
 * can link to it), and reads out the findings about that field through aria-describedby.
 */

export type { BaseProps } from './field-shell';

export function TextInput({
  value,
  onChange,
  maxLength = 300,
  ...field
}: BaseProps & { value: string; onChange(value: string): void; maxLength?: number }) {
  if (useEditorReadOnly()) return <ReadOnlyField {...field} value={value} />;
  return (
    <FieldShell {...field}>
      {(control) => (
        <input
          {...control}
          className="input"
          value={value}
          maxLength={maxLength}
          autoComplete="off"
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </FieldShell>
  );
}

export function TextArea({
  value,
  onChange,
  rows = 4,
  ...field
}: BaseProps & { value: string; onChange(value: string): void; rows?: number }) {
  if (useEditorReadOnly()) return <ReadOnlyField {...field} value={value} format="multiline" />;
  return (
    <FieldShell {...field}>
      {(control) => (
        <textarea
          {...control}
          className="input doc-textarea"
          value={value}
          rows={rows}
          maxLength={50_000}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </FieldShell>
  );
}

type OptionalDateProps = BaseProps & { value: string | undefined; onChange(value: string | undefined): void };

export function DateInput(props: OptionalDateProps) {
  if (useEditorReadOnly()) return <ReadOnlyField {...props} format="date" />;
  return <EditableDate {...props} />;
}

/** Bro's date control (the UI language's form and a calendar), not Chromium's, which follows the browser's locale. */
function EditableDate({ value, onChange, ...field }: OptionalDateProps) {
  const [problem, setProblem] = useState<string | undefined>(undefined);
  return (
    <FieldShell
      {...field}
      className={joinTokens('field-date', field.className)}
      error={problem}
      frameClassName="input-frame input-frame-trailing"
    >
      {(control) => (
        <DateControl
          {...control}
          label={field.label}
          value={value ?? ''}
          onValueChange={(next) => onChange(dateFromInput(next))}
          onProblem={setProblem}
        />
      )}
    </FieldShell>
  );
}

export function DateTimeInput(props: OptionalDateProps) {
  if (useEditorReadOnly()) return <ReadOnlyField {...props} format="datetime" />;
  return <EditableDateTime {...props} />;
}

function EditableDateTime({ value, onChange, ...field }: OptionalDateProps) {
  const [problem, setProblem] = useState<string | undefined>(undefined);
  return (
    <FieldShell {...field} className={joinTokens('field-datetime', field.className)} error={problem}>
      {(control) => (
        <DateTimeControl {...control} label={field.label} value={value} onChange={onChange} onProblem={setProblem} />
      )}
    </FieldShell>
  );
}

export interface Choice<V extends string> {
  value: V;
  label: string;
}

/** A native select. With `emptyLabel`, the first option means "not chosen" (undefined). */
export function ChoiceSelect<V extends string>({
  value,
  options,
  onChange,
  emptyLabel,
  ...field
}: BaseProps & {
  value: V | undefined;
  options: readonly Choice<V>[];
  onChange(value: V | undefined): void;
  emptyLabel?: string;
}) {
  if (useEditorReadOnly())
    return <ReadOnlyField {...field} value={options.find((option) => option.value === value)?.label} />;
  return (
    <FieldShell {...field} frameClassName="input-frame select-frame">
      {(control) => (
        <>
          <select
            {...control}
            className="input select"
            value={value ?? ''}
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
        </>
      )}
    </FieldShell>
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
  return (
    <LegendFieldset
      idBase={`group${useId()}`}
      path={path}
      legend={legend}
      legendClassName="doc-group-legend"
      hint={hint}
      className={joinTokens('doc-group', className)}
    >
      {path ? <InlineFindings path={path} /> : null}
      {children}
    </LegendFieldset>
  );
}
