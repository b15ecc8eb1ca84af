import { useEffect, useState } from 'react';
import { PROGRESS_LABEL_KEY, type ProgressOperation, type ProgressSnapshot } from '../../shared/ipc/progress';
import { useI18n } from '../app/i18n';
import { api } from '../lib/api';
import './progress-bar.css';

export interface ProgressBarProps {
  label: string;
  done: number;
  /** 0 while not known: the bar is indeterminate (no aria-valuenow) and says it is working. */
  total: number;
  testId?: string;
}

/** Percent done, whole, or null while the total is unknown. */
export function percentDone(done: number, total: number): number | null {
  if (!(total > 0)) return null;
  return Math.floor((100 * Math.min(Math.max(done, 0), total)) / total);
}

/** An accessible bar: role=progressbar with its label and value; the visible label says the same. */
export function ProgressBar({ label, done, total, testId }: ProgressBarProps) {
  const { t } = useI18n();
  const percent = percentDone(done, total);
  return (
    <div className="progress" data-testid={testId}>
      <span className="progress-label" aria-hidden="true">
        {label}
      </span>
      <div
        role="progressbar"
        className={percent === null ? 'progress-track progress-indeterminate' : 'progress-track'}
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
        aria-valuetext={percent === null ? t('progress.working') : t('progress.percent', { percent })}
      >
        <div className="progress-fill" style={percent === null ? undefined : { width: `${percent}%` }} />
      </div>
    </div>
  );
}

const POLL_MS = 250;

/**
 * Polls `progress.get` for `operation` while `active` (the screen's call is running) and returns the
 * running snapshot, or null before the main process has reported one.
 */
export function useOperationProgress(operation: ProgressOperation, active: boolean): ProgressSnapshot | null {
  const [snapshot, setSnapshot] = useState<ProgressSnapshot | null>(null);
  useEffect(() => {
    setSnapshot(null);
    if (!active) return undefined;
    let stopped = false;
    const poll = async () => {
      const result = await api.invoke('progress.get', { operation });
      if (stopped) return;
      if (result.ok && result.value.progress?.state === 'running') setSnapshot(result.value.progress);
    };
    void poll();
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [operation, active]);
  return snapshot;
}

/**
 * The progress of a long main-process operation, for a screen that starts one. Usage: keep a `busy`
 * flag true while the call runs and render
 *
 *     <OperationProgress operation="restore" active={busy} />
 *
 * beside the button; the service wraps its work in `ProgressBoard.track('restore', …)` (main/services/progress.ts).
 */
export function OperationProgress({ operation, active }: { operation: ProgressOperation; active: boolean }) {
  const { t } = useI18n();
  const snapshot = useOperationProgress(operation, active);
  if (!active) return null;
  return (
    <ProgressBar
      label={t(PROGRESS_LABEL_KEY[operation])}
      done={snapshot?.done ?? 0}
      total={snapshot?.total ?? 0}
      testId={`progress-${operation}`}
    />
  );
}
