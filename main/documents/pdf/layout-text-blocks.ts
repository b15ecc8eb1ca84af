import { translate } from '../../../shared/i18n/translate';
import type { DocumentBlock, FindingSeverity, FindingsBlock } from './document-view';
import { placeLines, TYPE, wrap, type LayoutContext } from './layout-context';
import { BODY_WIDTH, INK, MUTED, PAGE, RULE, SHADE, type Rgb } from './page-flow';

type Block<T extends DocumentBlock['type']> = Extract<DocumentBlock, { type: T }>;

const LEFT = PAGE.marginX;
const RIGHT = PAGE.width - PAGE.marginX;
const BLOCK_GAP = 8;
const BULLET_INDENT = 16;
const NOTICE_PAD = 8;
const SIGNATURE_SPACE = 34;

export const HEADING_SPACE = {
  1: { before: 14, after: 7 },
  2: { before: 10, after: 4 },
} as const;

export function headingLines(ctx: LayoutContext, block: Block<'heading'>): string[] {
  const type = block.level === 1 ? TYPE.h1 : TYPE.h2;
  return wrap(ctx, block.text, 'bold', type.size, BODY_WIDTH);
}

/** Height of a heading without its space before; the caller adds the lead of what follows. */
export function headingHeight(ctx: LayoutContext, block: Block<'heading'>): number {
  const type = block.level === 1 ? TYPE.h1 : TYPE.h2;
  return headingLines(ctx, block).length * type.leading + HEADING_SPACE[block.level].after;
}

/** `keepWithNext`: height of the first piece of the next block, which must share the page. */
export function layoutHeading(ctx: LayoutContext, block: Block<'heading'>, keepWithNext: number): void {
  const { flow } = ctx;
  const type = block.level === 1 ? TYPE.h1 : TYPE.h2;
  flow.space(HEADING_SPACE[block.level].before);
  flow.ensure(headingHeight(ctx, block) + keepWithNext);
  for (const line of headingLines(ctx, block)) {
    flow.text(LEFT, flow.y, type.leading, line, 'bold', type.size);
    flow.y += type.leading;
  }
  if (block.level === 1) flow.hline(LEFT, RIGHT, flow.y + 1.5, 0.6, RULE);
  flow.y += HEADING_SPACE[block.level].after;
}

export function paragraphLines(ctx: LayoutContext, text: string): string[] {
  return wrap(ctx, text, 'regular', TYPE.body.size, BODY_WIDTH);
}

export function layoutParagraph(ctx: LayoutContext, block: Block<'paragraph'>): void {
  const lines = paragraphLines(ctx, block.text);
  const { leading, size } = TYPE.body;
  placeLines(ctx, lines.length, leading, (start, end, top) => {
    lines
      .slice(start, end)
      .forEach((line, i) => ctx.flow.text(LEFT, top + i * leading, leading, line, 'regular', size));
  });
  ctx.flow.space(BLOCK_GAP);
}

/** Key column as wide as the widest key, within limits, so short forms look like a form. */
export function keyColumnWidth(ctx: LayoutContext, block: Block<'keyValue'>): number {
  const widest = Math.max(
    ...block.rows.map((row) => ctx.fonts.width(ctx.fonts.clean(row.key, 'bold'), 'bold', TYPE.body.size)),
  );
  return Math.min(Math.max(widest + 14, BODY_WIDTH * 0.2), BODY_WIDTH * 0.36);
}

export function keyValueRowLines(ctx: LayoutContext, block: Block<'keyValue'>, index: number): [string[], string[]] {
  const keyWidth = keyColumnWidth(ctx, block);
  const row = block.rows[index] ?? { key: '', value: '' };
  return [
    wrap(ctx, row.key, 'bold', TYPE.body.size, keyWidth - 12),
    wrap(ctx, row.value, 'regular', TYPE.body.size, BODY_WIDTH - keyWidth),
  ];
}

export function layoutKeyValue(ctx: LayoutContext, block: Block<'keyValue'>): void {
  const keyWidth = keyColumnWidth(ctx, block);
  const { leading, size } = TYPE.body;
  block.rows.forEach((_, index) => {
    const [keys, values] = keyValueRowLines(ctx, block, index);
    const count = Math.max(keys.length, values.length);
    if (count <= 4) ctx.flow.ensure(count * leading);
    placeLines(ctx, count, leading, (start, end, top) => {
      for (let i = start; i < end; i++) {
        const y = top + (i - start) * leading;
        ctx.flow.text(LEFT, y, leading, keys[i] ?? '', 'bold', size);
        ctx.flow.text(LEFT + keyWidth, y, leading, values[i] ?? '', 'regular', size);
      }
    });
    ctx.flow.y += 3;
  });
  ctx.flow.space(BLOCK_GAP - 3);
}

export function bulletLines(ctx: LayoutContext, item: string): string[] {
  return wrap(ctx, item, 'regular', TYPE.body.size, BODY_WIDTH - BULLET_INDENT);
}

export function layoutBulletList(ctx: LayoutContext, block: Block<'bulletList'>): void {
  const { leading, size } = TYPE.body;
  for (const item of block.items) {
    const lines = bulletLines(ctx, item);
    placeLines(ctx, lines.length, leading, (start, end, top) => {
      if (start === 0) ctx.flow.text(LEFT + 4, top, leading, '•', 'regular', size);
      lines
        .slice(start, end)
        .forEach((line, i) => ctx.flow.text(LEFT + BULLET_INDENT, top + i * leading, leading, line, 'regular', size));
    });
    ctx.flow.y += 2;
  }
  ctx.flow.space(BLOCK_GAP - 2);
}

export function noticeLines(ctx: LayoutContext, block: Block<'notice'>): string[] {
  return wrap(ctx, block.text, 'regular', TYPE.body.size, BODY_WIDTH - 2 * NOTICE_PAD - 3);
}

/** A shaded box with a dark bar on the left; each page fragment gets its own box. */
export function layoutNotice(ctx: LayoutContext, block: Block<'notice'>): void {
  const lines = noticeLines(ctx, block);
  const { leading, size } = TYPE.body;
  const pad = NOTICE_PAD - 2;
  placeLines(
    ctx,
    lines.length,
    leading,
    (start, end, top) => {
      const height = (end - start) * leading + 2 * pad;
      ctx.flow.rect(LEFT, top, BODY_WIDTH, height, SHADE);
      ctx.flow.rect(LEFT, top, 3, height, INK);
      lines
        .slice(start, end)
        .forEach((line, i) =>
          ctx.flow.text(LEFT + 3 + NOTICE_PAD, top + pad + i * leading, leading, line, 'regular', size),
        );
    },
    pad,
  );
  ctx.flow.space(BLOCK_GAP + 2);
}

const SEVERITY_COLOR: Record<FindingSeverity, Rgb> = {
  blocking: [0.62, 0.07, 0.07],
  warning: [0.55, 0.33, 0.0],
  info: [0.1, 0.28, 0.5],
};

function severityColumn(ctx: LayoutContext): number {
  const labels = (['blocking', 'warning', 'info'] as const).map((s) =>
    translate(ctx.locale, `documents.pdf.severity.${s}`),
  );
  return (
    Math.max(...labels.map((label) => ctx.fonts.width(ctx.fonts.clean(label, 'bold'), 'bold', TYPE.table.size))) + 12
  );
}

/** Lines of one finding: its text, then the citation in parentheses, muted. */
export function findingLines(
  ctx: LayoutContext,
  finding: FindingsBlock['findings'][number],
): { text: string; cite: boolean }[] {
  const width = BODY_WIDTH - severityColumn(ctx);
  return [
    ...wrap(ctx, finding.text, 'regular', TYPE.body.size, width).map((text) => ({ text, cite: false })),
    ...wrap(ctx, `(${finding.citation})`, 'regular', TYPE.table.size, width).map((text) => ({ text, cite: true })),
  ];
}

export function layoutFindings(ctx: LayoutContext, block: FindingsBlock): void {
  const column = severityColumn(ctx);
  const { leading } = TYPE.body;
  for (const finding of block.findings) {
    const lines = findingLines(ctx, finding);
    const label = ctx.fonts.clean(translate(ctx.locale, `documents.pdf.severity.${finding.severity}`), 'bold');
    if (lines.length <= 6) ctx.flow.ensure(lines.length * leading);
    placeLines(ctx, lines.length, leading, (start, end, top) => {
      if (start === 0)
        ctx.flow.text(LEFT, top, leading, label, 'bold', TYPE.table.size, SEVERITY_COLOR[finding.severity]);
      lines.slice(start, end).forEach((line, i) => {
        const y = top + i * leading;
        if (line.cite) ctx.flow.text(LEFT + column, y, leading, line.text, 'regular', TYPE.table.size, MUTED);
        else ctx.flow.text(LEFT + column, y, leading, line.text, 'regular', TYPE.body.size);
      });
    });
    ctx.flow.y += 5;
  }
  ctx.flow.space(BLOCK_GAP - 5);
}

function signerCaption(ctx: LayoutContext, caption: string): string[] {
  return wrap(ctx, caption, 'regular', TYPE.small.size, BODY_WIDTH * 0.64 - 14);
}

/** Room to write by hand above the line, then the caption under it. */
export function signerHeight(ctx: LayoutContext, caption: string): number {
  return SIGNATURE_SPACE + 2 + signerCaption(ctx, caption).length * TYPE.small.leading + 10;
}

/** Per signer: a "place and date" line and a signature line captioned with the signer. */
export function layoutSignature(ctx: LayoutContext, block: Block<'signature'>): void {
  const { flow } = ctx;
  const split = LEFT + BODY_WIDTH * 0.36;
  const { size, leading } = TYPE.small;
  const placeLabel = ctx.fonts.clean(translate(ctx.locale, 'documents.pdf.placeAndDate'), 'regular');
  for (const signer of block.signers) {
    flow.ensure(signerHeight(ctx, signer.caption));
    const lineY = flow.y + SIGNATURE_SPACE;
    flow.hline(LEFT, split - 10, lineY, 0.7, INK);
    flow.hline(split + 14, RIGHT, lineY, 0.7, INK);
    flow.text(LEFT, lineY + 2, leading, placeLabel, 'regular', size, MUTED);
    signerCaption(ctx, signer.caption).forEach((line, i) =>
      flow.text(split + 14, lineY + 2 + i * leading, leading, line, 'regular', size, MUTED),
    );
    flow.y += signerHeight(ctx, signer.caption);
  }
  flow.space(BLOCK_GAP - 4);
}
