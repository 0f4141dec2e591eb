// The urql client every screen talks through: queries and mutations over fetch, the
// `handoverChanged` subscription over server-sent events (graphql-sse in "distinct connections
// mode", which is what graphql-yoga serves), and urql's document cache, which refetches the
// queries showing a type whenever a mutation's result contains that type.
import type { Client as SseClient } from "graphql-sse";
import { useSyncExternalStore, type ReactNode } from "react";
import { cacheExchange, Client, fetchExchange, Provider, subscriptionExchange } from "urql";

const GRAPHQL_ENDPOINT = "/graphql";

// why: the server's CSRF prevention only accepts requests carrying this header, which a
// cross-site form or simple request cannot set.
const CSRF_HEADERS = { "x-graphql-csrf": "1" };

const RECONNECT_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 30_000];
// why: the page's own queries go first, and tools that wait for the network to be idle (our
// screenshots) see the page settle before the never-ending stream opens. A subscriber's
// `connected` listener then reloads, so a change in between is not lost.
const FIRST_CONNECT_DELAY_MS = 4_000;

/** Listeners a subscription may pass in its operation context, e.g. to reload once connected. */
export type LiveUpdateContext = { onConnected?: (reconnected: boolean) => void };

let liveUpdates: Promise<SseClient> | undefined;

// why: only the handover screens listen, so graphql-sse loads with their first subscription
// instead of with the first page.
function liveUpdatesClient(): Promise<SseClient> {
  liveUpdates ??= import("graphql-sse").then(({ createClient }) =>
    createClient({
      url: GRAPHQL_ENDPOINT,
      credentials: "same-origin",
      headers: CSRF_HEADERS,
      // Live updates keep trying for as long as a page listens, with growing pauses.
      retryAttempts: Number.POSITIVE_INFINITY,
      retry: (retries) =>
        new Promise((resolve) => setTimeout(resolve, RECONNECT_DELAYS_MS[Math.min(retries, RECONNECT_DELAYS_MS.length - 1)])),
    }),
  );
  return liveUpdates;
}

function createGraphQLClient(): Client {
  return new Client({
    url: GRAPHQL_ENDPOINT,
    // Screens show what the cache has at once and still ask the server, as they did before the cache.
    requestPolicy: "cache-and-network",
    // POST like every other request, so the server sees one kind of GraphQL request.
    preferGetMethod: false,
    fetchOptions: { credentials: "same-origin", headers: CSRF_HEADERS },
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request, operation) => ({
          subscribe(sink) {
            const { onConnected } = operation.context as LiveUpdateContext;
            let isActive = true;
            let dispose = () => {};
            const timer = setTimeout(() => {
              void liveUpdatesClient().then((client) => {
                if (isActive) dispose = client.subscribe({ ...request, query: request.query ?? "" }, sink, { connected: onConnected });
              });
            }, FIRST_CONNECT_DELAY_MS);
            return {
              unsubscribe() {
                isActive = false;
                clearTimeout(timer);
                dispose();
              },
            };
          },
        }),
      }),
    ],
  });
}

// One client per session: signing in or out, or switching unit, starts a new one, so nothing
// cached for the previous session can be shown in the next (urql's way to empty its cache).
let currentClient = createGraphQLClient();
const clientListeners = new Set<() => void>();

/** The client of the current session, for requests made outside React's render. */
export function graphQLClient(): Client {
  return currentClient;
}

/**
 * Starts a new session's client. `prepare` runs against it before any screen sees it, e.g. to
 * load the viewer, so screens never render the new session half-known.
 */
export async function startNewSession(prepare: (client: Client) => Promise<unknown>): Promise<void> {
  const next = createGraphQLClient();
  await prepare(next);
  currentClient = next;
  for (const listener of clientListeners) listener();
}

function subscribeToClient(listener: () => void): () => void {
  clientListeners.add(listener);
  return () => clientListeners.delete(listener);
}

export function GraphQLProvider({ children }: { children: ReactNode }) {
  const client = useSyncExternalStore(subscribeToClient, graphQLClient);
  return <Provider value={client}>{children}</Provider>;
}
