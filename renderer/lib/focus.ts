import { flushSync } from 'react-dom';

/**
 * Applies a state change at once and moves focus to the first invalid control in the form, so a
 * screen reader reads that field's label and its error text (wired by aria-describedby).
 */
export function showErrorsAndFocus(form: HTMLFormElement | null, apply: () => void): void {
  flushSync(apply);
  form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}
