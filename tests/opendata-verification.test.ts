// "Verified on / by": unit admins confirm their entry; the date becomes HSDS assured_date, who
// confirmed is shown to the unit's members only, and after six months the entry is due again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { derivedId } from "../server/modules/opendata/hsds/hsds-ids.ts";
import { startTestApp, type TestApp } from "./support/app.ts";
import { graphql, runError, runOk } from "./support/graphql.ts";
import { createCentre, createOrganisation, createService, createUser } from "./support/world.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
}, 300_000);
afterAll(async () => {
  await app?.close();
}, 300_000);

const CENTRE = graphql(`query Verification($id: ID!) { centre(id: $id) { verifiedAt verifiedByName isVerificationDue } }`);
const CONFIRM_CENTRE = graphql(`mutation ConfirmCentre($id: ID!) {
  confirmCentreDetails(input: { centreId: $id }) { __typename ... on ConfirmCentreDetailsSuccess { data { verifiedAt verifiedByName isVerificationDue } } ... on Error { code } }
}`);
const CONFIRM_SERVICE = graphql(`mutation ConfirmService($id: ID!) {
  confirmServiceDetails(input: { serviceId: $id }) { __typename ... on ConfirmServiceDetailsSuccess { data { verifiedAt isVerificationDue } } ... on Error { code } }
}`);

describe("confirming directory details", { timeout: 120_000 }, () => {
  it("records the date and the admin, publishes the date as assured_date and reminds after six months", async () => {
    const organisation = await createOrganisation(app.prisma);
    const { centre, unit } = await createCentre(app.prisma, organisation.id);
    const admin = await createUser(app.prisma, { name: "Lone Leder", memberships: [{ unitId: unit.id, role: "UNIT_ADMIN" }] });
    const caller = await app.as(admin.id);
    expect((await runOk(caller, CENTRE, { id: centre.id })).centre).toEqual({ verifiedAt: null, verifiedByName: null, isVerificationDue: true });

    const confirmed = (await runOk(caller, CONFIRM_CENTRE, { id: centre.id })).confirmCentreDetails;
    expect(confirmed.__typename).toBe("ConfirmCentreDetailsSuccess");
    if (confirmed.__typename !== "ConfirmCentreDetailsSuccess") return expect.fail(confirmed.__typename);
    expect(confirmed.data).toEqual({ verifiedAt: app.clock.now().toISOString(), verifiedByName: "Lone Leder", isVerificationDue: false });

    const publicView = (await runOk(app.anonymous, CENTRE, { id: centre.id })).centre;
    if (!publicView) return expect.fail("the centre is not public");
    expect(publicView.verifiedByName).toBeNull();
    const hsds = await (await app.anonymous.fetch(`/hsds/services/${derivedId(centre.id, "centre-service")}`)).json();
    expect(hsds.assured_date).toBe(app.clock.now().toISOString().slice(0, 10));
    expect(JSON.stringify(hsds)).not.toContain("Lone Leder");

    app.clock.advance(184 * 86_400_000);
    expect((await runOk(caller, CENTRE, { id: centre.id })).centre?.isVerificationDue).toBe(true);
  });

  it("refuses a member who is not the unit's admin, changing nothing", async () => {
    const organisation = await createOrganisation(app.prisma);
    const { service, unit } = await createService(app.prisma, organisation.id);
    const member = await createUser(app.prisma, { memberships: [{ unitId: unit.id, role: "MEMBER" }] });
    await runError(await app.as(member.id), CONFIRM_SERVICE, { id: service.id }, "ForbiddenError");
    expect((await app.prisma.service.findUniqueOrThrow({ where: { id: service.id } })).verifiedAt).toBeNull();
  });
});
