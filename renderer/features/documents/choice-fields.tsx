import { useId, useState } from 'react';
import { useI18n, useT } from '../../app/i18n';
import { FieldHint } from '../../components/field';
import { useEditorReadOnly, useFieldFindings } from './editor-context';
import { FieldShell, joinTokens, LegendFieldset, useWiring, type BaseProps } from './field-shell';
import type { Choice } from './fields';
import { InlineFindings } from './finding-item';
import { formatNumber } from './format';
import { parseDecimal } from './form-values';
import { ReadOnlyField } from './read-only-field';
import { YES_NO_KEY } from '../../lib/document-labels';

/** Choice controls of the editors: yes/no facts, radios in a row, checkboxes and decimal numbers. */

type YesNoValue = 'yes' | 'no' | 'unknown';

/** Radios in a row, one per option, under one group name. */
function RadioOptions<V extends string>({
  name,
  options,
  value,
  invalid,
  onChange,
}: {
  name: string;
  options: readonly Choice<V>[];
  value: V | undefined;
  invalid: boolean;
  onChange(value: V): void;
}) {
  return (
    <div className="doc-yesno-options">
      {options.map((option) => (
        <label key={option.value} className="doc-yesno-option">
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={value === option.value}
            aria-invalid={invalid || undefined}
            onChange={() => onChange(option.value)}
          />
          <span>{option.label}</span>
        </label>
      ))}
    </div>
  );
}

/** A recorded yes/no fact: yes, no or "not recorded" (absent), as three radios in a row. */
export function YesNo({
  path,
  label,
  hint,
  className,
  value,
  onChange,
}: BaseProps & { value: boolean | undefined; onChange(value: boolean | undefined): void }) {
  const t = useT();
  const name = `yesno${useId()}`;
  const { invalid } = useFieldFindings(path);
  const options = (['yes', 'no', 'unknown'] as const).map((option) => ({
    value: option,
    label: t(YES_NO_KEY[option]),
  }));
  const current: YesNoValue = value === undefined ? 'unknown' : value ? 'yes' : 'no';
  if (useEditorReadOnly())
    return <ReadOnlyField path={path} label={label} className={className} value={t(YES_NO_KEY[current])} />;
  return (
    <LegendFieldset
      idBase={name}
      path={path}
      legend={label}
      legendClassName="field-label"
      hint={hint}
      className={joinTokens('doc-yesno', className)}
    >
      <RadioOptions
        name={name}
        options={options}
        value={current}
        invalid={invalid}
        onChange={(next) => onChange(next === 'unknown' ? undefined : next === 'yes')}
      />
      <InlineFindings path={path} />
    </LegendFieldset>
  );
}

export function CheckField({
  path,
  label,
  hint,
  className,
  checked,
  onChange,
}: BaseProps & { checked: boolean; onChange(checked: boolean): void }) {
  const t = useT();
  const wiring = useWiring(path);
  const hintId = `${wiring.id}-hint`;
  if (useEditorReadOnly())
    return (
      <ReadOnlyField path={path} label={label} className={className} value={t(YES_NO_KEY[checked ? 'yes' : 'no'])} />
    );
  return (
    <div className={joinTokens('doc-check', className)}>
      <div className="checkbox">
        <input
          id={wiring.id}
          type="checkbox"
          checked={checked}
          aria-invalid={wiring.invalid || undefined}
          aria-describedby={joinTokens(hint && hintId, wiring.describedBy)}
          onChange={(event) => onChange(event.target.checked)}
        />
        <label htmlFor={wiring.id}>{label}</label>
      </div>
      <FieldHint id={hintId} text={hint} className="doc-check-hint" />
      <InlineFindings path={path} />
    </div>
  );
}

/** A decimal number typed in the person's way ("7,5"); the content keeps the last valid value. */
export function DecimalInput({
  value,
  onChange,
  min = 0,
  max = 168,
  ...field
}: BaseProps & { value: number; onChange(value: number): void; min?: number; max?: number }) {
  const t = useT();
  const [text, setText] = useState<string | null>(null);
  const shown = text ?? String(value).replace('.', ',');
  const invalidText = text !== null && parseDecimal(text, min, max) === null;
  const { locale } = useI18n();
  if (useEditorReadOnly()) return <ReadOnlyField {...field} value={formatNumber(locale, value)} />;
  return (
    <FieldShell
      {...field}
      className={joinTokens('field-short', field.className)}
      error={invalidText ? t('editors.field.numberInvalid', { min, max }) : undefined}
      invalid={invalidText}
    >
      {(control) => (
        <input
          {...control}
          className="input"
          inputMode="decimal"
          autoComplete="off"
          value={shown}
          onChange={(event) => {
            setText(event.target.value);
            const parsed = parseDecimal(event.target.value, min, max);
            if (parsed !== null) onChange(parsed);
          }}
          onBlur={() => {
            if (!invalidText) setText(null);
          }}
        />
      )}
    </FieldShell>
  );
}

/** A short choice as radios in a row (e.g. the stance on one of the four concern points). */
export function RadioRow<V extends string>({
  label,
  hint,
  className,
  value,
  options,
  onChange,
  invalidPath,
}: {
  label: string;
  hint?: string;
  className?: string;
  value: V | undefined;
  options: readonly Choice<V>[];
  onChange(value: V): void;
  /** A field path whose blocking findings mark these radios invalid (the findings show elsewhere). */
  invalidPath?: string;
}) {
  const name = `radios${useId()}`;
  const { invalid } = useFieldFindings(invalidPath);
  if (useEditorReadOnly())
    return (
      <ReadOnlyField
        label={label}
        className={className}
        value={options.find((option) => option.value === value)?.label}
      />
    );
  return (
    <LegendFieldset
      idBase={name}
      legend={label}
      legendClassName="field-label"
      hint={hint}
      className={joinTokens('doc-yesno', className)}
    >
      <RadioOptions name={name} options={options} value={value} invalid={invalid} onChange={onChange} />
    </LegendFieldset>
  );
}
