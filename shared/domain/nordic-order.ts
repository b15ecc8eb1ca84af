/**
 * The order of references and unit names in lists: Norwegian and Danish alphabetical order, without
 * regard to case. Æ, Ø and Å come after Z in that order (Ä sorts as Æ and Ö as Ø, as in both
 * languages), é and è as e, ü as y, and aa as å (Aalborg and Aarhus after Z, as Danish and
 * Norwegian file them, and as ICU's da and nb collations do); a letter stored decomposed (A + combining
 * ring) sorts as the letter. By code point, which SQLite's NOCASE uses, Å came before Æ and Ø, and a lower-case æ, ø or å
 * after every capital.
 *
 * One table drives both forms: nordicOrderKey for lists sorted in JavaScript and nordicOrderSql for
 * those sorted (and indexed) in SQLite, which has no such collation. Both fold ASCII letters only
 * (SQLite's upper()) and then apply the same replacements in the same order, so their keys are equal
 * for any text (nordic-order.test.ts compares them).
 */

/** Sorts after every ASCII character and before any other letter (in UTF-8, which SQLite compares). */
const AFTER_Z = '\u007f';

/** [what, key], applied in order after ASCII letters are upper-cased. */
const REPLACEMENTS: readonly (readonly [string, string])[] = [
  // Decomposed letters first, while their base letter is still itself.
  ['A\u030a', 'Å'],
  ['A\u0308', 'Æ'],
  ['O\u0308', 'Ø'],
  ['U\u0308', 'Y'],
  ['E\u0301', 'E'],
  ['E\u0300', 'E'],
  ['æ', 'Æ'],
  ['ä', 'Æ'],
  ['Ä', 'Æ'],
  ['ø', 'Ø'],
  ['ö', 'Ø'],
  ['Ö', 'Ø'],
  ['å', 'Å'],
  // The old spelling of å, in names above all; ASCII is upper-cased by now, so aa, Aa and AA alike.
  ['AA', 'Å'],
  ['é', 'E'],
  ['É', 'E'],
  ['è', 'E'],
  ['È', 'E'],
  ['ü', 'Y'],
  ['Ü', 'Y'],
  ['Æ', `${AFTER_Z}1`],
  ['Ø', `${AFTER_Z}2`],
  ['Å', `${AFTER_Z}3`],
];

/** The sort key of `text`: compare keys by code unit, then the texts themselves to break ties. */
export function nordicOrderKey(text: string): string {
  let key = text.replace(/[a-z]/g, (letter) => letter.toUpperCase());
  for (const [what, to] of REPLACEMENTS) key = key.split(what).join(to);
  return key;
}

/** -1, 0 or 1 by UTF-16 code unit: dates, ids and keys, where no collation is wanted (and it is fast). */
export const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Orders two texts by nordicOrderKey, then by code unit. */
export function compareNordic(a: string, b: string): number {
  return byCodeUnit(nordicOrderKey(a), nordicOrderKey(b)) || byCodeUnit(a, b);
}

/** `text` as SQLite's char() of its code points: nothing to quote, and the expression is plain ASCII. */
const sqlText = (text: string) => `char(${[...text].map((char) => char.codePointAt(0)).join(', ')})`;

/**
 * The SQL expression of nordicOrderKey over `column` (a column name, not input). An index on it is
 * used only where a query writes the same text: cases-repo.ts and migration 0028 both take it from here.
 */
export function nordicOrderSql(column: string): string {
  return REPLACEMENTS.reduce(
    (sql, [what, to]) => `replace(${sql}, ${sqlText(what)}, ${sqlText(to)})`,
    `upper(${column})`,
  );
}
