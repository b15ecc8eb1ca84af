import { DEFAULT_HALF_TIME_HOURS } from '../../shared/rules/dk-workload';
import { api } from './api';
import { failureOf, mapOk, useLoad, type LoadFailure } from './use-load';

export interface WorkloadLimit {
  /** DK § 15: the vault's weekly-hours limit (a setting); the default until it has been read. */
  hours: number;
  /** The setting could not be read: the screen says so (with retry) rather than quietly using the default. */
  failure: LoadFailure | null;
}

export function useWorkloadLimit(enabled: boolean): WorkloadLimit {
  const load = useLoad(enabled ? 'workload-limit' : null, async () =>
    mapOk(await api.invoke('settings.workloadLimit', {}), (value) => value.hours),
  );
  return {
    hours: load.loaded.state === 'ready' ? load.loaded.value : DEFAULT_HALF_TIME_HOURS,
    failure: failureOf(load),
  };
}
