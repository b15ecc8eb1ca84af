import type { Ref, SelectHTMLAttributes } from 'react';
import { ChevronDown } from 'lucide-react';
import { FieldFrame } from './field';

export interface SelectOption<V extends string> {
  value: V;
  label: string;
}

export interface SelectProps<V extends string> extends Omit<
  SelectHTMLAttributes<HTMLSelectElement>,
  'id' | 'value' | 'onChange' | 'children'
> {
  label: string;
  hint?: string;
  error?: string;
  id?: string;
  value: V;
  options: readonly SelectOption<V>[];
  onValueChange(value: V): void;
  ref?: Ref<HTMLSelectElement>;
}

export function Select<V extends string>({
  label,
  hint,
  error,
  id,
  value,
  options,
  onValueChange,
  className,
  ref,
  ...select
}: SelectProps<V>) {
  return (
    <FieldFrame label={label} hint={hint} error={error} id={id} className={className}>
      {(ids) => (
        <div className="input-frame select-frame">
          <select
            ref={ref}
            id={ids.controlId}
            className="input select"
            value={value}
            aria-invalid={error ? true : undefined}
            aria-describedby={ids.describedBy}
            onChange={(event) => {
              const chosen = options.find((option) => option.value === event.target.value);
              if (chosen) onValueChange(chosen.value);
            }}
            {...select}
          >
            {options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
          <ChevronDown className="icon select-chevron" aria-hidden="true" />
        </div>
      )}
    </FieldFrame>
  );
}
