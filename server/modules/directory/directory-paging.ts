// Page sizes and page info for the directory's keyset-paged connections.
import { ValidationError } from "../../shared/errors.ts";

const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 100;

/** `first` (default 20) capped at 100 as Pothos' array connections did; forward only, so last/before are refused. */
export function pageSizeOf(args: { first?: number | null; last?: number | null; before?: string | null }): number {
  if (args.last != null || args.before != null) {
    throw ValidationError.single("last", {
      da: "Søgningen bladrer kun fremad: brug first og after.",
      en: "The search pages forward only: use first and after.",
    });
  }
  if (args.first != null && args.first < 0) {
    throw ValidationError.single("first", {
      da: "first må ikke være negativ.",
      en: "first must not be negative.",
    });
  }
  return Math.min(args.first ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
}

export interface ForwardPageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

/** The page info of a forward-only page: there is a page before exactly when `after` was given. */
export function forwardPageInfo(edges: readonly { cursor: string }[], hasNextPage: boolean, after: string | null | undefined): ForwardPageInfo {
  return {
    hasNextPage,
    hasPreviousPage: Boolean(after),
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges.at(-1)?.cursor ?? null,
  };
}
