/**
 * How case references are matched wherever one is looked up: people read "ÅLESUND-1", "ålesund-1" and
 * the same text stored decomposed as one reference. SQLite's NOCASE folds ASCII only, so the queries
 * find candidates with candidatePattern and keep those whose referenceKey is the one looked up.
 */

/**
 * A reference as people read it: the same letters in either Unicode form (text pasted from some systems
 * is stored decomposed) and in any letter case, Nordic letters included. SQLite's NOCASE folds ASCII
 * only, so "ÅS-1" and "ås-1" were two references to it. Lower case: no letter that is not ASCII becomes
 * ASCII by it once composed (NFC turns the Kelvin sign into K), which candidatePattern relies on.
 */
export function referenceKey(reference: string): string {
  return reference.normalize('NFC').toLowerCase();
}

/**
 * A LIKE pattern (escape character \) that every stored reference with the same key matches: ASCII as
 * it is (LIKE folds its case, as NOCASE does), each run of other characters any run, since their case
 * and form vary. The rows it finds are then compared by referenceKey; for a reference of ASCII alone
 * they are the rows NOCASE found.
 */
export function candidatePattern(reference: string): string {
  let pattern = '';
  let wild = false;
  for (const char of reference.normalize('NFC')) {
    const ascii = char.charCodeAt(0) <= 0x7f;
    if (ascii) pattern += /[%_\\]/.test(char) ? `\\${char}` : char;
    else if (!wild) pattern += '%';
    wild = !ascii;
  }
  return pattern;
}

/** The former references kept in a case's data (its `formerReferences`, as JSON text): only strings count. */
export function referencesIn(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  const parsed: unknown = JSON.parse(value);
  return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string') : [];
}
