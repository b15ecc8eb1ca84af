import { useState } from 'react';
import { Eye, EyeOff } from 'lucide-react';
import { useT } from '../app/i18n';
import { TextField, type TextFieldProps } from './text-field';

export type PasswordFieldProps = Omit<TextFieldProps, 'type' | 'trailing'>;

/** A passphrase input with a show/hide toggle; never spell-checked or auto-filled by the browser. */
export function PasswordField({ autoComplete = 'off', ...props }: PasswordFieldProps) {
  const t = useT();
  const [visible, setVisible] = useState(false);
  const toggleLabel = visible ? t('common.passphrase.hide') : t('common.passphrase.show');
  return (
    <TextField
      {...props}
      type={visible ? 'text' : 'password'}
      autoComplete={autoComplete}
      spellCheck={false}
      autoCapitalize="off"
      autoCorrect="off"
      trailing={
        <button
          type="button"
          className="input-toggle"
          aria-label={toggleLabel}
          aria-pressed={visible}
          title={toggleLabel}
          onClick={() => setVisible((shown) => !shown)}
        >
          {visible ? <EyeOff className="icon" aria-hidden="true" /> : <Eye className="icon" aria-hidden="true" />}
        </button>
      }
    />
  );
}
