import type { ButtonHTMLAttributes, Ref } from 'react';
import { LoaderCircle, type LucideIcon } from 'lucide-react';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'link' | 'danger';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  icon?: LucideIcon;
  /** Shows a spinner and blocks a second submit while a call is running. */
  busy?: boolean;
  ref?: Ref<HTMLButtonElement>;
}

export function Button({
  variant = 'secondary',
  icon: Icon,
  busy = false,
  type = 'button',
  className,
  children,
  disabled,
  ref,
  ...rest
}: ButtonProps) {
  const classes = ['button', `button-${variant}`, className].filter(Boolean).join(' ');
  return (
    <button
      ref={ref}
      type={type}
      className={classes}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      {...rest}
    >
      {busy ? (
        <LoaderCircle className="icon spin" aria-hidden="true" />
      ) : Icon ? (
        <Icon className="icon" aria-hidden="true" />
      ) : null}
      <span>{children}</span>
    </button>
  );
}
