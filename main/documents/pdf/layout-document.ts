import { translate } from '../../../shared/i18n/translate';
import type { DocumentBlock, DocumentView } from './document-view';
import type { FontSet } from './fonts';
import { formatDocumentDate } from './format-date';
import { leadLines, TYPE, wrap, type LayoutContext } from './layout-context';
import { tableLeadHeight, layoutTable } from './layout-table';
import {
  bulletLines,
  findingLines,
  headingHeight,
  HEADING_SPACE,
  keyValueRowLines,
  layoutBulletList,
  layoutFindings,
  layoutHeading,
  layoutKeyValue,
  layoutNotice,
  layoutParagraph,
  layoutSignature,
  noticeLines,
  paragraphLines,
  signerHeight,
} from './layout-text-blocks';
import { BODY_WIDTH, MUTED, PAGE, PageFlow, SHADE, type DrawOp } from './page-flow';

/** Lays out the title block and all blocks; returns the body of each page (header/footer come later). */
export function layoutDocument(view: DocumentView, fonts: FontSet): DrawOp[][] {
  const ctx: LayoutContext = { flow: new PageFlow(), fonts, locale: view.locale };
  layoutTitleBlock(ctx, view);
  view.blocks.forEach((block, index) => {
    if (block.type === 'heading') layoutHeading(ctx, block, leadHeight(ctx, view.blocks, index + 1));
    else layoutBlock(ctx, block);
  });
  return ctx.flow.pages;
}

function layoutBlock(ctx: LayoutContext, block: Exclude<DocumentBlock, { type: 'heading' }>): void {
  switch (block.type) {
    case 'paragraph':
      return layoutParagraph(ctx, block);
    case 'keyValue':
      return layoutKeyValue(ctx, block);
    case 'bulletList':
      return layoutBulletList(ctx, block);
    case 'table':
      return layoutTable(ctx, block);
    case 'findings':
      return layoutFindings(ctx, block);
    case 'notice':
      return layoutNotice(ctx, block);
    case 'signature':
      return layoutSignature(ctx, block);
  }
}

/**
 * The smallest first piece of block `index` that may not be separated from a heading above it:
 * the first lines of text (see leadLines), a table header with its first row, or a following
 * heading plus its own lead.
 * Capped at a third of the page so a huge first piece cannot push a heading around forever.
 */
function leadHeight(ctx: LayoutContext, blocks: readonly DocumentBlock[], index: number): number {
  const block = blocks[index];
  if (!block) return 0;
  const lines = (count: number) => leadLines(count) * TYPE.body.leading;
  const height = (() => {
    switch (block.type) {
      case 'heading':
        return HEADING_SPACE[block.level].before + headingHeight(ctx, block) + leadHeight(ctx, blocks, index + 1);
      case 'paragraph':
        return lines(paragraphLines(ctx, block.text).length);
      case 'keyValue':
        return lines(Math.max(...keyValueRowLines(ctx, block, 0).map((cell) => cell.length)));
      case 'bulletList':
        return lines(bulletLines(ctx, block.items[0] ?? '').length);
      case 'table':
        return tableLeadHeight(ctx, block);
      case 'findings':
        return lines(block.findings[0] ? findingLines(ctx, block.findings[0]).length : 0);
      case 'notice':
        return lines(noticeLines(ctx, block).length) + 12;
      case 'signature':
        return signerHeight(ctx, block.signers[0]?.caption ?? '');
    }
  })();
  return Math.min(height, (PAGE.bodyBottom - PAGE.bodyTop) / 3);
}

/** Kind label, title and a shaded strip with case reference, version and dates. */
function layoutTitleBlock(ctx: LayoutContext, view: DocumentView): void {
  const { flow, fonts, locale } = ctx;
  const left = PAGE.marginX;
  const kind = fonts.clean(view.kindLabel.toLocaleUpperCase(locale), 'bold');
  flow.text(left, flow.y, 12, kind, 'bold', 8.5, MUTED);
  flow.y += 16;
  for (const line of wrap(ctx, view.title, 'bold', TYPE.title.size, BODY_WIDTH)) {
    flow.text(left, flow.y, TYPE.title.leading, line, 'bold', TYPE.title.size);
    flow.y += TYPE.title.leading;
  }
  flow.y += 10;

  const t = (key: string) => translate(locale, `documents.pdf.${key}`);
  const fields: [string, string][] = view.titleFacts
    ? view.titleFacts.map((fact) => [fact.label, fact.value])
    : [
        [t('caseReference'), view.caseReference],
        [t('version'), String(view.version)],
        [t('created'), formatDocumentDate(locale, view.dates.created)],
        [t('finalised'), view.dates.finalised ? formatDocumentDate(locale, view.dates.finalised) : t('notFinalised')],
      ];
  // The reference is often long ("KOMPIS 0000-TEST-0042"); the version is a number. Facts of a sheet share alike.
  const shares = view.titleFacts ? fields.map(() => 1 / fields.length) : [0.36, 0.12, 0.26, 0.26];
  const widths = shares.map((share) => share * BODY_WIDTH);
  const columnX = widths.map((_, i) => left + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const cells = fields.map(([label, value], i) => ({
    label: wrap(ctx, label.toLocaleUpperCase(locale), 'bold', 7, (widths[i] ?? 0) - 16),
    value: wrap(ctx, value, 'regular', 9.5, (widths[i] ?? 0) - 16),
  }));
  const stripHeight = 14 + Math.max(...cells.map((cell) => cell.label.length * 9 + cell.value.length * 12.5)) + 2;
  flow.rect(left, flow.y, BODY_WIDTH, stripHeight, SHADE);
  cells.forEach((cell, i) => {
    const x = (columnX[i] ?? left) + 8;
    const labelTop = flow.y + 7;
    const valueTop = labelTop + cell.label.length * 9;
    cell.label.forEach((line, n) => flow.text(x, labelTop + n * 9, 9, line, 'bold', 7, MUTED));
    cell.value.forEach((line, n) => flow.text(x, valueTop + n * 12.5, 12.5, line, 'regular', 9.5));
  });
  flow.y += stripHeight + 20;
}
