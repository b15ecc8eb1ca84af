import { api } from '../../lib/api';
import { mapOk, useLoad, type Load } from '../../lib/use-load';

/** The distinct units of live cases (for the list filter and the unit field's suggestions). */
export function useUnits(): Load<string[]> {
  return useLoad('units', async () => mapOk(await api.invoke('cases.units', {}), (value) => value.units));
}
