import type { FontStyle } from './fonts';

/** A4 in points, with 20 mm side margins. The body sits between the running header and footer. */
export const PAGE = {
  width: 595.28,
  height: 841.89,
  marginX: 56.69,
  bodyTop: 78,
  bodyBottom: 841.89 - 76,
} as const;
export const BODY_WIDTH = PAGE.width - 2 * PAGE.marginX;

export type Rgb = readonly [number, number, number];
export const INK: Rgb = [0.11, 0.12, 0.14];
export const MUTED: Rgb = [0.36, 0.38, 0.42];
export const RULE: Rgb = [0.72, 0.74, 0.77];
export const SHADE: Rgb = [0.93, 0.94, 0.95];

/**
 * What layout produces and the painter draws. Coordinates run from the page's top-left corner
 * downwards (y = distance from the top); text y is the baseline.
 */
export type DrawOp =
  | { op: 'text'; x: number; y: number; text: string; style: FontStyle; size: number; color: Rgb }
  | { op: 'line'; x1: number; y1: number; x2: number; y2: number; thickness: number; color: Rgb }
  | { op: 'rect'; x: number; y: number; width: number; height: number; fill: Rgb };

/** Baseline offset that centres cap-height text in a line box (DejaVu caps are 0.73 em). */
export function baselineIn(lineHeight: number, size: number): number {
  return (lineHeight + 0.73 * size) / 2;
}

/**
 * The vertical cursor through the pages. Layout asks `fits(h)` before placing something that must
 * not be cut, and `breakPage()` otherwise; `space()` collapses at the top of a page so a heading
 * that starts a page sits flush with the body top.
 */
export class PageFlow {
  readonly pages: DrawOp[][] = [[]];
  y: number = PAGE.bodyTop;

  get ops(): DrawOp[] {
    return this.pages[this.pages.length - 1] as DrawOp[];
  }

  get atTop(): boolean {
    return this.y <= PAGE.bodyTop;
  }

  get remaining(): number {
    return PAGE.bodyBottom - this.y;
  }

  fits(height: number): boolean {
    return height <= this.remaining + 0.01;
  }

  breakPage(): void {
    this.pages.push([]);
    this.y = PAGE.bodyTop;
  }

  /** Starts a new page unless `height` fits here or the page is still empty. */
  ensure(height: number): void {
    if (!this.fits(height) && !this.atTop) this.breakPage();
  }

  space(height: number): void {
    if (!this.atTop) this.y = Math.min(this.y + height, PAGE.bodyBottom);
  }

  text(
    x: number,
    lineTop: number,
    lineHeight: number,
    text: string,
    style: FontStyle,
    size: number,
    color: Rgb = INK,
  ): void {
    if (text.trim() === '') return;
    this.ops.push({ op: 'text', x, y: lineTop + baselineIn(lineHeight, size), text, style, size, color });
  }

  hline(x1: number, x2: number, y: number, thickness = 0.5, color: Rgb = RULE): void {
    this.ops.push({ op: 'line', x1, y1: y, x2, y2: y, thickness, color });
  }

  rect(x: number, y: number, width: number, height: number, fill: Rgb): void {
    this.ops.push({ op: 'rect', x, y, width, height, fill });
  }
}
