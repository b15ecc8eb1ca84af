import type { Locale } from '../../../shared/domain/profile';
import type { FontSet, FontStyle } from './fonts';
import type { PageFlow } from './page-flow';
import { wrapText } from './text-wrap';

/** Sizes and leadings in points. DejaVu Sans runs wide, so 10 pt body reads like 11 pt Helvetica. */
export const TYPE = {
  title: { size: 19, leading: 24 },
  h1: { size: 13, leading: 17 },
  h2: { size: 11, leading: 15 },
  body: { size: 10, leading: 14 },
  table: { size: 9, leading: 12 },
  small: { size: 8, leading: 10 },
} as const;

export interface LayoutContext {
  readonly flow: PageFlow;
  readonly fonts: FontSet;
  readonly locale: Locale;
}

/** Cleans text for the face, then wraps it at the measured width. */
export function wrap(ctx: LayoutContext, text: string, style: FontStyle, size: number, width: number): string[] {
  const { fonts } = ctx;
  return wrapText(fonts.clean(text, style), width, (s) => fonts.width(s, style, size));
}

/** Lines of a run that must fit together at its start: a 3-line run cannot split without a lone line. */
export function leadLines(count: number): number {
  return count <= 3 ? count : 2;
}

/**
 * Places `count` lines of equal leading, splitting across pages between lines. `draw` paints one
 * fragment (lines start..end, with `top` its upper edge, `pad` inside it above and below). A page
 * never ends with a lone first line of a split run (orphan) nor starts with a lone last line (widow).
 */
export function placeLines(
  ctx: LayoutContext,
  count: number,
  leading: number,
  draw: (start: number, end: number, top: number) => void,
  pad = 0,
): void {
  const { flow } = ctx;
  let start = 0;
  while (start < count) {
    const left = count - start;
    let fit = Math.floor((flow.remaining - 2 * pad + 0.01) / leading);
    if (fit < left) {
      if (left - fit === 1) fit = fit > 2 ? fit - 1 : 0;
      if (fit < 2 && !flow.atTop) fit = 0;
      if (flow.atTop) fit = Math.max(fit, 1);
    }
    const lines = Math.min(fit, left);
    if (lines > 0) {
      draw(start, start + lines, flow.y);
      flow.y += 2 * pad + lines * leading;
      start += lines;
    }
    if (start < count) flow.breakPage();
  }
}
