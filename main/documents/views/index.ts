// Domain → document view: one mapper per document kind, pure, for the PDF renderer.
export { documentViewFor } from './document-view-for';
export { local } from './local-time';
export { type ViewSource, type ViewTemplate } from './view-source';
