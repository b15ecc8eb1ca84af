// Public API of the PDF renderer: a document view in, PDF bytes (or an unsaved PDFDocument) out.
export {
  DocumentViewSchema,
  DocumentBlockSchema,
  DocumentDateSchema,
  FindingSeveritySchema,
  type DocumentView,
  type DocumentViewInput,
  type DocumentBlock,
  type DocumentDate,
  type FindingSeverity,
} from './document-view';
export {
  renderDocumentPdf,
  buildDocumentPdf,
  PDF_CREATOR,
  PDF_PRODUCER,
  type RenderPdfOptions,
} from './render-document-pdf';
export { loadDefaultFontBytes, PLACEHOLDER, type FontBytes, type FontSet } from './fonts';
export { SHADE, RULE, type DrawOp } from './page-flow';
export { formatDocumentDate } from './format-date';
export { NO_EXEMPTION_MARKING } from './page-chrome';
