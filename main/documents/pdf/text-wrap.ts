/** Width of a string in points at the size the caller has in mind. */
export type Measure = (text: string) => number;

/**
 * Breaks cleaned text into lines no wider than `maxWidth`. Explicit newlines are kept (an empty
 * line stays an empty line), breaks fall on spaces, and a word wider than the line is split, after a
 * hyphen or slash when possible. Leading spaces of a line (indentation) are kept.
 */
export function wrapText(text: string, maxWidth: number, measure: Measure): string[] {
  const lines: string[] = [];
  for (const hardLine of text.split('\n')) wrapHardLine(hardLine.trimEnd(), maxWidth, measure, lines);
  return lines;
}

function wrapHardLine(line: string, maxWidth: number, measure: Measure, out: string[]): void {
  if (line === '') {
    out.push('');
    return;
  }
  const tokens = line.split(/( +)/).filter((token) => token !== '');
  let current = '';
  let currentWidth = 0;
  let pendingSpace = '';
  for (const [index, token] of tokens.entries()) {
    if (token.startsWith(' ')) {
      if (index === 0) {
        current = token;
        currentWidth = measure(token);
      } else pendingSpace = token;
      continue;
    }
    const wordWidth = measure(token);
    const spaceWidth = current === '' ? 0 : measure(pendingSpace);
    if (currentWidth + spaceWidth + wordWidth <= maxWidth) {
      current += (current === '' ? '' : pendingSpace) + token;
      currentWidth += spaceWidth + wordWidth;
    } else {
      if (current.trim() !== '') out.push(current);
      const pieces = wordWidth <= maxWidth ? [token] : splitWord(token, maxWidth, measure);
      out.push(...pieces.slice(0, -1));
      current = pieces.at(-1) ?? '';
      currentWidth = measure(current);
    }
    pendingSpace = '';
  }
  out.push(current);
}

/** Splits one over-long word into pieces that each fit, preferring a break after "-" or "/". */
function splitWord(word: string, maxWidth: number, measure: Measure): string[] {
  const pieces: string[] = [];
  let piece = '';
  let width = 0;
  for (const char of word) {
    const charWidth = measure(char);
    if (piece !== '' && width + charWidth > maxWidth) {
      const soft = Math.max(piece.lastIndexOf('-'), piece.lastIndexOf('/'));
      const cut = soft >= piece.length / 2 && soft < piece.length - 1 ? soft + 1 : piece.length;
      pieces.push(piece.slice(0, cut));
      piece = piece.slice(cut);
      width = measure(piece);
    }
    piece += char;
    width += charWidth;
  }
  pieces.push(piece);
  return pieces;
}

/** Shortens a single line with "…" so it fits `maxWidth` (for running headers and footers). */
export function truncateText(text: string, maxWidth: number, measure: Measure): string {
  if (measure(text) <= maxWidth) return text;
  const chars = [...text];
  while (chars.length > 0 && measure(`${chars.join('').trimEnd()}…`) > maxWidth) chars.pop();
  return chars.length === 0 ? '' : `${chars.join('').trimEnd()}…`;
}
