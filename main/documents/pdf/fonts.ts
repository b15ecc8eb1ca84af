import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import { printedText } from '../../../shared/domain/printed-text';

export type FontStyle = 'regular' | 'bold';

/** TrueType bytes of the two faces the renderer uses. */
export interface FontBytes {
  readonly regular: Uint8Array;
  readonly bold: Uint8Array;
}

/** Shown where the font has no glyph (emoji, control characters), so nothing is silently lost. */
export const PLACEHOLDER = '\uFFFD';

let defaultFonts: Promise<FontBytes> | undefined;

/**
 * DejaVu Sans from the `dejavu-fonts-ttf` package, found through module resolution rather than a
 * relative path so it works from source, tests and the bundled main process alike. A packaged app
 * that keeps fonts elsewhere passes its own bytes to the renderer instead.
 */
export function loadDefaultFontBytes(): Promise<FontBytes> {
  defaultFonts ??= (async () => {
    const pkg = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json');
    const dir = path.join(path.dirname(pkg), 'ttf');
    const [regular, bold] = await Promise.all([
      readFile(path.join(dir, 'DejaVuSans.ttf')),
      readFile(path.join(dir, 'DejaVuSans-Bold.ttf')),
    ]);
    return { regular: new Uint8Array(regular), bold: new Uint8Array(bold) };
  })();
  defaultFonts.catch(() => {
    defaultFonts = undefined;
  });
  return defaultFonts;
}

/** Embedded fonts plus cached measuring; all layout goes through this, so widths match what is drawn. */
export interface FontSet {
  readonly pdf: Readonly<Record<FontStyle, PDFFont>>;
  /** Replaces what the face cannot draw; call before measuring or drawing. */
  clean(text: string, style: FontStyle): string;
  width(text: string, style: FontStyle, size: number): number;
}

/**
 * Embeds both faces as subsets. Subsetting keeps the file small (a few kB instead of ~1 MB for the
 * two full faces) and pdf-lib still writes a ToUnicode map, so pdftotext and screen readers extract
 * the text exactly. The fixed "AAAAAx+" tags follow the PDF convention for subset names and keep the
 * output deterministic.
 */
export async function embedFonts(doc: PDFDocument, bytes: FontBytes): Promise<FontSet> {
  doc.registerFontkit(fontkit);
  const pdf: Record<FontStyle, PDFFont> = {
    regular: await doc.embedFont(bytes.regular, {
      subset: true,
      customName: 'AAAAAA+DejaVuSans',
      features: plainShaping(),
    }),
    bold: await doc.embedFont(bytes.bold, {
      subset: true,
      customName: 'AAAAAB+DejaVuSans-Bold',
      features: plainShaping(),
    }),
  };
  const charsets: Record<FontStyle, ReadonlySet<number>> = {
    regular: new Set(pdf.regular.getCharacterSet()),
    bold: new Set(pdf.bold.getCharacterSet()),
  };
  const widths = new Map<string, number>();
  return {
    pdf,
    clean: (text, style) => cleanText(text, charsets[style]),
    width(text, style, size) {
      const key = `${style}\u0000${text}`;
      let unit = widths.get(key);
      if (unit === undefined) {
        unit = pdf[style].widthOfTextAtSize(text, 1);
        widths.set(key, unit);
      }
      return unit * size;
    },
  };
}

/**
 * OpenType features to skip. pdf-lib draws glyph ids at their advance widths and ignores GPOS
 * positions, so kerning and mark placement never show anyway; without ligatures and contextual
 * substitutions, copied and searched text stays letter for letter and shaping is about 5x faster.
 * A fresh object per font, because fontkit writes into it.
 */
function plainShaping(): Record<string, boolean> {
  const off = ['kern', 'mark', 'mkmk', 'liga', 'clig', 'calt', 'dlig', 'hlig', 'rlig', 'ccmp', 'locl'];
  return Object.fromEntries(off.map((tag) => [tag, false]));
}

// Invisible joiners and variation selectors that only make sense next to a glyph we could draw.
const JOINERS = '\u200D\uFE0E\uFE0F';
const PLACEHOLDER_RUN = new RegExp(`${PLACEHOLDER}(?:[${JOINERS}]*${PLACEHOLDER})*[${JOINERS}]*`, 'gu');

/**
 * Starts from `printedText` (soft hyphens dropped, NFC so decomposed "å" from some keyboards uses the
 * precomposed glyph, line breaks as LF), the same form the innsyn copy redacts, so a name cannot print
 * in a form the redaction did not see. Then turns tabs into spaces and replaces every code point the
 * face lacks, including control characters, with one visible placeholder per unsupported run (an
 * emoji ZWJ sequence is one mark). Line breaks are kept; callers split lines afterwards.
 */
export function cleanText(text: string, charset: ReadonlySet<number>): string {
  let out = '';
  for (const char of printedText(text)) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '\n') out += char;
    else if (char === '\t') out += '    ';
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0) || !charset.has(code)) out += PLACEHOLDER;
    else out += char;
  }
  return out.replace(PLACEHOLDER_RUN, PLACEHOLDER);
}
