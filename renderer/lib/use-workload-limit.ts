import { useEffect, useState } from 'react';
import { DEFAULT_HALF_TIME_HOURS } from '../../shared/rules/dk-workload';
import { api } from './api';

/** DK § 15: the vault's weekly-hours limit (a setting); the default until it has been read. */
export function useWorkloadLimit(enabled: boolean): number {
  const [limit, setLimit] = useState(DEFAULT_HALF_TIME_HOURS);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    void api.invoke('settings.workloadLimit', {}).then((result) => {
      if (live && result.ok) setLimit(result.value.hours);
    });
    return () => {
      live = false;
    };
  }, [enabled]);
  return limit;
}
