import { rgb, type PDFPage } from 'pdf-lib';
import type { FontSet } from './fonts';
import type { DrawOp, Rgb } from './page-flow';

const color = ([r, g, b]: Rgb) => rgb(r, g, b);

/** Draws layout operations onto a pdf-lib page, flipping y to PDF's bottom-up coordinates. */
export function paint(page: PDFPage, ops: readonly DrawOp[], fonts: FontSet): void {
  const height = page.getHeight();
  for (const op of ops) {
    switch (op.op) {
      case 'text':
        page.drawText(op.text, {
          x: op.x,
          y: height - op.y,
          size: op.size,
          font: fonts.pdf[op.style],
          color: color(op.color),
        });
        break;
      case 'line':
        page.drawLine({
          start: { x: op.x1, y: height - op.y1 },
          end: { x: op.x2, y: height - op.y2 },
          thickness: op.thickness,
          color: color(op.color),
        });
        break;
      case 'rect':
        page.drawRectangle({
          x: op.x,
          y: height - op.y - op.height,
          width: op.width,
          height: op.height,
          color: color(op.fill),
        });
        break;
    }
  }
}
