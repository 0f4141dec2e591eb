// Live updates for the inbox: the `handoverChanged` subscription over server-sent events.
// why fetch and not EventSource: EventSource cannot send the CSRF header the server requires,
// nor a POST body; a ReadableStream reader gives us the same event stream.
import { print } from "graphql";
import { useEffect, useRef } from "react";
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

const query = print(HandoverChangedSubscription);
const RETRY_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 30_000];
// why: the page's own queries go first, and tools that wait for the network to be idle (our
// screenshots) see the page settle before the never-ending stream opens. onConnected then
// reloads, so a change in between is not lost.
const FIRST_CONNECT_DELAY_MS = 4_000;

/** Splits an SSE buffer into complete events; returns them and what is left over. */
function takeEvents(buffer: string): { events: { event: string; data: string }[]; rest: string } {
  const normalised = buffer.replace(/\r\n?/g, "\n");
  const blocks = normalised.split("\n\n");
  const rest = blocks.pop() ?? "";
  const events = blocks.map((block) => {
    let event = "message";
    const data: string[] = [];
    for (const line of block.split("\n")) {
      if (line.startsWith(":")) continue;
      const colon = line.indexOf(":");
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? "" : line.slice(colon + 1).replace(/^ /, "");
      if (field === "event") event = value;
      else if (field === "data") data.push(value);
    }
    return { event, data: data.join("\n") };
  });
  return { events, rest };
}

async function listen(unitId: string, signal: AbortSignal, onChange: (change: HandoverChange) => void, onOpen: () => void): Promise<void> {
  const response = await fetch("/graphql", {
    method: "POST",
    credentials: "same-origin",
    headers: { "content-type": "application/json", accept: "text/event-stream", "x-graphql-csrf": "1" },
    body: JSON.stringify({ query, variables: { unitId } }),
    signal,
  });
  if (!response.ok || !response.body) throw new Error(`Live updates answered HTTP ${response.status}`);
  onOpen();
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    const { events, rest } = takeEvents(buffer + value);
    buffer = rest;
    for (const event of events) {
      if (event.event === "complete") return;
      if (!event.data) continue;
      const payload = JSON.parse(event.data) as { data?: { handoverChanged?: HandoverChange } | null; errors?: unknown[] };
      if (payload.errors?.length) throw new Error("The live update subscription was refused");
      if (payload.data?.handoverChanged) onChange(payload.data.handoverChanged);
    }
  }
}

/**
 * Calls `onChange` whenever one of the unit's handovers changes, for as long as the component
 * is mounted. Reconnects with growing pauses when the connection drops.
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

  useEffect(() => {
    if (!unitId) return;
    const controller = new AbortController();
    let attempt = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const opened = () => {
      attempt = 0;
      latestConnected.current?.();
    };
    const connect = () => {
      listen(unitId, controller.signal, (change) => latest.current(change), opened)
        .catch(() => undefined)
        .finally(() => {
          if (controller.signal.aborted) return;
          const delay = RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)] ?? 30_000;
          attempt += 1;
          timer = setTimeout(connect, delay);
        });
    };
    timer = setTimeout(connect, FIRST_CONNECT_DELAY_MS);
    return () => {
      controller.abort();
      if (timer) clearTimeout(timer);
    };
  }, [unitId]);
}
