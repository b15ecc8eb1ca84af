/** All string values of a JSON value, in order, for the full-text index. */
export function searchableText(value: unknown): string {
  const parts: string[] = [];
  const walk = (node: unknown) => {
    if (typeof node === 'string') {
      if (node.trim()) parts.push(node);
    } else if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object') Object.values(node as Record<string, unknown>).forEach(walk);
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

/**
 * Turns what a person typed into a safe FTS5 query: each word quoted (so operators and quotes in the
 * input are just text) and prefix-matched, all words required.
 */
export function ftsQuery(input: string): string | null {
  const words = input
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .slice(0, 12);
  if (words.length === 0) return null;
  return words.map(termOf).join(' AND ');
}
