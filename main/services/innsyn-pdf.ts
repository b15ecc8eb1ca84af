import type { GradingLevel, Locale } from '../../shared/domain';
import { translate } from '../../shared/i18n/translate';
import {
  formatDocumentDate,
  LABEL_MAX,
  renderDocumentPdf,
  RULE,
  SHADE,
  type DocumentBlock,
  type DocumentView,
  type DrawOp,
  type FontSet,
} from '../documents/pdf';

/** One document of the copy, already redacted. */
export interface CopyPart {
  view: DocumentView;
  version: number;
  final: boolean;
}

/** A line of the redaction log as printed in the annex. */
export interface AnnexLine {
  seq: number;
  document: string;
  location: string;
  what: string;
  citation: string;
  by: string;
  at: string;
}

export interface CopyMeta {
  locale: Locale;
  caseReference: string;
  copyNumber: number;
  grading: GradingLevel;
  /** Local wall-clock time with its offset (`local()`), as the documents' own view dates. */
  printedAt: string;
}

const t = (locale: Locale, key: string, params?: Record<string, string | number>) =>
  translate(locale, `innsyn.pdf.${key}`, params);

/**
 * A document's blocks under its own heading; its headings step down one level. A heading longer than a
 * page takes (LABEL_MAX) — a title as long as a template allows after the kind's name, or one a redaction
 * marker lengthened — goes whole into a paragraph: the copy is still made, and nothing of it is cut.
 */
function partBlocks(locale: Locale, part: CopyPart): DocumentBlock[] {
  const { view } = part;
  const facts = [
    { key: t(locale, 'version'), value: String(part.version) },
    { key: t(locale, 'status'), value: t(locale, part.final ? 'final' : 'draft') },
    ...(view.dates.finalised
      ? [{ key: t(locale, 'finalised'), value: formatDocumentDate(locale, view.dates.finalised) }]
      : []),
  ];
  const heading = `${view.kindLabel}: ${view.title}`;
  return [
    ...(heading.length <= LABEL_MAX
      ? [{ type: 'heading' as const, level: 1 as const, text: heading }]
      : [
          { type: 'heading' as const, level: 1 as const, text: view.kindLabel },
          { type: 'paragraph' as const, text: view.title },
        ]),
    { type: 'keyValue', rows: facts },
    ...view.blocks.map((block): DocumentBlock => {
      if (block.type !== 'heading') return block;
      return block.text.length <= LABEL_MAX ? { ...block, level: 2 } : { type: 'paragraph', text: block.text };
    }),
  ];
}

function annexBlocks(locale: Locale, lines: readonly AnnexLine[]): DocumentBlock[] {
  const heading: DocumentBlock = { type: 'heading', level: 1, text: t(locale, 'annexTitle') };
  const intro: DocumentBlock = { type: 'paragraph', text: t(locale, 'annexIntro') };
  if (lines.length === 0) return [heading, { type: 'paragraph', text: t(locale, 'annexEmpty') }];
  const columns = [
    { header: t(locale, 'col.seq'), width: 6 },
    { header: t(locale, 'col.document'), width: 18 },
    { header: t(locale, 'col.location'), width: 27 },
    { header: t(locale, 'col.what'), width: 15 },
    { header: t(locale, 'col.basis'), width: 15 },
    { header: t(locale, 'col.by'), width: 19 },
  ];
  const rows = lines.map((l) => [String(l.seq), l.document, l.location, l.what, l.citation, `${l.by}\n${l.at}`]);
  return [heading, intro, { type: 'table', columns, rows }];
}

/** The copy as one view: a title page strip for the case, each document in turn, the redaction log last. */
export function copyView(meta: CopyMeta, parts: readonly CopyPart[], annex: readonly AnnexLine[]): DocumentView {
  const { locale } = meta;
  const created = parts.map((p) => p.view.dates.created).sort()[0] ?? meta.printedAt;
  return {
    locale,
    title: t(locale, 'title'),
    kindLabel: t(locale, 'kind'),
    caseReference: meta.caseReference,
    version: meta.copyNumber,
    dates: { created, finalised: meta.printedAt, printed: meta.printedAt },
    grading: { level: meta.grading },
    blocks: [
      { type: 'notice', text: t(locale, 'notice') },
      ...parts.flatMap((part) => partBlocks(locale, part)),
      ...annexBlocks(locale, annex),
    ],
  };
}

/** Markers are bracketed runs without ordinary spaces whose inside uses no-break spaces (see redactionMarker). */
const MARKER = /\[[^[\] \n]*\u00A0[^[\] \n]*\]/g;

/** Frames every redaction marker: a shaded box with a rule around it, drawn under the marker's text. */
export function frameMarkers(pages: DrawOp[][], fonts: FontSet): void {
  pages.forEach((ops, index) => {
    const out: DrawOp[] = [];
    for (const op of ops) {
      if (op.op === 'text') {
        for (const match of op.text.matchAll(MARKER)) {
          const x = op.x + fonts.width(op.text.slice(0, match.index), op.style, op.size) - 1.5;
          const width = fonts.width(match[0], op.style, op.size) + 3;
          const top = op.y - 0.95 * op.size;
          const height = 1.25 * op.size;
          out.push({ op: 'rect', x, y: top, width, height, fill: SHADE });
          const line = (x1: number, y1: number, x2: number, y2: number): DrawOp => ({
            op: 'line',
            x1,
            y1,
            x2,
            y2,
            thickness: 0.6,
            color: RULE,
          });
          out.push(line(x, top, x + width, top), line(x, top + height, x + width, top + height));
          out.push(line(x, top, x, top + height), line(x + width, top, x + width, top + height));
        }
      }
      out.push(op);
    }
    pages[index] = out;
  });
}

export function renderCopyPdf(view: DocumentView): Promise<Uint8Array> {
  return renderDocumentPdf(view, { decorate: frameMarkers });
}
