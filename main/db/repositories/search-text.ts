/** All string values of a JSON value, in order, for the full-text index. */
export function searchableText(value: unknown): string {
  const parts: string[] = [];
  const walk = (node: unknown): void => {
    if (typeof node === 'string') {
      if (node.trim()) parts.push(node);
    }
    // Any other value: its values in order (an array's items, an object's fields; a number or boolean has none).
    else if (node !== null && node !== undefined) Object.values(node).forEach(walk);
  };
  walk(value);
  return parts.join('\n');
}

/**
 * One typed word as an FTS5 term, prefix-matched. The index keeps text as it was stored, and text
 * pasted from some systems is stored decomposed (NFD: "å" as "a" and a combining ring), which the
 * tokenizer keeps as another word. So a word with a decomposed form matches either form; the form no
 * entry holds adds nothing to any entry's bm25, so the ranking of the hits is unchanged.
 */
function termOf(word: string): string {
  const decomposed = word.normalize('NFD');
  return decomposed === word ? `"${word}"*` : `("${word}"* OR "${decomposed}"*)`;
}

/** Between typed words: anything but a letter or a digit. */
// Stryker disable next-line Regex: separators one at a time leave empty words, which the filter drops
const NOT_WORD = /[^\p{L}\p{N}]+/u;

/**
 * Turns what a person typed into a safe FTS5 query: each word quoted (so operators and quotes in the
 * input are just text) and prefix-matched, all words required.
 */
export function ftsQuery(input: string): string | null {
  const words = input
    .normalize('NFC')
    .split(NOT_WORD)
    .filter((word) => word.length > 0)
    .slice(0, 12);
  if (words.length === 0) return null;
  return words.map(termOf).join(' AND ');
}
