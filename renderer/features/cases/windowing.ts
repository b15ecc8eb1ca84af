/**
 * The maths of a windowed list with a fixed row height: which rows to put in the DOM for a scroll
 * offset, which pages of data they need, where the keyboard moves the active row, and how far to
 * scroll so it shows. Pure functions, so a list of 10 000 rows is tested without a browser.
 */

export interface RowRange {
  /** First row to render. */
  start: number;
  /** One past the last row to render. */
  end: number;
}

export interface WindowInput {
  scrollTop: number;
  viewportHeight: number;
  rowHeight: number;
  total: number;
  /** Extra rows above and below the visible ones, so fast scrolling shows no blank band. */
  overscan: number;
}

/** Rows that intersect the viewport, widened by the overscan and clamped to the list. */
export function visibleRange({ scrollTop, viewportHeight, rowHeight, total, overscan }: WindowInput): RowRange {
  if (total <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const top = Math.max(0, scrollTop);
  const first = Math.min(total - 1, Math.floor(top / rowHeight));
  const last = Math.min(total - 1, Math.ceil((top + Math.max(0, viewportHeight)) / rowHeight) - 1);
  return { start: Math.max(0, first - overscan), end: Math.min(total, Math.max(first, last) + 1 + overscan) };
}

/** The row indexes to render: the window, plus the active row so keyboard focus never loses its element. */
export function renderedRows(range: RowRange, active: number | null): number[] {
  const rows: number[] = [];
  for (let index = range.start; index < range.end; index += 1) rows.push(index);
  if (active !== null && active >= 0 && (active < range.start || active >= range.end)) rows.push(active);
  return rows;
}

/** Pages (of `pageSize` rows, loaded with limit/offset) that hold the rows of the range. */
export function pagesFor(range: RowRange, pageSize: number): number[] {
  if (range.end <= range.start || pageSize <= 0) return [];
  const pages: number[] = [];
  for (let page = Math.floor(range.start / pageSize); page <= Math.floor((range.end - 1) / pageSize); page += 1)
    pages.push(page);
  return pages;
}

export interface NavigationInput {
  key: string;
  ctrlKey?: boolean;
  /** The active row, or null before the list was entered. */
  index: number | null;
  total: number;
  /** Rows that fit in the viewport, for Page Up and Page Down. */
  pageRows: number;
}

/**
 * Where a key moves the active row: arrows by one, Page Up/Down by a screenful, Home/End (also with
 * Ctrl) to the first and last row. Returns null for keys the list does not handle.
 */
export function nextRowIndex({ key, index, total, pageRows }: NavigationInput): number | null {
  if (total <= 0) return null;
  const current = index ?? -1;
  const last = total - 1;
  const clamp = (value: number) => Math.min(last, Math.max(0, value));
  const page = Math.max(1, pageRows - 1);
  switch (key) {
    case 'ArrowDown':
      return clamp(current + 1);
    case 'ArrowUp':
      return clamp(index === null ? 0 : current - 1);
    case 'PageDown':
      return clamp(index === null ? 0 : current + page);
    case 'PageUp':
      return clamp(current - page);
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return null;
  }
}

/** Where Left/Right move the active column within a row; null for other keys. */
export function nextColumnIndex(key: string, column: number, columns: number): number | null {
  if (columns <= 0) return null;
  if (key === 'ArrowLeft') return Math.max(0, column - 1);
  if (key === 'ArrowRight') return Math.min(columns - 1, column + 1);
  return null;
}

export interface RevealInput {
  index: number;
  scrollTop: number;
  viewportHeight: number;
  rowHeight: number;
}

/** The smallest scroll that shows the whole row: unchanged if it is already in view. */
export function scrollTopToReveal({ index, scrollTop, viewportHeight, rowHeight }: RevealInput): number {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
  return scrollTop;
}

/** Rows that fit in the viewport (at least one). */
export function rowsPerViewport(viewportHeight: number, rowHeight: number): number {
  return rowHeight > 0 ? Math.max(1, Math.floor(viewportHeight / rowHeight)) : 1;
}
