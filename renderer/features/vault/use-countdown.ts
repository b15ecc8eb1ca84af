import { useCallback, useEffect, useState } from 'react';

export interface Countdown {
  seconds: number;
  start(seconds: number): void;
}

/** Whole seconds left until a deadline, ticking a few times a second; 0 when there is nothing to wait for. */
export function useCountdown(): Countdown {
  const [deadline, setDeadline] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (deadline === null) return undefined;
    const timer = window.setInterval(() => {
      const current = Date.now();
      setNow(current);
      if (current >= deadline) setDeadline(null);
    }, 250);
    return () => window.clearInterval(timer);
  }, [deadline]);

  const start = useCallback((wait: number) => {
    if (wait <= 0) return;
    const current = Date.now();
    setNow(current);
    setDeadline(current + wait * 1000);
  }, []);

  const seconds = deadline === null ? 0 : Math.max(0, Math.ceil((deadline - now) / 1000));
  return { seconds, start };
}
