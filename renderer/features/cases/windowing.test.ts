import { describe, expect, it } from 'vitest';
import {
  nextColumnIndex,
  nextRowIndex,
  pagesFor,
  renderedRows,
  rowsPerViewport,
  scrollTopToReveal,
  visibleRange,
} from './windowing';

const ROW = 44;

describe('which case rows are in the DOM', () => {
  it('renders only the rows in view plus the overscan at the top of 10 000 cases', () => {
    expect(visibleRange({ scrollTop: 0, viewportHeight: 440, rowHeight: ROW, total: 10_000, overscan: 5 })).toEqual({
      start: 0,
      end: 15,
    });
  });

  it('follows the scroll offset deep into the list, including a row cut in half at the top', () => {
    // 220 000 px down is row 5000; 20 px more leaves row 5000 half visible and adds row 5010 at the bottom.
    expect(
      visibleRange({ scrollTop: 5000 * ROW + 20, viewportHeight: 440, rowHeight: ROW, total: 10_000, overscan: 5 }),
    ).toEqual({
      start: 4995,
      end: 5016,
    });
  });

  it('stops at the last case when scrolled to the end', () => {
    const scrollTop = 10_000 * ROW - 440;
    expect(visibleRange({ scrollTop, viewportHeight: 440, rowHeight: ROW, total: 10_000, overscan: 5 })).toEqual({
      start: 9985,
      end: 10_000,
    });
  });

  it('renders nothing for an empty list and clamps a scroll offset left over from a longer list', () => {
    expect(visibleRange({ scrollTop: 0, viewportHeight: 440, rowHeight: ROW, total: 0, overscan: 5 })).toEqual({
      start: 0,
      end: 0,
    });
    expect(visibleRange({ scrollTop: 90_000, viewportHeight: 440, rowHeight: ROW, total: 3, overscan: 5 })).toEqual({
      start: 0,
      end: 3,
    });
  });

  it('keeps the active row rendered when it is scrolled out of view, so focus is not lost', () => {
    expect(renderedRows({ start: 10, end: 13 }, 500)).toEqual([10, 11, 12, 500]);
    expect(renderedRows({ start: 10, end: 13 }, 11)).toEqual([10, 11, 12]);
  });

  it('asks for the pages of 100 rows that the window touches, once each', () => {
    expect(pagesFor({ start: 95, end: 115 }, 100)).toEqual([0, 1]);
    expect(pagesFor({ start: 4995, end: 5016 }, 100)).toEqual([49, 50]);
    expect(pagesFor({ start: 0, end: 0 }, 100)).toEqual([]);
  });
});

describe('moving through the case list with the keyboard', () => {
  const at = (key: string, index: number | null, total = 10_000) => nextRowIndex({ key, index, total, pageRows: 10 });

  it('moves one row with the arrow keys and stops at both ends', () => {
    expect(at('ArrowDown', 4)).toBe(5);
    expect(at('ArrowUp', 4)).toBe(3);
    expect(at('ArrowUp', 0)).toBe(0);
    expect(at('ArrowDown', 9999)).toBe(9999);
  });

  it('enters the list on the first row from any key before a row is active', () => {
    expect(at('ArrowDown', null)).toBe(0);
    expect(at('ArrowUp', null)).toBe(0);
    expect(at('PageDown', null)).toBe(0);
  });

  it('jumps to the first and last case with Home and End', () => {
    expect(at('Home', 7000)).toBe(0);
    expect(at('End', 3)).toBe(9999);
  });

  it('moves a screenful less one row with Page Up and Page Down, keeping one row of context', () => {
    expect(at('PageDown', 0)).toBe(9);
    expect(at('PageUp', 20)).toBe(11);
    expect(at('PageUp', 3)).toBe(0);
  });

  it('ignores other keys and an empty list', () => {
    expect(at('a', 3)).toBeNull();
    expect(at('ArrowDown', null, 0)).toBeNull();
  });

  it('moves between columns with Left and Right, within the row', () => {
    expect(nextColumnIndex('ArrowRight', 0, 6)).toBe(1);
    expect(nextColumnIndex('ArrowRight', 5, 6)).toBe(5);
    expect(nextColumnIndex('ArrowLeft', 0, 6)).toBe(0);
    expect(nextColumnIndex('Enter', 2, 6)).toBeNull();
  });

  it('scrolls just enough to show the active row, and not at all when it is in view', () => {
    expect(scrollTopToReveal({ index: 20, scrollTop: 0, viewportHeight: 440, rowHeight: ROW })).toBe(21 * ROW - 440);
    expect(scrollTopToReveal({ index: 2, scrollTop: 10 * ROW, viewportHeight: 440, rowHeight: ROW })).toBe(2 * ROW);
    expect(scrollTopToReveal({ index: 5, scrollTop: 0, viewportHeight: 440, rowHeight: ROW })).toBe(0);
  });

  it('counts the rows of a screen for paging, at least one', () => {
    expect(rowsPerViewport(440, ROW)).toBe(10);
    expect(rowsPerViewport(10, ROW)).toBe(1);
  });
});
