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
  return words.map((word) => `"${word}"*`).join(' AND ');
}
