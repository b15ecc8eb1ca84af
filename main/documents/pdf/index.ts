// Public API of the PDF renderer: a document view in, PDF bytes (or an unsaved PDFDocument) out.
export { LABEL_MAX, type DocumentView, type DocumentBlock } from './document-view';
export { renderDocumentPdf, buildDocumentPdf } from './render-document-pdf';
export { type FontSet } from './fonts';
export { SHADE, RULE, type DrawOp } from './page-flow';
export { formatDocumentDate } from './format-date';
