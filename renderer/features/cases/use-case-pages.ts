import { useCallback, useEffect, useRef, useState } from 'react';
import type { CaseStatus, GradingLevel } from '../../../shared/domain';
import type { CaseRow } from '../../../shared/ipc/cases';
import type { IpcError } from '../../../shared/ipc/result';
import { api } from '../../lib/api';
import { pagesFor, type RowRange } from './windowing';

export const PAGE_SIZE = 100;

export type CaseSort = 'reference' | 'updated' | 'release';

export interface CaseQuery {
  query: string;
  unit: string;
  status: CaseStatus | '';
  grading: GradingLevel | '';
  sort: CaseSort;
}

export interface CasePages {
  /** Matching cases; null until the first page of a query has arrived. */
  total: number | null;
  /** True while the first page of the current query is on its way. */
  loading: boolean;
  error: IpcError | null;
  /** Changes whenever the query changes, so the list can scroll back to the top. */
  generation: number;
  rowAt(index: number): CaseRow | undefined;
  /** Loads the pages the range needs that are not loaded or on their way. */
  ensure(range: RowRange): void;
  retry(): void;
}

function listInput(query: CaseQuery, page: number) {
  const text = query.query.trim();
  return {
    ...(text ? { query: text } : {}),
    ...(query.unit ? { unit: query.unit } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(query.grading ? { grading: query.grading } : {}),
    sort: query.sort,
    limit: PAGE_SIZE,
    offset: page * PAGE_SIZE,
  };
}

/**
 * Pages of the case list, loaded on demand with limit/offset and kept while the query stays the
 * same. An answer to an older query is dropped. The previous total is kept until the new one
 * arrives, so the list keeps its height while the filters change.
 */
export function useCasePages(query: CaseQuery): CasePages {
  const key = JSON.stringify(query);
  const cache = useRef({ key, query, pages: new Map<number, CaseRow[]>(), pending: new Set<number>() });
  const [, setVersion] = useState(0);
  const [total, setTotal] = useState<number | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<IpcError | null>(null);
  const [generation, setGeneration] = useState(0);

  const load = useCallback((page: number) => {
    const state = cache.current;
    if (state.pages.has(page) || state.pending.has(page)) return;
    state.pending.add(page);
    const askedFor = state.key;
    void api.invoke('cases.list', listInput(state.query, page)).then((result) => {
      if (cache.current.key !== askedFor) return;
      cache.current.pending.delete(page);
      if (!result.ok) {
        setError(result.error);
        setLoading(false);
        return;
      }
      cache.current.pages.set(page, result.value.rows);
      setTotal(result.value.total);
      setError(null);
      setLoading(false);
      setVersion((v) => v + 1);
    });
  }, []);

  // The latest query, read by the effect below; effects run in order, so this one runs first.
  const latest = useRef(query);
  useEffect(() => {
    latest.current = query;
  });

  useEffect(() => {
    cache.current = { key, query: latest.current, pages: new Map(), pending: new Set() };
    setLoading(true);
    setGeneration((g) => g + 1);
    load(0);
  }, [key, load]);

  const rowAt = useCallback(
    (index: number) => cache.current.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    [],
  );
  const ensure = useCallback((range: RowRange) => pagesFor(range, PAGE_SIZE).forEach(load), [load]);
  const retry = useCallback(() => {
    cache.current = { ...cache.current, pages: new Map(), pending: new Set() };
    setError(null);
    setLoading(true);
    load(0);
  }, [load]);

  return { total, loading, error, generation, rowAt, ensure, retry };
}
