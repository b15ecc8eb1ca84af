import { useId, type InputHTMLAttributes } from 'react';

export interface CheckboxProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'id' | 'onChange'> {
  label: string;
  checked: boolean;
  onCheckedChange(checked: boolean): void;
}

export function Checkbox({ label, checked, onCheckedChange, className, ...input }: CheckboxProps) {
  const id = `checkbox${useId()}`;
  return (
    <div className={['checkbox', className].filter(Boolean).join(' ')}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(event) => onCheckedChange(event.target.checked)}
        {...input}
      />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
