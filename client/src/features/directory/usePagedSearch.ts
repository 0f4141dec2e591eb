import { useCallback, useEffect, useRef, useState } from "react";

export type Page<Edge> = {
  edges: readonly Edge[];
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
};

type State<Edge> = {
  key: string;
  edges: Edge[];
  totalCount: number;
  endCursor: string | null;
  hasNextPage: boolean;
  loading: boolean;
  loadingMore: boolean;
  error: unknown;
};

/**
 * A search result list that grows with "Vis flere": the first page loads whenever `key` (the
 * search) changes, later pages are appended. Answers to an older search are dropped.
 */
export function usePagedSearch<Edge>(key: string, fetchPage: (after: string | null, signal: AbortSignal) => Promise<Page<Edge>>) {
  const [state, setState] = useState<State<Edge>>({
    key,
    edges: [],
    totalCount: 0,
    endCursor: null,
    hasNextPage: false,
    loading: true,
    loadingMore: false,
    error: null,
  });
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const controller = useRef<AbortController | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    setState((previous) => ({ ...previous, key, loading: true, loadingMore: false, error: null }));
    fetchRef.current(null, current.signal).then(
      (page) => {
        if (current.signal.aborted) return;
        setState({
          key,
          edges: [...page.edges],
          totalCount: page.totalCount,
          endCursor: page.pageInfo.endCursor ?? null,
          hasNextPage: page.pageInfo.hasNextPage,
          loading: false,
          loadingMore: false,
          error: null,
        });
      },
      (error: unknown) => {
        if (current.signal.aborted) return;
        setState((previous) => ({ ...previous, key, edges: [], totalCount: 0, hasNextPage: false, loading: false, error }));
      },
    );
    return () => current.abort();
  }, [key, attempt]);

  const loadMore = useCallback(async () => {
    const current = controller.current;
    if (!current || state.loadingMore || !state.endCursor) return;
    setState((previous) => ({ ...previous, loadingMore: true }));
    try {
      const page = await fetchRef.current(state.endCursor, current.signal);
      if (current.signal.aborted) return;
      setState((previous) => ({
        ...previous,
        edges: [...previous.edges, ...page.edges],
        totalCount: page.totalCount,
        endCursor: page.pageInfo.endCursor ?? null,
        hasNextPage: page.pageInfo.hasNextPage,
        loadingMore: false,
        error: null,
      }));
    } catch (error) {
      if (current.signal.aborted) return;
      setState((previous) => ({ ...previous, loadingMore: false, error }));
    }
  }, [state.endCursor, state.loadingMore]);

  const retry = useCallback(() => setAttempt((value) => value + 1), []);
  return { ...state, loadMore, retry };
}
