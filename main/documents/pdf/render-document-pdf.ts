import { PDFDocument } from 'pdf-lib';
import type { Locale } from '../../../shared/domain/profile';
import { AppError } from '../../ipc/app-error';
import { DocumentViewSchema, type DocumentView, type DocumentViewInput } from './document-view';
import { embedFonts, loadDefaultFontBytes, type FontBytes, type FontSet } from './fonts';
import { documentDateInstant } from './format-date';
import { layoutDocument } from './layout-document';
import { pageChrome } from './page-chrome';
import { PAGE, type DrawOp } from './page-flow';
import { paint } from './paint';

export interface RenderPdfOptions {
  /** DejaVu Sans regular and bold; defaults to the `dejavu-fonts-ttf` package. */
  readonly fonts?: FontBytes;
  /** Adds to the laid-out page bodies before they are painted (e.g. frames around redaction markers). */
  readonly decorate?: (pages: DrawOp[][], fonts: FontSet) => void;
}

/** Fixed so the same view always gives the same bytes (no version numbers, no clock). */
export const PDF_PRODUCER = 'Bro';
export const PDF_CREATOR = 'Bro';

const LANGUAGE: Record<Locale, string> = { nb: 'nb-NO', da: 'da-DK', en: 'en' };

/**
 * Validates the view and builds the laid-out PDFDocument without saving it, for a signer that adds
 * its signature placeholder and then saves once (e.g. `pdflibAddPlaceholder` then
 * `save({ useObjectStreams: false })`). Saved untouched it gives exactly `renderDocumentPdf`'s bytes.
 * The font subsets are written at save time, so save each built document once.
 */
export async function buildDocumentPdf(input: DocumentViewInput, options: RenderPdfOptions = {}): Promise<PDFDocument> {
  const view = parseView(input);
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts = await embedFonts(doc, options.fonts ?? (await loadDefaultFontBytes()));

  const bodies = layoutDocument(view, fonts);
  options.decorate?.(bodies, fonts);
  const chrome = pageChrome(view, fonts);
  bodies.forEach((ops, index) => {
    const page = doc.addPage([PAGE.width, PAGE.height]);
    paint(page, ops, fonts);
    paint(page, chrome.ops(index, bodies.length), fonts);
  });

  setMetadata(doc, view);
  return doc;
}

/**
 * Renders the view to PDF bytes: A4, graded header and footer on every page, deterministic output.
 * Saved with a classic cross-reference table (no object streams), which every reader and the
 * incremental-update signers handle.
 */
export async function renderDocumentPdf(input: DocumentViewInput, options: RenderPdfOptions = {}): Promise<Uint8Array> {
  const doc = await buildDocumentPdf(input, options);
  return doc.save({ useObjectStreams: false });
}

function parseView(input: DocumentViewInput): DocumentView {
  const parsed = DocumentViewSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  // Only paths, never values: the view is full of personal data.
  const fields = parsed.error.issues.map((issue) => issue.path.join('.'));
  throw new AppError('internal', 'documents.pdf.invalidView', undefined, fields);
}

function setMetadata(doc: PDFDocument, view: DocumentView): void {
  const printed = documentDateInstant(view.dates.printed);
  doc.setTitle(view.title, { showInWindowTitleBar: true });
  doc.setSubject(view.kindLabel);
  doc.setLanguage(view.contentLanguage ?? LANGUAGE[view.locale]);
  doc.setProducer(PDF_PRODUCER);
  doc.setCreator(PDF_CREATOR);
  doc.setCreationDate(printed);
  doc.setModificationDate(printed);
}
