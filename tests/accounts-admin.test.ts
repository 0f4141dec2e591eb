// Account management: creating users, set-password links, memberships and roles, who may
// see what about a user, the security log, and switching the active unit.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataOf, startTestApp, type Caller, type TestApp } from "./support/app.ts";
import { createCentre, createOrganisation, createService, createUser } from "./support/factories.ts";
import { hashToken } from "../server/shared/tokens.ts";

const CREATE_USER = `mutation($input: CreateUserInput!) {
  createUser(input: $input) {
    __typename
    ... on CreateUserSuccess { passwordLink { url expiresAt user { id name email memberships { role unit { id } } } } }
    ... on Error { code message messageDa }
  }
}`;
const ISSUE_RESET = `mutation($input: UserIdInput!) {
  issuePasswordReset(input: $input) { __typename ... on IssuePasswordResetSuccess { passwordLink { url expiresAt } } ... on Error { code } }
}`;
const SET_PASSWORD = `mutation($input: SetPasswordInput!) {
  setPassword(input: $input) { __typename ... on SetPasswordSuccess { email } ... on ValidationError { issues { field message messageDa } } }
}`;
const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { __typename } }`;
const ADD_MEMBERSHIP = `mutation($input: MembershipInput!) {
  addMembership(input: $input) { __typename ... on AddMembershipSuccess { membership { role unit { id } user { id } } } ... on Error { code message } }
}`;
const CHANGE_ROLE = `mutation($input: MembershipInput!) {
  changeMembershipRole(input: $input) { __typename ... on ChangeMembershipRoleSuccess { membership { role } } ... on Error { code message messageDa } }
}`;
const REMOVE_MEMBERSHIP = `mutation($input: RemoveMembershipInput!) {
  removeMembership(input: $input) { __typename ... on RemoveMembershipSuccess { user { id } } ... on Error { code message messageDa } }
}`;
const DEACTIVATE = `mutation($input: UserIdInput!) { deactivateUser(input: $input) { __typename ... on Error { code message } } }`;
const REACTIVATE = `mutation($input: UserIdInput!) { reactivateUser(input: $input) { __typename ... on ReactivateUserSuccess { user { isActive } } } }`;
const PASSWORD = "et-langt-og-godt-kodeord";

let app: TestApp;
let organisationId: string;
let otherOrganisationId: string;
let centre: { unitId: string };
let service: { unitId: string };
let otherCentre: { unitId: string };
let ids: { unitAdmin: string; member: string; organisationAdmin: string; otherOrganisationAdmin: string; platformAdmin: string; coordinator: string };
let as: Record<keyof typeof ids, Caller>;

beforeAll(async () => {
  app = await startTestApp();
  const prisma = app.prisma;
  organisationId = (await createOrganisation(prisma, { name: "Fjordby" })).id;
  otherOrganisationId = (await createOrganisation(prisma, { name: "Anden Forening", kind: "CIVIL_SOCIETY" })).id;
  centre = { unitId: (await createCentre(prisma, organisationId)).unit.id };
  service = { unitId: (await createService(prisma, organisationId)).unit.id };
  otherCentre = { unitId: (await createCentre(prisma, otherOrganisationId)).unit.id };
  ids = {
    unitAdmin: (await createUser(prisma, { name: "Lars Leder", memberships: [{ unitId: centre.unitId, role: "UNIT_ADMIN" }] })).id,
    member: (await createUser(prisma, { name: "Mette Medarbejder", memberships: [{ unitId: centre.unitId }] })).id,
    organisationAdmin: (await createUser(prisma, { organisationAdminOf: [organisationId] })).id,
    otherOrganisationAdmin: (await createUser(prisma, { organisationAdminOf: [otherOrganisationId] })).id,
    platformAdmin: (await createUser(prisma, { globalRole: "PLATFORM_ADMIN" })).id,
    coordinator: (await createUser(prisma, { globalRole: "COORDINATOR" })).id,
  };
  as = Object.fromEntries(await Promise.all(Object.entries(ids).map(async ([key, id]) => [key, await app.as(id)]))) as typeof as;
}, 180_000);
afterAll(async () => {
  await app.close();
});

function tokenOf(url: string): string {
  return url.split("#token=")[1]!;
}

describe("creating users and setting passwords", () => {
  it("a unit admin creates a user in their unit and gets a one-time link valid 72 hours", async () => {
    const result = dataOf(
      await as.unitAdmin.graphql(CREATE_USER, { input: { email: " Ny.Kollega@Lyset.example ", name: "Ny Kollega", unitId: centre.unitId, role: "MEMBER" } }),
    )["createUser"];
    expect(result.__typename).toBe("CreateUserSuccess");
    const link = result.passwordLink;
    expect(link.url).toMatch(new RegExp(`^${app.config.publicUrl}/saet-adgangskode#token=[A-Za-z0-9_-]{40,}$`));
    expect(link.expiresAt).toBe(new Date(app.clock.now().getTime() + 72 * 3_600_000).toISOString());
    expect(link.user).toMatchObject({ name: "Ny Kollega", email: "ny.kollega@lyset.example", memberships: [{ role: "MEMBER", unit: { id: centre.unitId } }] });

    // Only the hash of the token is stored.
    const tokens = await app.prisma.passwordToken.findMany({ where: { userId: link.user.id } });
    expect(tokens.map((token) => token.id)).toEqual([hashToken(tokenOf(link.url))]);
    const event = await app.prisma.securityEvent.findFirstOrThrow({ where: { kind: "USER_CREATED", targetUserId: link.user.id } });
    expect(event).toMatchObject({ actorUserId: ids.unitAdmin, unitId: centre.unitId, organisationId, ip: expect.stringContaining("127.0.0.1") });
    expect(JSON.stringify(event)).not.toContain(tokenOf(link.url));
  });

  it("the link sets the password once; the user can then sign in, and the link cannot be used again", async () => {
    const link = dataOf(
      await as.unitAdmin.graphql(CREATE_USER, { input: { email: "engang@test.example", name: "Engang", unitId: centre.unitId, role: "MEMBER" } }),
    )["createUser"].passwordLink;
    const token = tokenOf(link.url);
    const tooShort = dataOf(await app.anonymous.graphql(SET_PASSWORD, { input: { token, password: "kort" } }))["setPassword"];
    expect(tooShort.__typename).toBe("ValidationError");
    expect(tooShort.issues[0]).toMatchObject({ field: "password", message: "Must be at least 12 characters." });

    const set = dataOf(await app.anonymous.graphql(SET_PASSWORD, { input: { token, password: PASSWORD } }))["setPassword"];
    expect(set).toEqual({ __typename: "SetPasswordSuccess", email: "engang@test.example" });
    expect(dataOf(await app.anonymous.graphql(SIGN_IN, { input: { email: "engang@test.example", password: PASSWORD } }))["signIn"].__typename).toBe("SignInSuccess");

    const again = dataOf(await app.anonymous.graphql(SET_PASSWORD, { input: { token, password: "et-helt-andet-kodeord" } }))["setPassword"];
    expect(again.__typename).toBe("ValidationError");
    expect(again.issues[0].messageDa).toContain("udløbet eller allerede brugt");
    expect(dataOf(await app.anonymous.graphql(SIGN_IN, { input: { email: "engang@test.example", password: "et-helt-andet-kodeord" } }))["signIn"].__typename).toBe(
      "InvalidCredentialsError",
    );
    expect(await app.prisma.securityEvent.count({ where: { kind: "PASSWORD_SET", targetUserId: link.user.id } })).toBe(1);
  });

  it("a link expires after 72 hours", async () => {
    const link = dataOf(
      await as.unitAdmin.graphql(CREATE_USER, { input: { email: "udloebet@test.example", name: "Udløbet", unitId: centre.unitId, role: "MEMBER" } }),
    )["createUser"].passwordLink;
    const start = app.clock.now();
    try {
      app.clock.advance(72 * 3_600_000);
      const expired = dataOf(await app.anonymous.graphql(SET_PASSWORD, { input: { token: tokenOf(link.url), password: PASSWORD } }))["setPassword"];
      expect(expired.__typename).toBe("ValidationError");
    } finally {
      app.clock.set(start);
    }
  });

  it("a password reset invalidates the earlier link and issues a new one", async () => {
    const created = dataOf(
      await as.unitAdmin.graphql(CREATE_USER, { input: { email: "nulstil@test.example", name: "Nulstil", unitId: centre.unitId, role: "MEMBER" } }),
    )["createUser"].passwordLink;
    const reset = dataOf(await as.unitAdmin.graphql(ISSUE_RESET, { input: { userId: created.user.id } }))["issuePasswordReset"];
    expect(reset.__typename).toBe("IssuePasswordResetSuccess");
    expect(reset.passwordLink.url).not.toBe(created.url);
    const old = dataOf(await app.anonymous.graphql(SET_PASSWORD, { input: { token: tokenOf(created.url), password: PASSWORD } }))["setPassword"];
    expect(old.__typename).toBe("ValidationError");
    const fresh = dataOf(await app.anonymous.graphql(SET_PASSWORD, { input: { token: tokenOf(reset.passwordLink.url), password: PASSWORD } }))["setPassword"];
    expect(fresh.__typename).toBe("SetPasswordSuccess");
    expect(await app.prisma.securityEvent.count({ where: { kind: "PASSWORD_RESET_ISSUED", targetUserId: created.user.id, actorUserId: ids.unitAdmin } })).toBe(1);
  });

  it("refuses createUser to a plain member, to an admin of another unit, and for an e-mail already in use", async () => {
    const input = { email: "nej@test.example", name: "Nej", unitId: centre.unitId, role: "MEMBER" };
    expect(dataOf(await as.member.graphql(CREATE_USER, { input }))["createUser"].__typename).toBe("ForbiddenError");
    expect(dataOf(await as.otherOrganisationAdmin.graphql(CREATE_USER, { input }))["createUser"].__typename).toBe("ForbiddenError");
    expect(dataOf(await as.coordinator.graphql(CREATE_USER, { input }))["createUser"].__typename).toBe("ForbiddenError");
    expect(dataOf(await app.anonymous.graphql(CREATE_USER, { input }))["createUser"].__typename).toBe("NotAuthenticatedError");
    const memberEmail = (await app.prisma.user.findUniqueOrThrow({ where: { id: ids.member } })).email;
    const duplicate = dataOf(await as.unitAdmin.graphql(CREATE_USER, { input: { ...input, email: memberEmail } }))["createUser"];
    expect(duplicate).toMatchObject({ __typename: "ConflictError", code: "CONFLICT" });
    expect(await app.prisma.user.count({ where: { email: "nej@test.example" } })).toBe(0);
  });

  it("refuses a CPR number in a name and an invalid e-mail, and creates nothing", async () => {
    const cpr = dataOf(await as.unitAdmin.graphql(CREATE_USER, { input: { email: "cpr@test.example", name: "Kim 010190-1234", unitId: centre.unitId, role: "MEMBER" } }));
    expect(cpr["createUser"].__typename).toBe("CprRefusedError");
    const badEmail = dataOf(await as.unitAdmin.graphql(CREATE_USER, { input: { email: "ikke-en-adresse", name: "Kim", unitId: centre.unitId, role: "MEMBER" } }));
    expect(badEmail["createUser"].__typename).toBe("ValidationError");
    expect(await app.prisma.user.count({ where: { email: { in: ["cpr@test.example", "ikke-en-adresse"] } } })).toBe(0);
  });

  it("an organisation admin creates users in any unit of their organisation", async () => {
    const result = dataOf(
      await as.organisationAdmin.graphql(CREATE_USER, { input: { email: "bostoette@test.example", name: "Bo", unitId: service.unitId, role: "UNIT_ADMIN" } }),
    )["createUser"];
    expect(result.__typename).toBe("CreateUserSuccess");
    expect(result.passwordLink.user.memberships).toEqual([{ role: "UNIT_ADMIN", unit: { id: service.unitId } }]);
  });
});

describe("memberships and roles", () => {
  it("a unit admin adds a user to their unit, changes the role and removes them again, each logged", async () => {
    const user = await createUser(app.prisma, { memberships: [{ unitId: centre.unitId }] });
    const added = dataOf(await as.organisationAdmin.graphql(ADD_MEMBERSHIP, { input: { userId: user.id, unitId: service.unitId, role: "MEMBER" } }))["addMembership"];
    expect(added).toEqual({ __typename: "AddMembershipSuccess", membership: { role: "MEMBER", unit: { id: service.unitId }, user: { id: user.id } } });
    const changed = dataOf(await as.unitAdmin.graphql(CHANGE_ROLE, { input: { userId: user.id, unitId: centre.unitId, role: "UNIT_ADMIN" } }))["changeMembershipRole"];
    expect(changed).toEqual({ __typename: "ChangeMembershipRoleSuccess", membership: { role: "UNIT_ADMIN" } });
    const removed = dataOf(await as.unitAdmin.graphql(REMOVE_MEMBERSHIP, { input: { userId: user.id, unitId: centre.unitId } }))["removeMembership"];
    expect(removed).toEqual({ __typename: "RemoveMembershipSuccess", user: { id: user.id } });
    expect(await app.prisma.membership.findMany({ where: { userId: user.id }, select: { unitId: true } })).toEqual([{ unitId: service.unitId }]);

    const events = await app.prisma.securityEvent.findMany({ where: { targetUserId: user.id }, orderBy: { kind: "asc" } });
    expect(events.map((event) => [event.kind, event.actorUserId, event.unitId, event.organisationId])).toEqual([
      ["MEMBERSHIP_ADDED", ids.organisationAdmin, service.unitId, organisationId],
      ["MEMBERSHIP_REMOVED", ids.unitAdmin, centre.unitId, organisationId],
      ["ROLE_CHANGED", ids.unitAdmin, centre.unitId, organisationId],
    ]);
    expect(events.find((event) => event.kind === "ROLE_CHANGED")?.detail).toBe("MEMBER -> UNIT_ADMIN");
  });

  it("a unit admin cannot change memberships of a unit they do not administer", async () => {
    const user = await createUser(app.prisma, { memberships: [{ unitId: service.unitId }] });
    expect(dataOf(await as.unitAdmin.graphql(ADD_MEMBERSHIP, { input: { userId: user.id, unitId: service.unitId, role: "MEMBER" } }))["addMembership"].__typename).toBe(
      "ForbiddenError",
    );
    expect(dataOf(await as.unitAdmin.graphql(REMOVE_MEMBERSHIP, { input: { userId: user.id, unitId: service.unitId } }))["removeMembership"].__typename).toBe(
      "ForbiddenError",
    );
    expect(dataOf(await as.member.graphql(CHANGE_ROLE, { input: { userId: ids.member, unitId: centre.unitId, role: "UNIT_ADMIN" } }))["changeMembershipRole"].__typename).toBe(
      "ForbiddenError",
    );
    expect(await app.prisma.membership.count({ where: { userId: user.id } })).toBe(1);
  });

  it("refuses to take away an admin's own last admin right, with a clear error", async () => {
    const admin = await createUser(app.prisma, { memberships: [{ unitId: service.unitId, role: "UNIT_ADMIN" }] });
    const caller = await app.as(admin.id);
    const demote = dataOf(await caller.graphql(CHANGE_ROLE, { input: { userId: admin.id, unitId: service.unitId, role: "MEMBER" } }))["changeMembershipRole"];
    expect(demote).toMatchObject({ __typename: "ConflictError", message: "This is your last administrator right. Ask another administrator to do it." });
    const leave = dataOf(await caller.graphql(REMOVE_MEMBERSHIP, { input: { userId: admin.id, unitId: service.unitId } }))["removeMembership"];
    expect(leave.__typename).toBe("ConflictError");
    expect(await app.prisma.membership.findFirst({ where: { userId: admin.id }, select: { role: true } })).toEqual({ role: "UNIT_ADMIN" });

    // The organisation admin may demote them.
    const byOrganisationAdmin = dataOf(await as.organisationAdmin.graphql(CHANGE_ROLE, { input: { userId: admin.id, unitId: service.unitId, role: "MEMBER" } }));
    expect(byOrganisationAdmin["changeMembershipRole"].membership.role).toBe("MEMBER");
  });

  it("refuses adding a membership that already exists", async () => {
    const result = dataOf(await as.unitAdmin.graphql(ADD_MEMBERSHIP, { input: { userId: ids.member, unitId: centre.unitId, role: "MEMBER" } }))["addMembership"];
    expect(result.__typename).toBe("ConflictError");
  });
});

describe("deactivation and who may manage a user", () => {
  it("a unit admin cannot reset or deactivate a user who also belongs to a unit they do not administer", async () => {
    const shared = await createUser(app.prisma, { memberships: [{ unitId: centre.unitId }, { unitId: otherCentre.unitId }] });
    expect(dataOf(await as.unitAdmin.graphql(ISSUE_RESET, { input: { userId: shared.id } }))["issuePasswordReset"].__typename).toBe("ForbiddenError");
    expect(dataOf(await as.unitAdmin.graphql(DEACTIVATE, { input: { userId: shared.id } }))["deactivateUser"].__typename).toBe("ForbiddenError");
    expect(dataOf(await as.platformAdmin.graphql(ISSUE_RESET, { input: { userId: shared.id } }))["issuePasswordReset"].__typename).toBe(
      "IssuePasswordResetSuccess",
    );
  });

  it("only a platform admin may reset or deactivate a coordinator or an organisation admin", async () => {
    expect(dataOf(await as.organisationAdmin.graphql(DEACTIVATE, { input: { userId: ids.coordinator } }))["deactivateUser"].__typename).toBe("ForbiddenError");
    expect(dataOf(await as.unitAdmin.graphql(ISSUE_RESET, { input: { userId: ids.organisationAdmin } }))["issuePasswordReset"].__typename).toBe("ForbiddenError");
    expect(dataOf(await as.otherOrganisationAdmin.graphql(DEACTIVATE, { input: { userId: ids.member } }))["deactivateUser"].__typename).toBe("ForbiddenError");
    expect(await app.prisma.user.count({ where: { id: { in: [ids.coordinator, ids.member] }, isActive: false } })).toBe(0);
  });

  it("an admin cannot deactivate themselves", async () => {
    const result = dataOf(await as.platformAdmin.graphql(DEACTIVATE, { input: { userId: ids.platformAdmin } }))["deactivateUser"];
    expect(result.__typename).toBe("ConflictError");
  });

  it("deactivation and reactivation are logged for the user's organisation", async () => {
    const user = await createUser(app.prisma, { memberships: [{ unitId: centre.unitId }] });
    expect(dataOf(await as.unitAdmin.graphql(DEACTIVATE, { input: { userId: user.id } }))["deactivateUser"].__typename).toBe("DeactivateUserSuccess");
    expect(dataOf(await as.unitAdmin.graphql(REACTIVATE, { input: { userId: user.id } }))["reactivateUser"]).toEqual({
      __typename: "ReactivateUserSuccess",
      user: { isActive: true },
    });
    const kinds = (await app.prisma.securityEvent.findMany({ where: { targetUserId: user.id, organisationId, actorUserId: ids.unitAdmin } })).map((event) => event.kind);
    expect(kinds.sort()).toEqual(["USER_DEACTIVATED", "USER_REACTIVATED"]);
  });
});

describe("what others see of a user", () => {
  const COLLEAGUES = `query($unitId: ID!) { users(unitId: $unitId) { edges { node { id name email isActive } } } }`;

  it("a unit admin sees the e-mail of their unit's members; a member may not list the unit's members", async () => {
    const member = await app.prisma.user.findUniqueOrThrow({ where: { id: ids.member } });
    const asAdmin = dataOf(await as.unitAdmin.graphql(COLLEAGUES, { unitId: centre.unitId }));
    expect(asAdmin["users"].edges.map((edge: any) => edge.node)).toContainEqual({ id: member.id, name: member.name, email: member.email, isActive: true });

    const adminView = dataOf(await as.unitAdmin.graphql(`{ me { memberships { unit { members { user { id email } } } } } }`));
    expect(adminView["me"].memberships[0].unit.members).toContainEqual({ user: { id: member.id, email: member.email } });

    const memberView = await as.member.graphql(`{ me { memberships { unit { id members { user { id } } } } } }`);
    expect(memberView.data?.["me"].memberships[0].unit).toEqual({ id: centre.unitId, members: null });
    expect(memberView.errors?.[0]?.extensions?.["code"]).toBe("FORBIDDEN");
  });

  it("a user sees their own e-mail", async () => {
    const ownView = dataOf(await as.member.graphql(`{ me { user { email } memberships { user { email } } } }`));
    const email = (await app.prisma.user.findUniqueOrThrow({ where: { id: ids.member } })).email;
    expect(ownView["me"]).toEqual({ user: { email }, memberships: [{ user: { email } }] });
  });

  it("an organisation admin sees who acted in the log, but not the e-mail of a platform admin", async () => {
    const user = await createUser(app.prisma, { memberships: [{ unitId: service.unitId }] });
    dataOf(await as.platformAdmin.graphql(ISSUE_RESET, { input: { userId: user.id } }));
    const events = dataOf(
      await as.organisationAdmin.graphql(`{ securityEvents(first: 100) { edges { node { kind actor { id name email } target { id email } } } } }`),
    )["securityEvents"].edges.map((edge: any) => edge.node);
    const reset = events.find((event: any) => event.kind === "PASSWORD_RESET_ISSUED" && event.target.id === user.id);
    expect(reset.actor).toMatchObject({ id: ids.platformAdmin, email: null });
    expect(reset.target.email).toBe(user.email);
  });

  it("users() is refused to members and coordinators, and lists only administered users for admins", async () => {
    expect((await as.member.graphql(`{ users { edges { node { id } } } }`)).errors?.[0]?.extensions?.["code"]).toBe("FORBIDDEN");
    expect((await as.coordinator.graphql(`{ users { edges { node { id } } } }`)).errors?.[0]?.extensions?.["code"]).toBe("FORBIDDEN");
    expect((await as.unitAdmin.graphql(COLLEAGUES, { unitId: otherCentre.unitId })).errors?.[0]?.extensions?.["code"]).toBe("FORBIDDEN");
    const other = dataOf(await as.otherOrganisationAdmin.graphql(`{ users(first: 100) { edges { node { id } } } }`));
    const visible = other["users"].edges.map((edge: any) => edge.node.id);
    expect(visible).toContain(ids.otherOrganisationAdmin);
    expect(visible).not.toContain(ids.member);
  });

  it("units() lists what the viewer administers; organisations() is for platform admins", async () => {
    const units = dataOf(await as.unitAdmin.graphql(`{ units { id } }`))["units"];
    expect(units).toEqual([{ id: centre.unitId }]);
    const organisationUnits = dataOf(await as.organisationAdmin.graphql(`{ units { id } }`))["units"].map((unit: any) => unit.id);
    expect(organisationUnits.sort()).toEqual([centre.unitId, service.unitId].sort());
    expect((await as.organisationAdmin.graphql(`{ organisations { id } }`)).errors?.[0]?.extensions?.["code"]).toBe("FORBIDDEN");
    const all = dataOf(await as.platformAdmin.graphql(`{ organisations { id } }`))["organisations"].map((row: any) => row.id);
    expect(all).toEqual(expect.arrayContaining([organisationId, otherOrganisationId]));
  });
});

describe("the security log", () => {
  const EVENTS = `query($organisationId: ID) { securityEvents(organisationId: $organisationId, first: 100) { edges { node { kind organisation { id } actor { id } target { id } ip } } } }`;

  it("an organisation admin reads their organisation's events only; a platform admin reads all", async () => {
    const elsewhere = await createUser(app.prisma, { memberships: [{ unitId: otherCentre.unitId }] });
    dataOf(await as.otherOrganisationAdmin.graphql(DEACTIVATE, { input: { userId: elsewhere.id } }));
    const here = await createUser(app.prisma, { memberships: [{ unitId: centre.unitId }] });
    dataOf(await as.unitAdmin.graphql(DEACTIVATE, { input: { userId: here.id } }));

    const ours = dataOf(await as.organisationAdmin.graphql(EVENTS))["securityEvents"].edges.map((edge: any) => edge.node);
    expect(ours.length).toBeGreaterThan(0);
    expect(ours.every((event: any) => event.organisation?.id === organisationId)).toBe(true);
    expect(ours).toContainEqual({ kind: "USER_DEACTIVATED", organisation: { id: organisationId }, actor: { id: ids.unitAdmin }, target: { id: here.id }, ip: expect.any(String) });
    expect(ours.some((event: any) => event.target?.id === elsewhere.id)).toBe(false);

    const all = dataOf(await as.platformAdmin.graphql(EVENTS))["securityEvents"].edges.map((edge: any) => edge.node);
    expect(all.some((event: any) => event.target?.id === elsewhere.id)).toBe(true);
    expect(all.some((event: any) => event.target?.id === here.id)).toBe(true);
  });

  it("is refused to coordinators, unit admins, members, and to an org admin asking for another organisation", async () => {
    for (const caller of [as.coordinator, as.unitAdmin, as.member, app.anonymous]) {
      const code = (await caller.graphql(EVENTS)).errors?.[0]?.extensions?.["code"];
      expect(["FORBIDDEN", "NOT_AUTHENTICATED"]).toContain(code);
    }
    const other = await as.organisationAdmin.graphql(EVENTS, { organisationId: otherOrganisationId });
    expect(other.errors?.[0]?.extensions?.["code"]).toBe("FORBIDDEN");
  });
});

describe("switching the active unit", () => {
  const SWITCH = `mutation($input: SwitchActiveUnitInput!) {
    switchActiveUnit(input: $input) { __typename ... on SwitchActiveUnitSuccess { me { activeUnit { id } } } ... on Error { code } }
  }`;

  it("a member of two units switches between them; the choice sticks to the session", async () => {
    const user = await createUser(app.prisma, { memberships: [{ unitId: centre.unitId }, { unitId: service.unitId, role: "UNIT_ADMIN" }] });
    const caller = await app.as(user.id);
    const other = await app.as(user.id);
    expect(dataOf(await caller.graphql(`{ me { activeUnit { id } memberships { role unit { id } } } }`))["me"]).toEqual({
      activeUnit: { id: centre.unitId },
      memberships: [
        { role: "MEMBER", unit: { id: centre.unitId } },
        { role: "UNIT_ADMIN", unit: { id: service.unitId } },
      ],
    });
    const switched = dataOf(await caller.graphql(SWITCH, { input: { unitId: service.unitId } }))["switchActiveUnit"];
    expect(switched).toEqual({ __typename: "SwitchActiveUnitSuccess", me: { activeUnit: { id: service.unitId } } });
    expect(dataOf(await caller.graphql(`{ me { activeUnit { id } } }`))["me"].activeUnit).toEqual({ id: service.unitId });
    // Another session of the same user keeps its own active unit.
    expect(dataOf(await other.graphql(`{ me { activeUnit { id } } }`))["me"].activeUnit).toEqual({ id: centre.unitId });
  });

  it("refuses a unit the user is not a member of", async () => {
    const result = dataOf(await as.member.graphql(SWITCH, { input: { unitId: service.unitId } }))["switchActiveUnit"];
    expect(result.__typename).toBe("ForbiddenError");
    expect(dataOf(await as.member.graphql(`{ me { activeUnit { id } } }`))["me"].activeUnit).toEqual({ id: centre.unitId });
  });

  it("me is null when signed out and tells admins which organisations they administer", async () => {
    expect(dataOf(await app.anonymous.graphql(`{ me { user { id } } }`))["me"]).toBeNull();
    const organisationAdmin = dataOf(await as.organisationAdmin.graphql(`{ me { administeredOrganisations { id } isCoordinator isPlatformAdmin activeUnit { id } } }`));
    expect(organisationAdmin["me"]).toEqual({ administeredOrganisations: [{ id: organisationId }], isCoordinator: false, isPlatformAdmin: false, activeUnit: null });
    const coordinator = dataOf(await as.coordinator.graphql(`{ me { isCoordinator administeredOrganisations { id } } }`));
    expect(coordinator["me"]).toEqual({ isCoordinator: true, administeredOrganisations: [] });
  });
});
