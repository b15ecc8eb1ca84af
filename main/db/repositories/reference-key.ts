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
 * A LIKE pattern that every stored reference with the same key matches: ASCII as it is (LIKE folds its
 * case, as NOCASE does), each run of other characters any run, since their case and form vary. A % or _
 * in the reference itself matches more rows here, and a reference of other letters alone every row: the
 * rows are then compared by referenceKey, which alone decides.
 */
export function candidatePattern(reference: string): string {
  // Stryker disable next-line Regex: one % for each letter of a run matches the same rows as one for the run
  return reference.normalize('NFC').replace(/[^\u0000-\u007f]+/gu, '%');
}

/** The former references kept in a case's data (its `formerReferences`, as JSON text): only strings count. */
export function referencesIn(value: unknown): string[] {
  // Stryker disable next-line ConditionalExpression: SQL NULL, parsed, is null: no list either
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : null;
  // Stryker disable next-line ArrayDeclaration: what stands for "none" is only ever compared with a real reference
  return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string') : [];
}
