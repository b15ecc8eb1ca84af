import { useEffect, useId, useRef, useState, type FocusEvent, type InputHTMLAttributes, type Ref } from 'react';
import { CalendarDays } from 'lucide-react';
import { useI18n } from '../app/i18n';
import { formatDate, isIsoDate, localIsoDate, parseDate } from '../../shared/i18n/dates';
import { CalendarPopup } from './calendar-popup';
import { FieldFrame } from './field';
import './date-field.css';

export interface DateFieldProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'children' | 'value' | 'onChange' | 'type'
> {
  label: string;
  hint?: string;
  error?: string;
  id?: string;
  describedBy?: string;
  /** `YYYY-MM-DD`, '' for none; text that is not a date comes back as typed, so a form refuses it. */
  value: string;
  onValueChange(value: string): void;
  ref?: Ref<HTMLInputElement>;
}

/** The text a date field shows for its value: the UI language's form for a date, anything else as is. */
export function dateFieldText(locale: Parameters<typeof formatDate>[0], value: string): string {
  return isIsoDate(value) ? formatDate(locale, value) : value;
}

/** What a date field reports for what was typed: the ISO date, '' for nothing, else the text itself. */
export function dateFieldValue(text: string): string {
  if (text.trim() === '') return '';
  return parseDate(text) ?? text;
}

/** The typed text of a date field, kept in step with its value and the UI language. */
const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}$/;

function useDateText(value: string, onValueChange: (value: string) => void, withTime: boolean) {
  const { t, locale } = useI18n();
  const [text, setText] = useState(() => dateFieldText(locale, value));
  const [touched, setTouched] = useState(false);
  const reported = useRef(value);
  const shownLocale = useRef(locale);

  // A value set from outside (a reset, a loaded record) or a language switch rewrites the text;
  // the value this field reported itself leaves the text as the person is typing it.
  useEffect(() => {
    // A form that keeps only dates answers text that is not one with '': that is no reset.
    const cleared = value === '' && parseDate(reported.current) === null;
    if ((value !== reported.current && !cleared) || locale !== shownLocale.current)
      setText(dateFieldText(locale, value));
    reported.current = value;
    shownLocale.current = locale;
  }, [value, locale]);

  function type(next: string) {
    // A date-time ("2026-12-10T14:30", pasted or filled) beside a time field: the date part shows
    // here, the whole goes to the owner, which fills the time.
    const withTimePart = withTime ? LOCAL_DATE_TIME.exec(next.trim()) : null;
    setText(withTimePart ? formatDate(locale, withTimePart[1]!) : next);
    const parsed = withTimePart ? next.trim() : dateFieldValue(next);
    reported.current = parsed;
    onValueChange(parsed);
  }
  const unreadable = touched && text.trim() !== '' && parseDate(text) === null;
  return {
    text,
    type,
    pick(iso: string) {
      type(formatDate(locale, iso));
      setTouched(true);
    },
    blur() {
      setTouched(true);
      const parsed = parseDate(text);
      if (parsed) setText(formatDate(locale, parsed));
    },
    /** The field's own message when what was typed is not a date, after the person left it. */
    problem: unreadable ? t('dates.field.invalid', { example: '2026-12-10' }) : undefined,
  };
}

export interface DateControlProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'children' | 'value' | 'onChange' | 'type'
> {
  id: string;
  /** The field's label, named by the calendar button. */
  label: string;
  value: string;
  onValueChange(value: string): void;
  /** Told whenever the typed text's own message changes (undefined when it reads as a date or is empty). */
  onProblem?(problem: string | undefined): void;
  /** Beside a time field: a typed or pasted date-time is reported whole. */
  withTime?: boolean;
  ref?: Ref<HTMLInputElement>;
}

/**
 * The text input, the calendar button and the calendar, for a frame of the caller's (a FieldFrame or
 * an editor's FieldShell). It reports `YYYY-MM-DD`, '' for none, or the typed text when not a date.
 */
export function DateControl({
  id,
  label,
  value,
  onValueChange,
  onProblem,
  withTime = false,
  ref,
  onBlur,
  ...input
}: DateControlProps) {
  const t = useI18n().t;
  const date = useDateText(value, onValueChange, withTime);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const popupId = `calendar${useId()}`;
  const today = localIsoDate(new Date());
  const selected = parseDate(date.text);

  useEffect(() => onProblem?.(date.problem), [date.problem, onProblem]);

  function closeOnFocusOut(event: FocusEvent<HTMLDivElement>) {
    // Focus leaving the field and its calendar (a click elsewhere) closes the calendar.
    const to = event.relatedTarget;
    if (!(to instanceof Node && event.currentTarget.contains(to))) setOpen(false);
  }

  return (
    <div className="date-control" onBlur={closeOnFocusOut}>
      <input
        ref={ref}
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        className="input"
        placeholder={t('dates.field.placeholder')}
        {...input}
        aria-invalid={input['aria-invalid'] ?? (date.problem ? true : undefined)}
        value={date.text}
        onChange={(event) => date.type(event.target.value)}
        onBlur={(event) => {
          date.blur();
          onBlur?.(event);
        }}
      />
      <button
        ref={button}
        type="button"
        className="input-toggle"
        aria-label={t('dates.calendar.open', { field: label })}
        title={t('dates.calendar.open', { field: label })}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? popupId : undefined}
        disabled={input.disabled || input.readOnly}
        onClick={() => setOpen((shown) => !shown)}
      >
        <CalendarDays className="icon" aria-hidden="true" />
      </button>
      {open ? (
        <CalendarPopup
          id={popupId}
          initial={selected ?? today}
          selected={selected}
          today={today}
          onPick={(iso) => {
            date.pick(iso);
            setOpen(false);
            button.current?.focus();
          }}
          onClose={() => {
            setOpen(false);
            button.current?.focus();
          }}
        />
      ) : null}
    </div>
  );
}

/**
 * A date in the UI language's one form (10.12.2026, 10/12/2026), typed or picked from a calendar:
 * Chromium's own date input follows the browser's locale (US month-first in an English build), not
 * the language the user chose. It reports `YYYY-MM-DD`.
 */
export function DateField({ label, hint, error, id, describedBy, className, ...control }: DateFieldProps) {
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const shown = error ?? problem;
  return (
    <FieldFrame
      label={label}
      hint={hint}
      error={shown}
      id={id}
      describedBy={describedBy}
      className={['field-date', className].filter(Boolean).join(' ')}
    >
      {(ids) => (
        <div className="input-frame input-frame-trailing">
          <DateControl
            {...control}
            id={ids.controlId}
            label={label}
            aria-invalid={shown ? true : undefined}
            aria-describedby={ids.describedBy}
            onProblem={setProblem}
          />
        </div>
      )}
    </FieldFrame>
  );
}
