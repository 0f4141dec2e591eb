// Live updates for the inbox: the `handoverChanged` subscription, which urql's
// subscriptionExchange carries over server-sent events (graphql-client.tsx).
import { useEffect, useMemo, useRef } from "react";
import { useSubscription } from "urql";
import type { LiveUpdateContext } from "../../graphql-client.tsx";
import { graphql, type ResultOf } from "../../graphql.ts";

const HandoverChangedSubscription = graphql(`
  subscription HandoverChanged($unitId: ID!) {
    handoverChanged(unitId: $unitId) {
      handoverId
      unitId
      status
    }
  }
`);

export type HandoverChange = ResultOf<typeof HandoverChangedSubscription>["handoverChanged"];

/**
 * Calls `onChange` whenever one of the unit's handovers changes, for as long as the component
 * is mounted. The connection comes back by itself, with growing pauses, when it drops.
 */
export function useHandoverChanged(
  unitId: string | null | undefined,
  onChange: (change: HandoverChange) => void,
  /** Called each time the stream opens (first time and after a drop): changes before it may have been missed, so reload. */
  onConnected?: () => void,
): void {
  const latest = useRef(onChange);
  const latestConnected = useRef(onConnected);
  useEffect(() => {
    latest.current = onChange;
    latestConnected.current = onConnected;
  }, [onChange, onConnected]);

  // urql restarts a subscription whose context changes, so the context is made once.
  const context = useMemo<LiveUpdateContext>(() => ({ onConnected: () => latestConnected.current?.() }), []);
  useSubscription({ query: HandoverChangedSubscription, variables: { unitId: unitId ?? "" }, pause: !unitId, context }, (_previous, data) => {
    latest.current(data.handoverChanged);
    return data;
  });
}
