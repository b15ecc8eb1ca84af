import { useEffect, useState } from 'react';
import { api } from '../../lib/api';

/** The distinct units of live cases (for the list filter and the unit field's suggestions). */
export function useUnits(): string[] {
  const [units, setUnits] = useState<string[]>([]);
  useEffect(() => {
    let current = true;
    void api.invoke('cases.units', {}).then((result) => current && result.ok && setUnits(result.value.units));
    return () => {
      current = false;
    };
  }, []);
  return units;
}
