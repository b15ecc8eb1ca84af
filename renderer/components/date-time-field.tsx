import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../app/i18n';
import { isIsoDate, localIsoDate } from '../../shared/i18n/dates';
import type { Locale } from '../../shared/domain/profile';
import { DateControl } from './date-field';

const pad = (n: number) => String(n).padStart(2, '0');

/** "14:30", "14.30" or "1430" as minutes past midnight, or null. */
export function parseTime(text: string): string | null {
  const match = /^(\d{1,2})[:.]?(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  return hours < 24 && minutes < 60 ? `${pad(hours)}:${pad(minutes)}` : null;
}

/** A time the locale's way: 14:30 (nb, en), 14.30 (da). */
export function timeText(locale: Locale, time: string): string {
  return locale === 'da' ? time.replace(':', '.') : time;
}

/** A local date and "HH:MM" as ISO 8601 with the offset in force then ("2026-12-10T14:30:00+01:00"). */
export function combineDateTime(date: string, time: string): string | undefined {
  if (!isIsoDate(date) || parseTime(time) === null) return undefined;
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  const local = new Date(year, month - 1, day, hours, minutes);
  const offset = -local.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return `${date}T${time}:00${sign}${pad(Math.trunc(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}

/** An ISO moment split into its local date and "HH:MM", or empty parts. */
export function splitDateTime(iso: string | undefined): { date: string; time: string } {
  const moment = iso ? new Date(iso) : null;
  if (!moment || Number.isNaN(moment.getTime())) return { date: '', time: '' };
  return { date: localIsoDate(moment), time: `${pad(moment.getHours())}:${pad(moment.getMinutes())}` };
}

const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/;

export interface DateTimeControlProps {
  id: string;
  label: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
  required?: boolean;
  value: string | undefined;
  onChange(value: string | undefined): void;
  /** Told whenever the typed date or time stops (or starts) reading as one. */
  onProblem?(problem: string | undefined): void;
}

/**
 * A moment as a date and a time side by side, both in the UI language's form (Chromium's
 * datetime-local shows 12/10/2026, 02:30 PM in an English build), for a frame of the caller's. It
 * reports ISO 8601 with the local offset, or undefined until both parts read. A pasted or filled
 * "2026-12-10T14:30" sets both.
 */
export function DateTimeControl({ id, label, required, value, onChange, onProblem, ...aria }: DateTimeControlProps) {
  const { t, locale } = useI18n();
  const [parts, setParts] = useState(() => splitDateTime(value));
  const [timeTyped, setTimeTyped] = useState(() => timeText(locale, parts.time));
  const [timeTouched, setTimeTouched] = useState(false);
  const [dateProblem, setDateProblem] = useState<string | undefined>(undefined);
  const reported = useRef(value);
  const timeId = `${id}-time`;

  useEffect(() => {
    if (value === reported.current) return;
    reported.current = value;
    const next = splitDateTime(value);
    setParts(next);
    setTimeTyped(timeText(locale, next.time));
  }, [value, locale]);

  const timeBad = timeTouched && timeTyped.trim() !== '' && parseTime(timeTyped) === null;
  const problem = dateProblem ?? (timeBad ? t('dates.time.invalid') : undefined);
  useEffect(() => onProblem?.(problem), [problem, onProblem]);

  function report(date: string, time: string) {
    setParts({ date, time });
    const next = combineDateTime(date, time);
    reported.current = next;
    onChange(next);
  }

  return (
    <div className="date-time-control">
      <DateControl
        id={id}
        label={label}
        required={required}
        aria-invalid={aria['aria-invalid']}
        aria-describedby={aria['aria-describedby']}
        value={parts.date}
        withTime
        onProblem={setDateProblem}
        onValueChange={(date) => {
          const filled = LOCAL_DATE_TIME.exec(date);
          if (!filled) return report(date, parts.time);
          setTimeTyped(timeText(locale, filled[2]!));
          report(filled[1]!, filled[2]!);
        }}
      />
      <label className="visually-hidden" htmlFor={timeId}>
        {t('dates.time.label', { field: label })}
      </label>
      <input
        id={timeId}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        className="input date-time-time"
        placeholder={t('dates.time.placeholder')}
        required={required}
        aria-invalid={timeBad || aria['aria-invalid'] ? true : undefined}
        aria-describedby={aria['aria-describedby']}
        value={timeTyped}
        onChange={(event) => {
          setTimeTyped(event.target.value);
          report(parts.date, parseTime(event.target.value) ?? '');
        }}
        onBlur={() => {
          setTimeTouched(true);
          const time = parseTime(timeTyped);
          if (time) setTimeTyped(timeText(locale, time));
        }}
      />
    </div>
  );
}
