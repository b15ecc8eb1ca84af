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
 * One typed word as an FTS5 phrase, its last token prefix-matched. The word goes to FTS5 quoted (a
 * double quote in it doubled, so operators and quotes in the input are just text), and FTS5 splits
 * it with the index's own tokenizer, as it split the stored text: a word of several tokens (a case
 * reference "KOMPIS-200001", a date "15.03.2026", "e-post") is its tokens side by side, in order.
 * Split here instead, the word would depend on this code's idea of a token, which is not the
 * tokenizer's (a combining mark it keeps in a word, a letter it drops).
 *
 * The index keeps text as it was stored, and text pasted from some systems is stored decomposed (NFD:
 * "å" as "a" and a combining ring), which the tokenizer keeps as another word. So a word with a
 * decomposed form matches either form; the form no entry holds adds nothing to any entry's bm25, so
 * the ranking of the hits is unchanged.
 */
function termOf(word: string): string {
  const phrase = (text: string) => `"${text.replaceAll('"', '""')}"*`;
  const decomposed = word.normalize('NFD');
  return decomposed === word ? phrase(word) : `(${phrase(word)} OR ${phrase(decomposed)})`;
}

/** A word has a letter or a digit, else the tokenizer finds no token in it and it is left out. */
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Between typed words. */
// Stryker disable next-line Regex: white space one character at a time leaves empty words, which have no letter
const WHITE_SPACE = /\s+/u;
/** Control characters (NUL among them) separate words like white space; FTS5 is never given one. */
// Stryker disable next-line Regex: one character at a time gives the same words, as runs of white space are split anyway
const CONTROL = /\p{Cc}+/gu;

/**
 * Turns what a person typed into a safe FTS5 query: at most twelve words, split at white space, all
 * required, each a phrase whose last token is prefix-matched (termOf). As separate words, the parts
 * of "KOMPIS-300001" were each a prefix of its own: "KOMPIS"* matched every entry, which had to be
 * ranked, and an entry holding the parts apart and in another order was a hit; "e"* of "e-post"
 * asked for any word starting with e.
 */
export function ftsQuery(input: string): string | null {
  const words = input
    .normalize('NFC')
    .replace(CONTROL, ' ')
    .split(WHITE_SPACE)
    .filter((word) => LETTER_OR_DIGIT.test(word))
    .slice(0, 12);
  if (words.length === 0) return null;
  return words.map(termOf).join(' AND ');
}
