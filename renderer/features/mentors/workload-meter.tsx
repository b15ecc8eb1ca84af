import { useI18n } from '../../app/i18n';
import { formatNumber } from '../../lib/date-format';
import { workloadBar } from './workload';

/**
 * Weekly hours over the mentor's active courses against the half-time limit (DK § 15). The numbers are
 * the content; the bar repeats them for the eye and is hidden from screen readers.
 */
export function WorkloadMeter({ hours, limit, compact = false }: { hours: number; limit: number; compact?: boolean }) {
  const { t, locale } = useI18n();
  const bar = workloadBar(hours, limit);
  const text = t('mentors.workload.value', {
    hours: formatNumber(locale, hours, 2),
    limit: formatNumber(locale, limit, 2),
    percent: bar.percentOfLimit,
  });
  return (
    <div
      className={['workload', bar.over ? 'workload-over' : null, compact ? 'workload-compact' : null]
        .filter(Boolean)
        .join(' ')}
      data-testid="workload"
      data-hours={hours}
      data-over={bar.over}
    >
      <p className="workload-text">
        {text}
        {bar.over ? <strong className="workload-flag">{t('mentors.workload.over')}</strong> : null}
      </p>
      <div className="workload-track" aria-hidden="true">
        <div className="workload-fill" style={{ width: `${bar.fillPercent}%` }} />
        <div className="workload-limit" style={{ left: `${bar.limitPercent}%` }} />
      </div>
    </div>
  );
}
