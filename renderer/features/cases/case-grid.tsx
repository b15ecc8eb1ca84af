import {
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import type { CaseRow } from '../../../shared/ipc/cases';
import { useI18n } from '../../app/i18n';
import { CASE_STATUS_KEY } from './case-labels';
import { formatIsoDate } from '../../lib/format';
import { GradingBadge } from './grading-badge';
import type { CaseSort } from './use-case-pages';
import {
  nextColumnIndex,
  nextRowIndex,
  renderedRows,
  rowsPerViewport,
  scrollTopToReveal,
  visibleRange,
} from './windowing';

/** Fixed row height in px; .case-grid-row in cases.css has the same height. */
export const ROW_HEIGHT = 44;
const OVERSCAN = 8;

const COLUMNS = [
  { id: 'reference', label: 'cases.column.reference', sort: 'reference' },
  { id: 'name', label: 'cases.column.name' },
  { id: 'unit', label: 'cases.column.unit' },
  { id: 'status', label: 'cases.column.status' },
  { id: 'release', label: 'cases.column.release', sort: 'release' },
  { id: 'grading', label: 'cases.column.grading' },
] as const satisfies readonly { id: string; label: string; sort?: CaseSort }[];

type ColumnId = (typeof COLUMNS)[number]['id'];

export interface CaseGridProps {
  total: number;
  busy: boolean;
  sort: CaseSort;
  /** Changes when the query changes: the list goes back to the top. */
  generation: number;
  rowAt(index: number): CaseRow | undefined;
  ensure(range: { start: number; end: number }): void;
  onOpen(row: CaseRow): void;
}

interface Active {
  row: number;
  column: number;
}

function CellContent({ row, column }: { row: CaseRow; column: ColumnId }): ReactNode {
  const { t, locale } = useI18n();
  switch (column) {
    case 'reference':
      return <span className="case-reference">{row.caseReference}</span>;
    case 'name':
      return row.name;
    case 'unit':
      return row.unit;
    case 'status':
      return t(CASE_STATUS_KEY[row.status]);
    case 'release':
      return row.expectedReleaseDate ? (
        formatIsoDate(locale, row.expectedReleaseDate)
      ) : (
        <>
          <span aria-hidden="true">–</span>
          <span className="visually-hidden">{t('cases.list.noReleaseDate')}</span>
        </>
      );
    case 'grading':
      return <GradingBadge level={row.grading} />;
  }
}

/** Shown while the first page is on its way, so the list does not jump when it arrives. */
function PlaceholderRows() {
  return (
    <div aria-hidden="true">
      {Array.from({ length: 8 }, (_, index) => (
        <div key={index} className="case-grid-row case-grid-data" style={{ top: index * ROW_HEIGHT }}>
          {COLUMNS.map((column) => (
            <div key={column.id} className={`case-grid-cell case-grid-col-${column.id}`}>
              <span className="skeleton" />
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}

/**
 * The case list as an ARIA grid with a window of rows: only the rows in view (and the active one)
 * are in the DOM, each absolutely placed at index × row height. One cell is in the tab order; arrow
 * keys, Page Up/Down and Home/End move it, Enter opens the case.
 */
export function CaseGrid({ total, busy, sort, generation, rowAt, ensure, onOpen }: CaseGridProps) {
  const { t } = useI18n();
  const base = `grid${useId().replace(/:/g, '')}`;
  const body = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(ROW_HEIGHT * 12);
  const [active, setActive] = useState<Active | null>(null);
  const focusWanted = useRef(false);

  useLayoutEffect(() => {
    const element = body.current;
    if (!element) return undefined;
    const observer = new ResizeObserver(() => setViewport(element.clientHeight));
    observer.observe(element);
    setViewport(element.clientHeight);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (body.current) body.current.scrollTop = 0;
    setScrollTop(0);
    setActive(null);
  }, [generation]);

  const range = visibleRange({ scrollTop, viewportHeight: viewport, rowHeight: ROW_HEIGHT, total, overscan: OVERSCAN });
  const activeRow = active && active.row < total ? active : null;
  const tabbable = activeRow ?? (total > 0 ? { row: range.start, column: 0 } : null);
  const rows = renderedRows(range, activeRow?.row ?? null);

  const { start, end } = range;
  useEffect(() => ensure({ start, end }), [ensure, start, end]);

  useLayoutEffect(() => {
    if (!focusWanted.current || !activeRow) return;
    focusWanted.current = false;
    document.getElementById(`${base}-r${activeRow.row}-c${activeRow.column}`)?.focus();
  });

  const moveTo = useCallback((next: Active) => {
    const element = body.current;
    if (element) {
      const top = scrollTopToReveal({
        index: next.row,
        scrollTop: element.scrollTop,
        viewportHeight: element.clientHeight,
        rowHeight: ROW_HEIGHT,
      });
      if (top !== element.scrollTop) {
        element.scrollTop = top;
        setScrollTop(top);
      }
    }
    focusWanted.current = true;
    setActive(next);
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const current = activeRow ?? tabbable;
    if (!current) return;
    if (event.key === 'Enter') {
      const row = rowAt(current.row);
      if (row) {
        event.preventDefault();
        onOpen(row);
      }
      return;
    }
    const column = nextColumnIndex(event.key, current.column, COLUMNS.length);
    const rowIndex =
      column === null
        ? nextRowIndex({ key: event.key, index: current.row, total, pageRows: rowsPerViewport(viewport, ROW_HEIGHT) })
        : null;
    if (column === null && rowIndex === null) return;
    event.preventDefault();
    moveTo({ row: rowIndex ?? current.row, column: column ?? current.column });
  };

  return (
    <div
      role="grid"
      className="case-grid"
      aria-label={t('cases.list.gridLabel')}
      aria-rowcount={total + 1}
      aria-colcount={COLUMNS.length}
      aria-busy={busy || undefined}
      data-testid="case-grid"
    >
      <div role="rowgroup" className="case-grid-head">
        <div role="row" aria-rowindex={1} className="case-grid-row">
          {COLUMNS.map((column, index) => (
            <div
              key={column.id}
              role="columnheader"
              aria-colindex={index + 1}
              aria-sort={'sort' in column && column.sort === sort ? 'ascending' : undefined}
              className={`case-grid-cell case-grid-col-${column.id}`}
            >
              {t(column.label)}
            </div>
          ))}
        </div>
      </div>
      <div
        role="rowgroup"
        ref={body}
        className="case-grid-body"
        onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
        onKeyDown={onKeyDown}
      >
        <div className="case-grid-spacer" aria-hidden="true" style={{ height: total * ROW_HEIGHT }} />
        {total === 0 && busy ? <PlaceholderRows /> : null}
        {rows.map((index) => {
          const row = rowAt(index);
          return (
            <div
              key={index}
              role="row"
              aria-rowindex={index + 2}
              aria-busy={row ? undefined : true}
              className={`case-grid-row case-grid-data${activeRow?.row === index ? ' case-grid-row-active' : ''}`}
              style={{ top: index * ROW_HEIGHT }}
              data-testid="case-row"
              data-case-id={row?.id}
              onClick={() => row && onOpen(row)}
            >
              {COLUMNS.map((column, col) => (
                <div
                  key={column.id}
                  id={`${base}-r${index}-c${col}`}
                  role="gridcell"
                  aria-colindex={col + 1}
                  tabIndex={tabbable && tabbable.row === index && tabbable.column === col ? 0 : -1}
                  className={`case-grid-cell case-grid-col-${column.id}`}
                  onFocus={() =>
                    (activeRow?.row !== index || activeRow.column !== col) && setActive({ row: index, column: col })
                  }
                >
                  {row ? <CellContent row={row} column={column.id} /> : <span className="skeleton" />}
                </div>
              ))}
            </div>
          );
        })}
      </div>
    </div>
  );
}
