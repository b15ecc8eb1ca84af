import { useId, useState } from 'react';
import { FieldFrame } from '../../components/field';
import { useT } from '../../app/i18n';
import { useFieldFindings } from './editor-context';
import { type BaseProps, type Choice, useWiring } from './fields';
import { fieldId } from './findings-view';
import { InlineFindings, inlineFindingsId } from './finding-item';
import { parseDecimal } from './form-values';
import { YES_NO_KEY } from './labels';

/** Choice controls of the editors: yes/no facts, radios in a row, checkboxes and decimal numbers. */

type YesNoValue = 'yes' | 'no' | 'unknown';

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
  const { findings, invalid } = useFieldFindings(path);
  const hintId = `${name}-hint`;
  const describedBy =
    [hint ? hintId : null, findings.length > 0 ? inlineFindingsId(path) : null].filter(Boolean).join(' ') || undefined;
  const current: YesNoValue = value === undefined ? 'unknown' : value ? 'yes' : 'no';
  const choose = (next: YesNoValue) => onChange(next === 'unknown' ? undefined : next === 'yes');
  return (
    <fieldset
      className={['doc-yesno', className].filter(Boolean).join(' ')}
      id={fieldId(path)}
      aria-describedby={describedBy}
    >
      <legend className="field-label">{label}</legend>
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <div className="doc-yesno-options">
        {(['yes', 'no', 'unknown'] as const).map((option) => (
          <label key={option} className="doc-yesno-option">
            <input
              type="radio"
              name={name}
              value={option}
              checked={current === option}
              aria-invalid={invalid || undefined}
              onChange={() => choose(option)}
            />
            <span>{t(YES_NO_KEY[option])}</span>
          </label>
        ))}
      </div>
      <InlineFindings path={path} />
    </fieldset>
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
  const wiring = useWiring(path);
  const hintId = `${wiring.id}-hint`;
  const describedBy = [hint ? hintId : null, wiring.describedBy ?? null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['doc-check', className].filter(Boolean).join(' ')}>
      <div className="checkbox">
        <input
          id={wiring.id}
          type="checkbox"
          checked={checked}
          aria-invalid={wiring.invalid || undefined}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.checked)}
        />
        <label htmlFor={wiring.id}>{label}</label>
      </div>
      {hint ? (
        <p className="field-hint doc-check-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <InlineFindings path={path} />
    </div>
  );
}

/** A decimal number typed in the person's way ("7,5"); the content keeps the last valid value. */
export function DecimalInput({
  path,
  label,
  hint,
  className,
  value,
  onChange,
  min = 0,
  max = 168,
}: BaseProps & { value: number; onChange(value: number): void; min?: number; max?: number }) {
  const t = useT();
  const wiring = useWiring(path);
  const [text, setText] = useState<string | null>(null);
  const shown = text ?? String(value).replace('.', ',');
  const invalidText = text !== null && parseDecimal(text, min, max) === null;
  return (
    <FieldFrame
      label={label}
      hint={hint}
      id={wiring.id}
      describedBy={wiring.describedBy}
      className={['field-short', className].filter(Boolean).join(' ')}
      error={invalidText ? t('editors.field.numberInvalid', { min, max }) : undefined}
    >
      {(ids) => (
        <>
          <div className="input-frame">
            <input
              id={ids.controlId}
              className="input"
              inputMode="decimal"
              autoComplete="off"
              value={shown}
              aria-invalid={invalidText || wiring.invalid || undefined}
              aria-describedby={ids.describedBy}
              onChange={(event) => {
                setText(event.target.value);
                const parsed = parseDecimal(event.target.value, min, max);
                if (parsed !== null) onChange(parsed);
              }}
              onBlur={() => {
                if (!invalidText) setText(null);
              }}
            />
          </div>
          <InlineFindings path={path} />
        </>
      )}
    </FieldFrame>
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
  const hintId = `${name}-hint`;
  return (
    <fieldset
      className={['doc-yesno', className].filter(Boolean).join(' ')}
      aria-describedby={hint ? hintId : undefined}
    >
      <legend className="field-label">{label}</legend>
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
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
    </fieldset>
  );
}
