// Shared set-up for the handover tests: a sending centre, a receiving service, an unrelated
// centre, people in every role, and the GraphQL documents the tests send.
import { expect } from "vitest";
import { CSRF_HEADER } from "../server/app.ts";
import type { Caller, GraphQLResponse, TestApp } from "./support/app.ts";
import { dataOf } from "./support/app.ts";
import { createCentre, createOrganisation, createService, createUser } from "./support/factories.ts";

export const DAY_MS = 86_400_000;
/** Set-up starts whole servers; on a busy shared machine that can take a while. */
export const HOOK_TIMEOUT_MS = 180_000;
export const SLOW_TEST_MS = 120_000;

export const HANDOVER_FIELDS = `
  id code kind status purpose helpCategories wish urgency preferredChannel preferredContactTime languageNeeds
  proposedMeetingAt proposedMeetingPlace proposedVisit { id startsAt centreName }
  outcome declineReason suggestion createdAt sentAt firstResponseAt closedAt expiresAt personalDataPurgedAt
  fromUnit { id name } toUnit { id name }
  hasConsent consent { fields purpose method validUntil withdrawnAt }
  events { type fromStatus toStatus at note actorUnit { id name } actorUserName }
  allowedActions isUnread viewerIsSender viewerIsReceiver
`;

export const ERROR_FIELDS = `__typename ... on Error { code message messageDa } ... on ValidationError { issues { field message } } ... on CprRefusedError { fields }`;

export interface HandoverWorld {
  organisationId: string;
  centreUnitId: string;
  serviceUnitId: string;
  unrelatedUnitId: string;
  centreId: string;
  staff: Caller;
  centreAdmin: Caller;
  worker: Caller;
  unrelated: Caller;
  coordinator: Caller;
  organisationAdmin: Caller;
  platformAdmin: Caller;
  userIds: Record<"staff" | "centreAdmin" | "worker" | "unrelated" | "coordinator" | "organisationAdmin" | "platformAdmin", string>;
}

export async function buildHandoverWorld(app: TestApp, options: { responseWindowDays?: number } = {}): Promise<HandoverWorld> {
  const prisma = app.prisma;
  const organisation = await createOrganisation(prisma, { name: "Fjordby Test" });
  const other = await createOrganisation(prisma, { name: "Anden Forening", kind: "CIVIL_SOCIETY" });
  const centre = await createCentre(prisma, organisation.id, { name: "Værestedet Test" });
  const service = await createService(prisma, organisation.id, { name: "Bostøtten Test", responseWindowDays: options.responseWindowDays ?? 5 });
  const unrelated = await createCentre(prisma, other.id, { name: "Uvedkommende Værested" });
  const userIds = {
    staff: (await createUser(prisma, { name: "Mette Medarbejder", memberships: [{ unitId: centre.unit.id }] })).id,
    centreAdmin: (await createUser(prisma, { name: "Lars Leder", memberships: [{ unitId: centre.unit.id, role: "UNIT_ADMIN" }] })).id,
    worker: (await createUser(prisma, { name: "Bo Bostøtte", memberships: [{ unitId: service.unit.id }] })).id,
    unrelated: (await createUser(prisma, { memberships: [{ unitId: unrelated.unit.id }] })).id,
    coordinator: (await createUser(prisma, { globalRole: "COORDINATOR" })).id,
    organisationAdmin: (await createUser(prisma, { organisationAdminOf: [organisation.id] })).id,
    platformAdmin: (await createUser(prisma, { globalRole: "PLATFORM_ADMIN" })).id,
  };
  return {
    organisationId: organisation.id,
    centreUnitId: centre.unit.id,
    serviceUnitId: service.unit.id,
    unrelatedUnitId: unrelated.unit.id,
    centreId: centre.centre.id,
    staff: await app.as(userIds.staff),
    centreAdmin: await app.as(userIds.centreAdmin),
    worker: await app.as(userIds.worker),
    unrelated: await app.as(userIds.unrelated),
    coordinator: await app.as(userIds.coordinator),
    organisationAdmin: await app.as(userIds.organisationAdmin),
    platformAdmin: await app.as(userIds.platformAdmin),
    userIds,
  };
}

/** Fresh sessions for everyone (after moving the clock past the idle timeout). */
export async function refreshSessions(app: TestApp, world: HandoverWorld): Promise<void> {
  for (const key of Object.keys(world.userIds) as (keyof HandoverWorld["userIds"])[]) {
    (world as unknown as Record<string, Caller>)[key] = await app.as(world.userIds[key]);
  }
}

export type Handover = Record<string, any>;

const CREATE = `mutation Create($input: CreateHandoverInput!) {
  createHandover(input: $input) { ${ERROR_FIELDS} ... on ConsentMissingError { field } ... on CreateHandoverSuccess { data { ${HANDOVER_FIELDS} } } }
}`;

export function createHandoverRaw(caller: Caller, input: Record<string, unknown>) {
  return caller.graphql(CREATE, { input });
}

/** Creates a handover and asserts success. */
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
  expect(result.__typename, JSON.stringify(result)).toBe("CreateHandoverSuccess");
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

/** Runs a transition mutation; returns the result union member (success `data` or an error). */
export async function transition(caller: Caller, mutation: TransitionMutation, input: Record<string, unknown>): Promise<Handover> {
  const [inputType, success] = MUTATIONS[mutation];
  const response = await caller.graphql(
    `mutation Transition($input: ${inputType}!) { ${mutation}(input: $input) { ${ERROR_FIELDS} ... on IllegalTransitionError { currentStatus } ... on ${success} { data { ${HANDOVER_FIELDS} } } } }`,
    { input },
  );
  return dataOf(response)[mutation];
}

export async function transitionOk(caller: Caller, mutation: TransitionMutation, input: Record<string, unknown>): Promise<Handover> {
  const result = await transition(caller, mutation, input);
  expect(result.__typename, JSON.stringify(result)).toBe(MUTATIONS[mutation][1]);
  return result.data;
}

export function getHandover(caller: Caller, id: string): Promise<GraphQLResponse<Record<string, any>>> {
  return caller.graphql(`query One($id: ID!) { handover(id: $id) { ${HANDOVER_FIELDS} } }`, { id });
}

export function readPersonalData(caller: Caller, id: string, reason = "Ringer borgeren op om første møde") {
  return caller.graphql(
    `query Personal($id: ID!, $reason: String!) { handover(id: $id) { id personalData(reason: $reason) { fields firstName phone email note } } }`,
    { id, reason },
  );
}

export function errorCodes(response: GraphQLResponse): string[] {
  return (response.errors ?? []).map((error) => String(error.extensions?.["code"]));
}

export function markRead(caller: Caller, handoverId: string) {
  return caller.graphql(
    `mutation Read($id: ID!) { markHandoverRead(handoverId: $id) { ${ERROR_FIELDS} ... on MarkHandoverReadSuccess { data { id status isUnread } } } }`,
    { id: handoverId },
  );
}

const SUBSCRIPTION = `subscription ($unitId: ID!) { handoverChanged(unitId: $unitId) { handoverId unitId status } }`;

export interface EventStream {
  /** Resolves with the next `next` payload, or null after the timeout. */
  next(timeoutMs: number): Promise<any | null>;
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
  const payloads: any[] = [];
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
          if (isNext && data) payloads.push(JSON.parse(data));
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

