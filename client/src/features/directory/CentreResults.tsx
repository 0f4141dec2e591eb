import { useCallback, useEffect, useRef } from "react";
import { graphql, request, requestErrorMessage } from "../../graphql.ts";
import { useT } from "../../i18n/i18n.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { Button } from "../../ui/Button.tsx";
import { EmptyState } from "../../ui/EmptyState.tsx";
import { LoadingRegion } from "../../ui/Spinner.tsx";
import { CentreResultCard, CentreResultFields } from "./CentreResultCard.tsx";
import { SafetyNetPanel } from "./SafetyNetPanel.tsx";
import { centreFilter, type CentreSearch } from "./searchParams.ts";
import { usePagedSearch } from "./usePagedSearch.ts";

const PAGE_SIZE = 10;

const CentreSearchQuery = graphql(
  `
    query CentreSearch($filter: CentreFilter, $first: Int, $after: String) {
      centres(filter: $filter, first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { ...CentreResultFields }
      }
    }
  `,
  [CentreResultFields],
);

export function CentreResults({ search }: { search: CentreSearch }) {
  const t = useT();
  const filter = centreFilter(search);
  const key = JSON.stringify(filter);
  const fetchPage = useCallback(
    async (after: string | null, signal: AbortSignal) =>
      (await request(CentreSearchQuery, { filter, first: PAGE_SIZE, after }, { signal })).centres,
    // `filter` is rebuilt every render; `key` says when it really changed.
    [key],
  );
  const results = usePagedSearch(key, fetchPage);
  const focusIndex = useRef<number | null>(null);

  useEffect(() => {
    // After "Vis flere", continue reading at the first new result instead of at the button.
    if (focusIndex.current === null || results.loadingMore) return;
    document.getElementById(`centre-result-${focusIndex.current}`)?.focus();
    focusIndex.current = null;
  }, [results.edges.length, results.loadingMore]);

  const showMore = () => {
    focusIndex.current = results.edges.length;
    void results.loadMore();
  };

  const count =
    t("directory.search.resultCount", { count: results.totalCount });

  return (
    <section className="search-results" aria-labelledby="centre-results-title">
      <h2 id="centre-results-title" tabIndex={-1}>{t("directory.search.resultsTitle")}</h2>
      <LoadingRegion busy={results.loading} label={t("directory.search.loading")}>
        <p role="status" className="search-results__count">
          {!results.loading && !results.error ? count : ""}
        </p>
        {results.error != null && (
          <Alert tone="error">
            <p>{t("directory.search.loadFailed", { message: requestErrorMessage(results.error, t) })}</p>
            <Button variant="secondary" onClick={results.retry}>
              {t("common.retry")}
            </Button>
          </Alert>
        )}
        {!results.loading && !results.error && results.edges.every((edge) => !edge.node.openingStatus.isOpen) && (
          <SafetyNetPanel headingLevel={3} />
        )}
        {!results.loading && !results.error && results.edges.length === 0 && (
          <EmptyState title={t("directory.search.noResults")} headingLevel={3}>
            <p>{t("directory.search.noResultsBody")}</p>
          </EmptyState>
        )}
        {results.edges.length > 0 && (
          <ul className="result-list">
            {results.edges.map((edge, index) => (
              <CentreResultCard key={edge.node.id} result={edge} headingId={`centre-result-${index}`} />
            ))}
          </ul>
        )}
        {results.edges.length > 0 && results.totalCount > results.edges.length && (
          <p className="search-results__more">
            <span className="search-results__shown">
              {t("directory.search.showingOf", { shown: results.edges.length, total: results.totalCount })}
            </span>
            {results.hasNextPage && (
              <Button variant="secondary" onClick={showMore} busy={results.loadingMore}>
                {t("directory.search.showMore")}
              </Button>
            )}
          </p>
        )}
      </LoadingRegion>
    </section>
  );
}
