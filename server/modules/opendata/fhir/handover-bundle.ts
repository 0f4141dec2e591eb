// A handover as a FHIR R4 Bundle for the receiving side's case system: ServiceRequest (the
// referral), Task (its life cycle), Consent (what the citizen agreed to), the two units as
// Organizations, and a Patient only when the consent covers identifying data. Everything else
// about the citizen stays out: free text only with consent to a note, never the handover code.
import { createHash } from "node:crypto";
import type { Prisma as PrismaTypes } from "../../../generated/prisma/client.ts";
import type { ConsentField, HandoverStatus } from "../../../generated/prisma/enums.ts";

export const FHIR_VERSION = "4.0.1";
const CODE_SYSTEM = "https://traedesten.dk/fhir/CodeSystem";

export const handoverBundleSelect = {
  id: true,
  kind: true,
  status: true,
  helpCategories: true,
  urgency: true,
  preferredChannel: true,
  purpose: true,
  wish: true,
  outcome: true,
  createdAt: true,
  sentAt: true,
  firstResponseAt: true,
  closedAt: true,
  proposedMeetingAt: true,
  fromUnit: { select: { id: true, name: true } },
  toUnit: { select: { id: true, name: true } },
  consent: { select: { id: true, fields: true, recipientUnitId: true, method: true, givenAt: true, validUntil: true, withdrawnAt: true } },
  events: { select: { at: true }, orderBy: { at: "desc" as const }, take: 1 },
} satisfies PrismaTypes.HandoverSelect;
export type HandoverBundleSource = PrismaTypes.HandoverGetPayload<{ select: typeof handoverBundleSelect }>;

export interface ConsentedPersonalData {
  firstName: string | null;
  phone: string | null;
  email: string | null;
  note: string | null;
}

/** Task.status for each step of our life cycle (FHIR's Task state machine, which ours follows). */
export const TASK_STATUS: Record<HandoverStatus, string> = {
  DRAFT: "draft",
  SENT: "requested",
  RECEIVED: "received",
  ACCEPTED: "accepted",
  COMPLETED: "completed",
  DECLINED: "rejected",
  CANCELLED: "cancelled",
  EXPIRED: "failed",
  WITHDRAWN: "cancelled",
  ON_HOLD: "on-hold",
  // An open request to a group: requested, with no owner until a unit claims it.
  OPEN: "requested",
};

const SERVICE_REQUEST_STATUS: Record<HandoverStatus, string> = {
  DRAFT: "draft",
  SENT: "active",
  RECEIVED: "active",
  ACCEPTED: "active",
  COMPLETED: "completed",
  DECLINED: "revoked",
  CANCELLED: "revoked",
  EXPIRED: "revoked",
  WITHDRAWN: "revoked",
  ON_HOLD: "on-hold",
  OPEN: "active",
};

const PRIORITY = { LOW: "routine", NORMAL: "routine", HIGH: "urgent" } as const;
const IDENTIFYING: ConsentField[] = ["FIRST_NAME", "PHONE", "EMAIL"];

function uuidFrom(text: string): string {
  const hex = createHash("sha256").update(text).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}


/** The personal fields that go into the bundle: consented, consent valid, data not purged. */
export function fieldsInBundle(handover: HandoverBundleSource, data: ConsentedPersonalData | null, now: Date): ConsentField[] {
  const consent = handover.consent;
  if (!consent || !data || consent.withdrawnAt !== null || consent.validUntil <= now) return [];
  const values: Record<ConsentField, string | null> = { FIRST_NAME: data.firstName, PHONE: data.phone, EMAIL: data.email, NOTE: data.note };
  return consent.fields.filter((field) => values[field] !== null && values[field] !== "");
}

/**
 * The bundle; `baseUrl` is the server's FHIR base (https://…/fhir), so that each entry's fullUrl
 * resolves the relative references ("Organization/<id>") between the entries.
 */
export function buildHandoverBundle(handover: HandoverBundleSource, data: ConsentedPersonalData | null, now: Date, baseUrl: string): Record<string, unknown> {
  const included = new Set(fieldsInBundle(handover, data, now));
  const hasIdentity = IDENTIFYING.some((field) => included.has(field));
  const patientId = uuidFrom(`patient:${handover.id}`);
  const serviceRequestId = uuidFrom(`service-request:${handover.id}`);
  const taskId = uuidFrom(`task:${handover.id}`);
  const consentId = handover.consent ? uuidFrom(`consent:${handover.consent.id}`) : null;
  const organisation = (unit: { id: string; name: string }) => ({
    resourceType: "Organization",
    id: unit.id,
    identifier: [{ system: `${CODE_SYSTEM}/unit`, value: unit.id }],
    name: unit.name,
  });
  const organisationReference = (unit: { id: string; name: string }) => ({ reference: `Organization/${unit.id}`, display: unit.name });
  // Without consent to identifying data the citizen is an opaque, handover-specific identifier.
  const subject = hasIdentity
    ? { reference: `Patient/${patientId}` }
    : { identifier: { system: `${CODE_SYSTEM}/anonymous-citizen`, value: uuidFrom(`anonymous:${handover.id}`) }, display: "Anonym borger" };
  const mayShareText = included.has("NOTE");
  const lastEvent = handover.events[0]?.at;
  const lastModified = lastEvent && lastEvent > handover.createdAt ? lastEvent : handover.createdAt;

  const toUnit = handover.toUnit;
  const resources: Record<string, unknown>[] = [organisation(handover.fromUnit), ...(toUnit ? [organisation(toUnit)] : [])];
  if (hasIdentity && data) {
    resources.push({
      resourceType: "Patient",
      id: patientId,
      ...(included.has("FIRST_NAME") ? { name: [{ given: [data.firstName] }] } : {}),
      ...(included.has("PHONE") || included.has("EMAIL")
        ? {
            telecom: [
              ...(included.has("PHONE") ? [{ system: "phone", value: data.phone }] : []),
              ...(included.has("EMAIL") ? [{ system: "email", value: data.email }] : []),
            ],
          }
        : {}),
    });
  }
  resources.push({
    resourceType: "ServiceRequest",
    id: serviceRequestId,
    identifier: [{ system: `${CODE_SYSTEM}/handover`, value: handover.id }],
    status: SERVICE_REQUEST_STATUS[handover.status],
    intent: "order",
    category: [{ coding: [{ system: `${CODE_SYSTEM}/handover-kind`, code: handover.kind }] }],
    priority: PRIORITY[handover.urgency],
    subject,
    ...(handover.sentAt ? { authoredOn: handover.sentAt.toISOString() } : {}),
    requester: organisationReference(handover.fromUnit),
    // An open request nobody has claimed has no performer yet.
    ...(toUnit ? { performer: [organisationReference(toUnit)] } : {}),
    reasonCode: handover.helpCategories.map((category) => ({ coding: [{ system: `${CODE_SYSTEM}/help-category`, code: category }] })),
    ...(handover.consent && consentId ? { supportingInfo: [{ reference: `Consent/${consentId}` }] } : {}),
    ...(mayShareText
      ? { note: [{ text: handover.purpose }, ...(handover.wish ? [{ text: handover.wish }] : []), ...(data?.note ? [{ text: data.note }] : [])] }
      : {}),
    extension: [{ url: `${CODE_SYSTEM}/preferred-contact-channel`, valueCode: handover.preferredChannel }],
  });
  resources.push({
    resourceType: "Task",
    id: taskId,
    identifier: [{ system: `${CODE_SYSTEM}/handover`, value: handover.id }],
    basedOn: [{ reference: `ServiceRequest/${serviceRequestId}` }],
    status: TASK_STATUS[handover.status],
    businessStatus: { coding: [{ system: `${CODE_SYSTEM}/handover-status`, code: handover.status }], text: handover.status },
    intent: "order",
    focus: { reference: `ServiceRequest/${serviceRequestId}` },
    for: subject,
    authoredOn: handover.createdAt.toISOString(),
    lastModified: lastModified.toISOString(),
    requester: organisationReference(handover.fromUnit),
    ...(toUnit ? { owner: organisationReference(toUnit) } : {}),
    ...(handover.outcome
      ? { output: [{ type: { coding: [{ system: `${CODE_SYSTEM}/task-output`, code: "outcome" }] }, valueCodeableConcept: { coding: [{ system: `${CODE_SYSTEM}/handover-outcome`, code: handover.outcome }] } }] }
      : {}),
  });
  if (handover.consent && consentId) {
    const consent = handover.consent;
    const isActive = consent.withdrawnAt === null && consent.validUntil > now;
    resources.push({
      resourceType: "Consent",
      id: consentId,
      status: isActive ? "active" : "inactive",
      scope: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/consentscope", code: "patient-privacy" }] },
      category: [{ coding: [{ system: "http://loinc.org", code: "59284-0", display: "Patient Consent" }] }],
      ...(hasIdentity ? { patient: { reference: `Patient/${patientId}` } } : {}),
      dateTime: consent.givenAt.toISOString(),
      policyRule: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/v3-ActCode", code: "OPTIN" }] },
      verification: [{ verified: true, verificationDate: consent.givenAt.toISOString() }],
      provision: {
        type: "permit",
        period: { start: consent.givenAt.toISOString(), end: (consent.withdrawnAt ?? consent.validUntil).toISOString() },
        actor: [
          {
            role: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/v3-ParticipationType", code: "IRCP" }] },
            reference: organisationReference(toUnit && consent.recipientUnitId === toUnit.id ? toUnit : handover.fromUnit),
          },
        ],
        code: consent.fields.map((field) => ({ coding: [{ system: `${CODE_SYSTEM}/consent-data-category`, code: field }] })),
        extension: [{ url: `${CODE_SYSTEM}/consent-method`, valueCode: consent.method }],
      },
    });
  }
  return {
    resourceType: "Bundle",
    id: uuidFrom(`bundle:${handover.id}:${now.toISOString()}`),
    type: "collection",
    timestamp: now.toISOString(),
    entry: resources.map((resource) => ({ fullUrl: `${baseUrl}/${String(resource["resourceType"])}/${String(resource["id"])}`, resource })),
  };
}
