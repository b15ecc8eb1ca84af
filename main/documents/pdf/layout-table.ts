import type { TableBlock } from './document-view';
import type { FontStyle } from './fonts';
import { TYPE, wrap, type LayoutContext } from './layout-context';
import { BODY_WIDTH, INK, PAGE, RULE, SHADE } from './page-flow';

const PAD_X = 5;
const PAD_Y = 4;
const { size: SIZE, leading: LEADING } = TYPE.table;

interface PreparedTable {
  readonly x: readonly number[];
  readonly widths: readonly number[];
  readonly header: readonly string[][];
  readonly rows: readonly string[][][];
}

/** Column positions from the relative weights, and every cell wrapped to its column. */
export function prepareTable(ctx: LayoutContext, table: TableBlock, rowLimit = table.rows.length): PreparedTable {
  const total = table.columns.reduce((sum, column) => sum + column.width, 0);
  const widths = table.columns.map((column) => (column.width / total) * BODY_WIDTH);
  const x = widths.map((_, i) => PAGE.marginX + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const cells = (texts: readonly string[], style: FontStyle) =>
    texts.map((text, i) => wrap(ctx, text, style, SIZE, Math.max((widths[i] ?? 0) - 2 * PAD_X, 8)));
  return {
    x,
    widths,
    header: cells(
      table.columns.map((column) => column.header),
      'bold',
    ),
    rows: table.rows.slice(0, rowLimit).map((row) => cells(row, 'regular')),
  };
}

const lineCount = (cells: readonly string[][]) => Math.max(1, ...cells.map((cell) => cell.length));
const rowHeight = (cells: readonly string[][]) => lineCount(cells) * LEADING + 2 * PAD_Y;

/** What must fit below a heading: the header and the first row (or its first lines if it is long). */
export function tableLeadHeight(ctx: LayoutContext, table: TableBlock): number {
  return leadOf(prepareTable(ctx, table, 1));
}

function leadOf(prepared: PreparedTable): number {
  const first = prepared.rows[0];
  const firstRow = first ? Math.min(rowHeight(first), 3 * LEADING + 2 * PAD_Y) : 0;
  return rowHeight(prepared.header) + firstRow;
}

/**
 * Rows move to the next page whole, below a repeated header. Only a row taller than a whole page
 * is split, between lines, with the header repeated above each part.
 */
export function layoutTable(ctx: LayoutContext, table: TableBlock): void {
  const { flow } = ctx;
  const prepared = prepareTable(ctx, table);
  const pageRoom = PAGE.bodyBottom - PAGE.bodyTop - rowHeight(prepared.header);
  flow.ensure(leadOf(prepared));
  drawRow(ctx, prepared, prepared.header, 0, lineCount(prepared.header), true);
  for (const cells of prepared.rows) {
    const height = rowHeight(cells);
    if (height <= pageRoom) {
      if (!flow.fits(height)) newPageWithHeader(ctx, prepared);
      drawRow(ctx, prepared, cells, 0, lineCount(cells), false);
      continue;
    }
    layoutTallRow(ctx, prepared, cells);
  }
  flow.space(10);
}

function layoutTallRow(ctx: LayoutContext, prepared: PreparedTable, cells: readonly string[][]): void {
  const { flow } = ctx;
  const total = lineCount(cells);
  let start = 0;
  let fresh = false;
  while (start < total) {
    // On a fresh page always place some lines, even below an absurdly tall header, so layout ends.
    const fit = Math.max(Math.floor((flow.remaining - 2 * PAD_Y + 0.01) / LEADING), fresh ? 2 : 0);
    if (fit < 2) {
      newPageWithHeader(ctx, prepared);
      fresh = true;
      continue;
    }
    const end = Math.min(total, start + fit);
    drawRow(ctx, prepared, cells, start, end, false);
    start = end;
    if (start < total) newPageWithHeader(ctx, prepared);
    fresh = start < total;
  }
}

function newPageWithHeader(ctx: LayoutContext, prepared: PreparedTable): void {
  ctx.flow.breakPage();
  drawRow(ctx, prepared, prepared.header, 0, lineCount(prepared.header), true);
}

/** Draws lines start..end of one row at the cursor and moves the cursor below it. */
function drawRow(
  ctx: LayoutContext,
  prepared: PreparedTable,
  cells: readonly string[][],
  start: number,
  end: number,
  header: boolean,
): void {
  const { flow } = ctx;
  const height = (end - start) * LEADING + 2 * PAD_Y;
  const top = flow.y;
  if (header) flow.rect(PAGE.marginX, top, BODY_WIDTH, height, SHADE);
  cells.forEach((cell, column) => {
    cell.slice(start, end).forEach((line, i) => {
      flow.text(
        (prepared.x[column] ?? 0) + PAD_X,
        top + PAD_Y + i * LEADING,
        LEADING,
        line,
        header ? 'bold' : 'regular',
        SIZE,
      );
    });
  });
  const right = PAGE.marginX + BODY_WIDTH;
  if (header) flow.hline(PAGE.marginX, right, top, 0.8, INK);
  flow.hline(PAGE.marginX, right, top + height, header ? 0.8 : 0.5, header ? INK : RULE);
  flow.y = top + height;
}
