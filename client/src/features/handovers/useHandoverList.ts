// One inbox list (received or sent) with Relay pagination: the first page loads with the
// filter, "Vis flere" appends the next page, and refresh() reloads everything shown so far.
import { useCallback, useEffect, useRef, useState } from "react";
import { graphql, request, RequestError, type FragmentOf } from "../../graphql.ts";
import { HandoverListItemFragment } from "./HandoverListItem.tsx";
import type { HandoverKind, HandoverStatus } from "./labels.ts";

export const PAGE_SIZE = 20;

const ReceivedHandoversQuery = graphql(
  `
    query ReceivedHandovers($unitId: ID!, $filter: HandoverFilter, $first: Int, $after: String) {
      handovers: receivedHandovers(unitId: $unitId, filter: $filter, first: $first, after: $after) {
        totalCount
        totalCountIsCapped
        pageInfo { hasNextPage endCursor }
        edges { cursor node { id ...HandoverListItem } }
      }
    }
  `,
  [HandoverListItemFragment],
);

const SentHandoversQuery = graphql(
  `
    query SentHandovers($unitId: ID!, $filter: HandoverFilter, $first: Int, $after: String) {
      handovers: sentHandovers(unitId: $unitId, filter: $filter, first: $first, after: $after) {
        totalCount
        totalCountIsCapped
        pageInfo { hasNextPage endCursor }
        edges { cursor node { id ...HandoverListItem } }
      }
    }
  `,
  [HandoverListItemFragment],
);

export type InboxSide = "received" | "sent";
export type InboxFilter = { statuses: readonly HandoverStatus[]; kinds: readonly HandoverKind[] };
export type InboxNode = { id: string } & FragmentOf<typeof HandoverListItemFragment>;

type Page = { totalCount: number; totalCountIsCapped: boolean; hasNextPage: boolean; endCursor: string | null | undefined; nodes: InboxNode[] };

type ListState = {
  page: Page | null;
  loading: boolean;
  loadingMore: boolean;
  error: RequestError | null;
};

async function fetchPage(side: InboxSide, unitId: string, filter: InboxFilter, first: number, after: string | null, signal?: AbortSignal): Promise<Page> {
  const variables = {
    unitId,
    filter: { statuses: [...filter.statuses], kinds: [...filter.kinds] },
    first,
    after,
  };
  const data =
    side === "received"
      ? await request(ReceivedHandoversQuery, variables, { signal })
      : await request(SentHandoversQuery, variables, { signal });
  const connection = data.handovers;
  return {
    totalCount: connection.totalCount,
    totalCountIsCapped: connection.totalCountIsCapped,
    hasNextPage: connection.pageInfo.hasNextPage,
    endCursor: connection.pageInfo.endCursor,
    nodes: connection.edges.map((edge) => edge.node),
  };
}

function asRequestError(error: unknown): RequestError {
  return error instanceof RequestError ? error : new RequestError("network", String(error), { cause: error });
}

export function useHandoverList(side: InboxSide, unitId: string, filter: InboxFilter) {
  const [state, setState] = useState<ListState>({ page: null, loading: true, loadingMore: false, error: null });
  const controller = useRef<AbortController | null>(null);
  const shown = useRef(0);
  const filterKey = JSON.stringify(filter);

  const load = useCallback(
    async (first: number, silent = false) => {
      controller.current?.abort();
      const current = new AbortController();
      controller.current = current;
      // A live refresh keeps the list on screen instead of flashing a spinner at every change.
      if (!silent) setState((previous) => ({ ...previous, loading: true, error: null }));
      try {
        const page = await fetchPage(side, unitId, JSON.parse(filterKey) as InboxFilter, first, null, current.signal);
        if (current.signal.aborted) return;
        shown.current = page.nodes.length;
        setState({ page, loading: false, loadingMore: false, error: null });
      } catch (error) {
        if (current.signal.aborted) return;
        setState((previous) => ({ ...previous, loading: false, error: asRequestError(error) }));
      }
    },
    [side, unitId, filterKey],
  );

  useEffect(() => {
    shown.current = 0;
    setState({ page: null, loading: true, loadingMore: false, error: null });
    void load(PAGE_SIZE);
    return () => controller.current?.abort();
  }, [load]);

  /** Reloads as many items as are shown now, e.g. after a live update. */
  const refresh = useCallback(() => load(Math.max(PAGE_SIZE, shown.current), true), [load]);

  const loadMore = useCallback(async () => {
    const page = state.page;
    if (!page?.hasNextPage || state.loadingMore) return;
    setState((previous) => ({ ...previous, loadingMore: true, error: null }));
    try {
      const next = await fetchPage(side, unitId, JSON.parse(filterKey) as InboxFilter, PAGE_SIZE, page.endCursor ?? null);
      setState((previous) => {
        if (!previous.page) return previous;
        const known = new Set(previous.page.nodes.map((node) => node.id));
        const nodes = [...previous.page.nodes, ...next.nodes.filter((node) => !known.has(node.id))];
        shown.current = nodes.length;
        return { ...previous, loadingMore: false, page: { ...next, nodes } };
      });
    } catch (error) {
      setState((previous) => ({ ...previous, loadingMore: false, error: asRequestError(error) }));
    }
  }, [side, unitId, filterKey, state.page, state.loadingMore]);

  return { ...state, refresh, loadMore };
}
