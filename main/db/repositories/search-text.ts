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
 * One typed word as an FTS5 phrase, its last token prefix-matched. The index keeps text as it was
 * stored, and text pasted from some systems is stored decomposed (NFD: "å" as "a" and a combining
 * ring), which the tokenizer keeps as another word. So a word with a decomposed form matches either
 * form; the form no entry holds adds nothing to any entry's bm25, so the ranking of the hits is unchanged.
 */
function termOf(tokens: readonly string[]): string {
  const word = tokens.join(' ');
  const decomposed = word.normalize('NFD');
  return decomposed === word ? `"${word}"*` : `("${word}"* OR "${decomposed}"*)`;
}

/** Between the tokens of a word: anything but a letter or a digit. */
// Stryker disable next-line Regex: separators one at a time leave empty tokens, which the filter drops
const NOT_TOKEN = /[^\p{L}\p{N}]+/u;

/** The most tokens a query takes, over all its words. */
const MAX_TOKENS = 12;

/**
 * Turns what a person typed into a safe FTS5 query: every word required, each a quoted phrase (so
 * operators and quotes in the input are just text) whose last token is prefix-matched. A word the
 * tokenizer splits (a case reference "KOMPIS-200001", a date "15.03.2026", "e-post") is one phrase:
 * its tokens next to each other, in order, as typed. As separate words each token was a prefix of
 * its own, so "KOMPIS"* matched every entry and had to be ranked, and "e"* any word starting with e.
 */
export function ftsQuery(input: string): string | null {
  const words: string[][] = [];
  let left = MAX_TOKENS;
  // Stryker disable next-line Regex: white space one character at a time leaves empty words, which have no tokens
  for (const typed of input.normalize('NFC').split(/\s+/u)) {
    const tokens = typed
      .split(NOT_TOKEN)
      .filter((token) => token.length > 0)
      .slice(0, left);
    if (tokens.length === 0) continue;
    words.push(tokens);
    left -= tokens.length;
  }
  if (words.length === 0) return null;
  return words.map(termOf).join(' AND ');
}
