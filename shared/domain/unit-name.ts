/**
 * When two unit names are the same unit. The unit is typed free text on each case (with the units
 * already in use suggested), so "Bergen fengsel" and "bergen  Fengsel" may both be stored. The filters
 * of the case list and the home screen treat them as one unit: listed once, and choosing it finds the
 * cases of every spelling. Otherwise choosing one spelling hid the other's cases and due items.
 * Letter case, surrounding and repeated white space, and composed or decomposed letters do not count;
 * letters themselves do (Århus and Aarhus stay two names).
 */
export function unitKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/gu, ' ').toLowerCase();
}

/**
 * One name per unit, from the names in use with how many cases carry each, given in list order: the
 * spelling most cases carry (the first in the given order on a tie), in the order of its unit's first name.
 */
export function oneNamePerUnit(inUse: readonly { name: string; cases: number }[]): string[] {
  const chosen = new Map<string, { name: string; cases: number }>();
  for (const entry of inUse) {
    const key = unitKey(entry.name);
    const known = chosen.get(key);
    // A Map keeps a key's first place when its value is replaced.
    if (!known || entry.cases > known.cases) chosen.set(key, entry);
  }
  return [...chosen.values()].map((entry) => entry.name);
}

/** The names in use that are the same unit as `name` (none when no case carries it). */
export function namesOfUnit(name: string, inUse: readonly string[]): string[] {
  const key = unitKey(name);
  return inUse.filter((candidate) => unitKey(candidate) === key);
}
