// "Verified on / by": unit admins confirm their entry; the date becomes HSDS assured_date, who
// confirmed is shown to the unit's members only, and after six months the entry is due again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { derivedId } from "../server/modules/opendata/hsds/hsds-ids.ts";
import { dataOf, startTestApp, type TestApp } from "./support/app.ts";
import { createCentre, createOrganisation, createService, createUser } from "./support/world.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
}, 300_000);
afterAll(async () => {
  await app?.close();
}, 300_000);

const CENTRE = `query ($id: ID!) { centre(id: $id) { verifiedAt verifiedByName isVerificationDue } }`;
const CONFIRM_CENTRE = `mutation ($id: ID!) { confirmCentreDetails(input: { centreId: $id }) { __typename ... on ConfirmCentreDetailsSuccess { data { verifiedAt verifiedByName isVerificationDue } } ... on Error { code } } }`;
const CONFIRM_SERVICE = `mutation ($id: ID!) { confirmServiceDetails(input: { serviceId: $id }) { __typename ... on ConfirmServiceDetailsSuccess { data { verifiedAt isVerificationDue } } ... on Error { code } } }`;

describe("confirming directory details", { timeout: 120_000 }, () => {
  it("records the date and the admin, publishes the date as assured_date and reminds after six months", async () => {
    const organisation = await createOrganisation(app.prisma);
    const { centre, unit } = await createCentre(app.prisma, organisation.id);
    const admin = await createUser(app.prisma, { name: "Lone Leder", memberships: [{ unitId: unit.id, role: "UNIT_ADMIN" }] });
    const caller = await app.as(admin.id);
    expect(dataOf(await caller.graphql(CENTRE, { id: centre.id })).centre).toEqual({ verifiedAt: null, verifiedByName: null, isVerificationDue: true });

    const confirmed = dataOf(await caller.graphql(CONFIRM_CENTRE, { id: centre.id })).confirmCentreDetails;
    expect(confirmed.__typename).toBe("ConfirmCentreDetailsSuccess");
    expect(confirmed.data).toEqual({ verifiedAt: app.clock.now().toISOString(), verifiedByName: "Lone Leder", isVerificationDue: false });

    const publicView = dataOf(await app.anonymous.graphql(CENTRE, { id: centre.id })).centre;
    expect(publicView.verifiedByName).toBeNull();
    const hsds = await (await app.anonymous.fetch(`/hsds/services/${derivedId(centre.id, "centre-service")}`)).json();
    expect(hsds.assured_date).toBe(app.clock.now().toISOString().slice(0, 10));
    expect(JSON.stringify(hsds)).not.toContain("Lone Leder");

    app.clock.advance(184 * 86_400_000);
    expect(dataOf(await caller.graphql(CENTRE, { id: centre.id })).centre.isVerificationDue).toBe(true);
  });

  it("refuses a member who is not the unit's admin, changing nothing", async () => {
    const organisation = await createOrganisation(app.prisma);
    const { service, unit } = await createService(app.prisma, organisation.id);
    const member = await createUser(app.prisma, { memberships: [{ unitId: unit.id, role: "MEMBER" }] });
    const result = dataOf(await (await app.as(member.id)).graphql(CONFIRM_SERVICE, { id: service.id })).confirmServiceDetails;
    expect(result.__typename).toBe("ForbiddenError");
    expect((await app.prisma.service.findUniqueOrThrow({ where: { id: service.id } })).verifiedAt).toBeNull();
  });
});
