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
export function useHandoverChanged(unitId: string | null | undefined, onChange: (change: HandoverChange) => void): void {
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  }, [onChange]);

  useEffect(() => {
    if (!unitId) return;
    const controller = new AbortController();
    let attempt = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const connect = () => {
      listen(unitId, controller.signal, (change) => latest.current(change), () => (attempt = 0))
        .catch(() => undefined)
        .finally(() => {
          if (controller.signal.aborted) return;
          const delay = RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)] ?? 30_000;
          attempt += 1;
          timer = setTimeout(connect, delay);
        });
    };
    connect();
    return () => {
      controller.abort();
      if (timer) clearTimeout(timer);
    };
  }, [unitId]);
}
