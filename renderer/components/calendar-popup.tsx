import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { ChevronLeft, ChevronRight } from 'lucide-react';
import { useI18n } from '../app/i18n';
import { formatDate, intlTag } from '../../shared/i18n/dates';
import { addMonths } from '../../shared/domain/iso-date';
import { firstOfMonth, monthWeeks, moveFocus } from './calendar-grid';

export interface CalendarPopupProps {
  id: string;
  /** The day to show first: the field's date, else today. */
  initial: string;
  selected: string | null;
  today: string;
  onPick(iso: string): void;
  onClose(): void;
}

const DAY = (iso: string) => Number(iso.slice(8, 10));

/**
 * The date field's calendar (WAI-ARIA date picker dialog): a grid of days, arrow keys move by day
 * and week, Page Up/Down by month (with Shift by year), Home/End to the week's ends, Enter picks,
 * Escape closes. Month and weekday names come from Intl in the UI language, not the browser's.
 */
export function CalendarPopup({ id, initial, selected, today, onPick, onClose }: CalendarPopupProps) {
  const { t, locale } = useI18n();
  const [focused, setFocused] = useState(initial);
  const grid = useRef<HTMLTableElement>(null);
  const tag = intlTag(locale);
  const month = firstOfMonth(focused);
  const weeks = useMemo(() => monthWeeks(month), [month]);
  const heading = useMemo(
    () =>
      new Intl.DateTimeFormat(tag, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
        new Date(`${month}T00:00:00Z`),
      ),
    [tag, month],
  );
  const weekdays = useMemo(() => {
    const long = new Intl.DateTimeFormat(tag, { weekday: 'long', timeZone: 'UTC' });
    const short = new Intl.DateTimeFormat(tag, { weekday: 'short', timeZone: 'UTC' });
    return (weeks[0] ?? []).map((iso) => {
      const date = new Date(`${iso}T00:00:00Z`);
      return { long: long.format(date), short: short.format(date) };
    });
  }, [tag, weeks]);

  useEffect(() => {
    grid.current?.querySelector<HTMLButtonElement>(`button[data-day="${focused}"]`)?.focus();
  }, [focused]);

  function onKeyDown(event: KeyboardEvent<HTMLTableElement>) {
    const next = moveFocus(focused, event.key, event.shiftKey);
    if (next === null) return;
    event.preventDefault();
    setFocused(next);
  }

  return (
    <div
      id={id}
      className="calendar-popup"
      role="dialog"
      aria-modal="false"
      aria-label={t('dates.calendar.label')}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        event.stopPropagation();
        onClose();
      }}
    >
      <div className="calendar-header">
        <button
          type="button"
          className="calendar-nav"
          aria-label={t('dates.calendar.previousMonth')}
          onClick={() => setFocused(addMonths(focused, -1))}
        >
          <ChevronLeft className="icon" aria-hidden="true" />
        </button>
        <h2 className="calendar-heading" aria-live="polite">
          {heading}
        </h2>
        <button
          type="button"
          className="calendar-nav"
          aria-label={t('dates.calendar.nextMonth')}
          onClick={() => setFocused(addMonths(focused, 1))}
        >
          <ChevronRight className="icon" aria-hidden="true" />
        </button>
      </div>
      <table ref={grid} className="calendar-grid" role="grid" aria-label={heading} onKeyDown={onKeyDown}>
        <thead>
          <tr>
            {weekdays.map((day) => (
              <th key={day.long} scope="col" abbr={day.long}>
                {day.short}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]}>
              {week.map((iso) => (
                <td key={iso} aria-selected={iso === selected}>
                  <button
                    type="button"
                    data-day={iso}
                    tabIndex={iso === focused ? 0 : -1}
                    className={[
                      'calendar-day',
                      iso.slice(0, 7) === month.slice(0, 7) ? null : 'calendar-day-outside',
                      iso === today ? 'calendar-day-today' : null,
                      iso === selected ? 'calendar-day-selected' : null,
                    ]
                      .filter(Boolean)
                      .join(' ')}
                    aria-label={formatDate(locale, iso)}
                    aria-current={iso === today ? 'date' : undefined}
                    onClick={() => onPick(iso)}
                  >
                    {DAY(iso)}
                  </button>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
