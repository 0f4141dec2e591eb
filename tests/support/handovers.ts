// Typed documents and helpers for the handover tests: create a handover, move it through its
// life cycle, read it, and listen to its live changes.
import { print } from "graphql";
import { expect } from "vitest";
import { CSRF_HEADER } from "../../server/app.ts";
import type { Caller, GraphQLResponse } from "./app.ts";
import { dataOf } from "./app.ts";
import { graphql, run, runError, runOk, type ResultOf } from "./graphql.ts";
import type { HandoverWorld } from "./world.ts";

export const HandoverFields = graphql(`
  fragment HandoverFields on Handover @_unmask {
    id code kind status purpose helpCategories wish urgency preferredChannel preferredContactTime languageNeeds
    proposedMeetingAt proposedMeetingPlace proposedVisit { id startsAt centreName }
    outcome declineReason suggestion createdAt sentAt firstResponseAt closedAt expiresAt personalDataPurgedAt
    fromUnit { id name } toUnit { id name }
    hasConsent consent { fields purpose method validUntil withdrawnAt }
    events { type fromStatus toStatus at note actorUnit { id name } actorUserName }
    allowedActions isUnread viewerIsSender viewerIsReceiver
  }
`);

/** Spread into a result union next to `__typename`: what every Error member says. */
export const ErrorFields = graphql(`
  fragment ErrorFields on Error @_unmask {
    code message messageDa
    ... on ValidationError { issues { field message } }
    ... on CprRefusedError { fields }
  }
`);

/** The handover as HandoverFields selects it. */
export type Handover = ResultOf<typeof HandoverFields>;

/** The same selection as text, for tests that write their own documents around it. */
export const HANDOVER_FIELDS = print(HandoverFields).replace(/^[^{]*\{/, "").replace(/\}\s*$/, "");
export const ERROR_FIELDS = `__typename ... on Error { code message messageDa } ... on ValidationError { issues { field message } } ... on CprRefusedError { fields }`;

const CreateHandover = graphql(
  `
  mutation CreateHandover($input: CreateHandoverInput!) {
    createHandover(input: $input) {
      __typename
      ...ErrorFields
      ... on ConsentMissingError { field }
      ... on CreateHandoverSuccess { data { ...HandoverFields } }
    }
  }
`,
  [ErrorFields, HandoverFields],
);

/** Sends createHandover with any input, valid or not (validation tests send broken ones). */
export function createHandoverRaw(caller: Caller, input: Record<string, unknown>) {
  return run(caller, CreateHandover, { input: input as never });
}

/** Creates a handover from exactly this input and asserts success; returns it. */
export async function createHandoverOk(caller: Caller, input: Record<string, unknown>): Promise<Handover> {
  const result = (await runOk(caller, CreateHandover, { input: input as never })).createHandover;
  if (result.__typename !== "CreateHandoverSuccess") expect.fail(JSON.stringify(result));
  return result.data;
}

/** Sends createHandover and asserts it fails with the expected error type; returns that error. */
export function createHandoverError<Expected extends Exclude<ResultOf<typeof CreateHandover>["createHandover"]["__typename"], "CreateHandoverSuccess">>(
  caller: Caller,
  input: Record<string, unknown>,
  expected: Expected,
) {
  return runError(caller, CreateHandover, { input: input as never }, expected);
}

/** Creates a handover from the world's centre to its service and asserts success. */
export async function createHandover(caller: Caller, world: HandoverWorld, input: Record<string, unknown> = {}): Promise<Handover> {
  const result = dataOf(
    await createHandoverRaw(caller, {
      fromUnitId: world.centreUnitId,
      toUnitId: world.serviceUnitId,
      purpose: "Hjælp til at finde en bolig",
      helpCategories: ["HOUSING"],
      ...input,
    }),
  ).createHandover;
  if (result.__typename !== "CreateHandoverSuccess") expect.fail(JSON.stringify(result));
  return result.data;
}

export const WITH_CONSENT = (validUntil: string) => ({
  consent: { fields: ["FIRST_NAME", "PHONE"], purpose: "Kontakt om bostøtte", method: "VERBAL", validUntil },
  personalData: { firstName: "Kim (alias)", phone: "+45 20 30 40 50" },
});

const MUTATIONS = {
  sendHandover: ["HandoverIdInput", "SendHandoverSuccess"],
  markHandoverReceived: ["HandoverIdInput", "MarkHandoverReceivedSuccess"],
  acceptHandover: ["AcceptHandoverInput", "AcceptHandoverSuccess"],
  declineHandover: ["DeclineHandoverInput", "DeclineHandoverSuccess"],
  completeHandover: ["CompleteHandoverInput", "CompleteHandoverSuccess"],
  cancelHandover: ["CancelHandoverInput", "CancelHandoverSuccess"],
  withdrawConsent: ["WithdrawConsentInput", "WithdrawConsentSuccess"],
} as const;
export type TransitionMutation = keyof typeof MUTATIONS;

/** A transition's result: the success member's handover, or the error member (typename and error fields). */
export type TransitionResult = { __typename: string; data?: Handover; code?: string; message?: string; currentStatus?: string; issues?: { field: string | null; message: string }[]; fields?: string[] };

/** Runs a transition mutation; returns the result union member (success `data` or an error). */
export async function transition(caller: Caller, mutation: TransitionMutation, input: Record<string, unknown>): Promise<TransitionResult> {
  const [inputType, success] = MUTATIONS[mutation];
  const response = await caller.graphql<Record<TransitionMutation, TransitionResult>>(
    `mutation Transition($input: ${inputType}!) { ${mutation}(input: $input) { ${ERROR_FIELDS} ... on IllegalTransitionError { currentStatus } ... on ${success} { data { ${HANDOVER_FIELDS} } } } }`,
    { input },
  );
  return dataOf(response)[mutation];
}

/** Runs a transition mutation and asserts success; returns the handover after it. */
export async function transitionOk(caller: Caller, mutation: TransitionMutation, input: Record<string, unknown>): Promise<Handover> {
  const result = await transition(caller, mutation, input);
  expect(result.__typename, JSON.stringify(result)).toBe(MUTATIONS[mutation][1]);
  return result.data!;
}

const OneHandover = graphql(`query OneHandover($id: ID!) { handover(id: $id) { ...HandoverFields } }`, [HandoverFields]);

export function getHandover(caller: Caller, id: string) {
  return run(caller, OneHandover, { id });
}

const PersonalData = graphql(`
  query PersonalData($id: ID!, $reason: String!) {
    handover(id: $id) { id personalData(reason: $reason) { fields firstName phone email note } }
  }
`);

export function readPersonalData(caller: Caller, id: string, reason = "Ringer borgeren op om første møde") {
  return run(caller, PersonalData, { id, reason });
}

export function errorCodes(response: GraphQLResponse<unknown>): string[] {
  return (response.errors ?? []).map((error) => String(error.extensions?.["code"]));
}

const MarkRead = graphql(
  `
  mutation MarkRead($id: ID!) {
    markHandoverRead(handoverId: $id) {
      __typename
      ...ErrorFields
      ... on MarkHandoverReadSuccess { data { id status isUnread } }
    }
  }
`,
  [ErrorFields],
);

export function markRead(caller: Caller, handoverId: string) {
  return run(caller, MarkRead, { id: handoverId });
}

/** Marks a handover read and asserts success. */
export async function markReadOk(caller: Caller, handoverId: string) {
  return (await runOk(caller, MarkRead, { id: handoverId })).markHandoverRead;
}

const SUBSCRIPTION = `subscription ($unitId: ID!) { handoverChanged(unitId: $unitId) { handoverId unitId status } }`;

/** One `next` payload of the handoverChanged subscription. */
export interface HandoverChangedPayload {
  data?: { handoverChanged: { handoverId: string; unitId: string; status: string } } | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export interface EventStream {
  /** Resolves with the next `next` payload, or null after the timeout. */
  next(timeoutMs: number): Promise<HandoverChangedPayload | null>;
  close(): void;
}

/** Opens a GraphQL subscription as server-sent events (the browser's way) on the given server. */
export async function subscribe(url: string, caller: Caller, unitId: string): Promise<EventStream> {
  const controller = new AbortController();
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "text/event-stream",
      [CSRF_HEADER]: "1",
      ...(caller.cookie ? { cookie: caller.cookie } : {}),
    },
    body: JSON.stringify({ query: SUBSCRIPTION, variables: { unitId } }),
    signal: controller.signal,
  });
  expect(response.headers.get("content-type")).toContain("text/event-stream");
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  const payloads: HandoverChangedPayload[] = [];
  const wake: { waiting: (() => void) | null } = { waiting: null };
  let ended = false;
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let boundary: number;
        while ((boundary = buffer.indexOf("\n\n")) >= 0) {
          const message = buffer.slice(0, boundary);
          buffer = buffer.slice(boundary + 2);
          const isNext = message.split("\n").some((line) => line === "event: next");
          const data = message
            .split("\n")
            .filter((line) => line.startsWith("data:"))
            .map((line) => line.slice(5).trim())
            .join("\n");
          if (isNext && data) payloads.push(JSON.parse(data) as HandoverChangedPayload);
          wake.waiting?.();
        }
      }
    } catch {
      // aborted
    } finally {
      ended = true;
      wake.waiting?.();
    }
  })();
  return {
    async next(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (payloads.length === 0 && !ended && Date.now() < deadline) {
        await new Promise<void>((resolve) => {
          wake.waiting = resolve;
          setTimeout(resolve, Math.min(50, Math.max(0, deadline - Date.now())));
        });
        wake.waiting = null;
      }
      return payloads.shift() ?? null;
    },
    close: () => controller.abort(),
  };
}

