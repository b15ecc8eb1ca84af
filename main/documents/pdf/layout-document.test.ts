import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { DocumentViewSchema, type DocumentBlock, type DocumentView } from './document-view';
import { testView } from '../../../test/fixtures/pdf/test-view';
import { embedFonts, loadDefaultFontBytes, type FontSet } from './fonts';
import { TYPE } from './layout-context';
import { layoutDocument } from './layout-document';
import { PAGE, type DrawOp } from './page-flow';

let fonts: FontSet;
beforeAll(async () => {
  fonts = await embedFonts(await PDFDocument.create(), await loadDefaultFontBytes());
});

function parse(blocks: DocumentBlock[]): DocumentView {
  return DocumentViewSchema.parse(testView(blocks));
}

type TextOp = Extract<DrawOp, { op: 'text' }>;
const texts = (page: DrawOp[]) => page.filter((op): op is TextOp => op.op === 'text');
const isHeading = (op: TextOp) => op.style === 'bold' && (op.size === TYPE.h1.size || op.size === TYPE.h2.size);

/** Sections of varying length, so headings land at every height of a page. */
function sections(): DocumentBlock[] {
  return Array.from({ length: 90 }, (_, i): DocumentBlock[] => {
    const lines = Array.from({ length: (i % 9) + 1 }, (_, j) => `P${i} linje ${j}`).join('\n');
    const heading: DocumentBlock = { type: 'heading', level: i % 3 === 0 ? 1 : 2, text: `Avsnitt ${i}` };
    const more = Array.from({ length: ((i * 5) % 7) + 1 }, (_, j) => `P${i}b linje ${j}`).join('\n');
    const body: DocumentBlock[] = [
      { type: 'paragraph', text: lines },
      { type: 'paragraph', text: more },
    ];
    return i % 7 === 0
      ? [heading, { type: 'heading', level: 2, text: `Underavsnitt ${i}` }, ...body]
      : [heading, ...body];
  }).flat();
}

describe('layoutDocument', () => {
  it('never leaves a heading at the bottom of a page without the text it introduces', () => {
    const pages = layoutDocument(parse(sections()), fonts);
    expect(pages.length).toBeGreaterThan(5);
    for (const page of pages) {
      const ops = texts(page);
      const last = ops.at(-1);
      expect(last && isHeading(last), `page ends with "${last?.text}"`).toBe(false);
    }
  });

  it('splits a paragraph between pages with at least two lines on each side', () => {
    const pages = layoutDocument(parse(sections()), fonts);
    const linesPerPage = new Map<string, number[]>();
    pages.forEach((page, index) => {
      for (const op of texts(page)) {
        const paragraph = /^(P\d+b?) linje/.exec(op.text)?.[1];
        if (!paragraph) continue;
        const counts = linesPerPage.get(paragraph) ?? [];
        counts[index] = (counts[index] ?? 0) + 1;
        linesPerPage.set(paragraph, counts);
      }
    });
    const split = [...linesPerPage.values()].filter((counts) => counts.filter(Boolean).length > 1);
    expect(split.length).toBeGreaterThan(0);
    for (const counts of split) for (const n of counts.filter(Boolean)) expect(n).toBeGreaterThanOrEqual(2);
  });

  it('keeps all body text between the running header and footer', () => {
    for (const page of layoutDocument(parse(sections()), fonts)) {
      for (const op of texts(page)) {
        expect(op.y).toBeGreaterThan(PAGE.bodyTop);
        expect(op.y).toBeLessThanOrEqual(PAGE.bodyBottom);
      }
    }
  });

  it('wraps text to the width of the page body', () => {
    const long = 'Mentoren avtaler besøk med kontaktbetjent og tar med bøker etter avtale. '.repeat(20);
    const pages = layoutDocument(
      parse([
        { type: 'paragraph', text: long },
        { type: 'bulletList', items: [long] },
      ]),
      fonts,
    );
    for (const op of texts(pages[0] ?? [])) {
      expect(op.x + fonts.width(op.text, op.style, op.size)).toBeLessThanOrEqual(PAGE.width - PAGE.marginX + 0.01);
    }
  });
});
