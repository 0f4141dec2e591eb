// Account management: creating users, set-password links, memberships and roles, who may
// see what about a user, the security log, and switching the active unit.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type Caller, type TestApp } from "./support/app.ts";
import { graphql, run, runError, runOk } from "./support/graphql.ts";
import { hashToken } from "../server/shared/tokens.ts";
import { createCentre, createOrganisation, createService, createUser } from "./support/world.ts";

const CREATE_USER = graphql(`mutation CreateUser($input: CreateUserInput!) {
  createUser(input: $input) {
    __typename
    ... on CreateUserSuccess { passwordLink { url expiresAt user { id name email memberships { role unit { id } } } } }
    ... on Error { code message messageDa }
  }
}`);
const ISSUE_RESET = graphql(`mutation IssueReset($input: UserIdInput!) {
  issuePasswordReset(input: $input) { __typename ... on IssuePasswordResetSuccess { passwordLink { url expiresAt } } ... on Error { code } }
}`);
const SET_PASSWORD = graphql(`mutation SetPassword($input: SetPasswordInput!) {
  setPassword(input: $input) { __typename ... on SetPasswordSuccess { email } ... on ValidationError { issues { field message messageDa } } }
}`);
const SIGN_IN = graphql(`mutation SignIn($input: SignInInput!) { signIn(input: $input) { __typename } }`);
const ADD_MEMBERSHIP = graphql(`mutation AddMembership($input: MembershipInput!) {
  addMembership(input: $input) { __typename ... on AddMembershipSuccess { membership { role unit { id } user { id } } } ... on Error { code message } }
}`);
const CHANGE_ROLE = graphql(`mutation ChangeRole($input: MembershipInput!) {
  changeMembershipRole(input: $input) { __typename ... on ChangeMembershipRoleSuccess { membership { role } } ... on Error { code message messageDa } }
}`);
const REMOVE_MEMBERSHIP = graphql(`mutation RemoveMembership($input: RemoveMembershipInput!) {
  removeMembership(input: $input) { __typename ... on RemoveMembershipSuccess { user { id } } ... on Error { code message messageDa } }
}`);
const DEACTIVATE = graphql(`mutation Deactivate($input: UserIdInput!) { deactivateUser(input: $input) { __typename ... on Error { code message } } }`);
const REACTIVATE = graphql(`mutation Reactivate($input: UserIdInput!) { reactivateUser(input: $input) { __typename ... on ReactivateUserSuccess { user { isActive } } } }`);
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

/** The token in a set-password link's fragment (a link has a URL whenever the app has a public address). */
function tokenOf(url: string | null): string {
  const token = url?.split("#token=")[1];
  if (!token) throw new Error(`No token in ${url}`);
  return token;
}

describe("creating users and setting passwords", () => {
  /** Creates a user in the centre as its unit admin and returns the set-password link. */
  async function createdLink(email: string, name: string) {
    const result = (await runOk(as.unitAdmin, CREATE_USER, { input: { email, name, unitId: centre.unitId, role: "MEMBER" } })).createUser;
    if (result.__typename !== "CreateUserSuccess") return expect.fail(result.__typename);
    return result.passwordLink;
  }

  it("a unit admin creates a user in their unit and gets a one-time link valid 72 hours", async () => {
    const link = await createdLink(" Ny.Kollega@Lyset.example ", "Ny Kollega");
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
    const link = await createdLink("engang@test.example", "Engang");
    const token = tokenOf(link.url);
    const tooShort = await runError(app.anonymous, SET_PASSWORD, { input: { token, password: "kort" } }, "ValidationError");
    expect(tooShort.issues[0]).toMatchObject({ field: "password", message: "Must be at least 12 characters." });

    const set = (await runOk(app.anonymous, SET_PASSWORD, { input: { token, password: PASSWORD } })).setPassword;
    expect(set).toEqual({ __typename: "SetPasswordSuccess", email: "engang@test.example" });
    expect((await runOk(app.anonymous, SIGN_IN, { input: { email: "engang@test.example", password: PASSWORD } })).signIn.__typename).toBe("SignInSuccess");

    const again = await runError(app.anonymous, SET_PASSWORD, { input: { token, password: "et-helt-andet-kodeord" } }, "ValidationError");
    expect(again.issues[0]!.messageDa).toContain("udløbet eller allerede brugt");
    await runError(app.anonymous, SIGN_IN, { input: { email: "engang@test.example", password: "et-helt-andet-kodeord" } }, "InvalidCredentialsError");
    expect(await app.prisma.securityEvent.count({ where: { kind: "PASSWORD_SET", targetUserId: link.user.id } })).toBe(1);
  });

  it("a link expires after 72 hours", async () => {
    const link = await createdLink("udloebet@test.example", "Udløbet");
    const start = app.clock.now();
    try {
      app.clock.advance(72 * 3_600_000);
      await runError(app.anonymous, SET_PASSWORD, { input: { token: tokenOf(link.url), password: PASSWORD } }, "ValidationError");
    } finally {
      app.clock.set(start);
    }
  });

  it("a password reset invalidates the earlier link and issues a new one", async () => {
    const created = await createdLink("nulstil@test.example", "Nulstil");
    const reset = (await runOk(as.unitAdmin, ISSUE_RESET, { input: { userId: created.user.id } })).issuePasswordReset;
    if (reset.__typename !== "IssuePasswordResetSuccess") return expect.fail(reset.__typename);
    expect(reset.passwordLink.url).not.toBe(created.url);
    await runError(app.anonymous, SET_PASSWORD, { input: { token: tokenOf(created.url), password: PASSWORD } }, "ValidationError");
    const fresh = (await runOk(app.anonymous, SET_PASSWORD, { input: { token: tokenOf(reset.passwordLink.url), password: PASSWORD } })).setPassword;
    expect(fresh.__typename).toBe("SetPasswordSuccess");
    expect(await app.prisma.securityEvent.count({ where: { kind: "PASSWORD_RESET_ISSUED", targetUserId: created.user.id, actorUserId: ids.unitAdmin } })).toBe(1);
  });

  it("refuses createUser to a plain member, to an admin of another unit, and for an e-mail already in use", async () => {
    const input = { email: "nej@test.example", name: "Nej", unitId: centre.unitId, role: "MEMBER" } as const;
    await runError(as.member, CREATE_USER, { input }, "ForbiddenError");
    await runError(as.otherOrganisationAdmin, CREATE_USER, { input }, "ForbiddenError");
    await runError(as.coordinator, CREATE_USER, { input }, "ForbiddenError");
    await runError(app.anonymous, CREATE_USER, { input }, "NotAuthenticatedError");
    const memberEmail = (await app.prisma.user.findUniqueOrThrow({ where: { id: ids.member } })).email;
    const duplicate = await runError(as.unitAdmin, CREATE_USER, { input: { ...input, email: memberEmail } }, "ConflictError");
    expect(duplicate.code).toBe("CONFLICT");
    expect(await app.prisma.user.count({ where: { email: "nej@test.example" } })).toBe(0);
  });

  it("refuses a CPR number in a name and an invalid e-mail, and creates nothing", async () => {
    await runError(as.unitAdmin, CREATE_USER, { input: { email: "cpr@test.example", name: "Kim 010190-1234", unitId: centre.unitId, role: "MEMBER" } }, "CprRefusedError");
    await runError(as.unitAdmin, CREATE_USER, { input: { email: "ikke-en-adresse", name: "Kim", unitId: centre.unitId, role: "MEMBER" } }, "ValidationError");
    expect(await app.prisma.user.count({ where: { email: { in: ["cpr@test.example", "ikke-en-adresse"] } } })).toBe(0);
  });

  it("an organisation admin creates users in any unit of their organisation", async () => {
    const result = (await runOk(as.organisationAdmin, CREATE_USER, { input: { email: "bostoette@test.example", name: "Bo", unitId: service.unitId, role: "UNIT_ADMIN" } }))
      .createUser;
    expect(result).toMatchObject({ __typename: "CreateUserSuccess", passwordLink: { user: { memberships: [{ role: "UNIT_ADMIN", unit: { id: service.unitId } }] } } });
  });
});

describe("memberships and roles", () => {
  it("a unit admin adds a user to their unit, changes the role and removes them again, each logged", async () => {
    const user = await createUser(app.prisma, { memberships: [{ unitId: centre.unitId }] });
    const added = (await runOk(as.organisationAdmin, ADD_MEMBERSHIP, { input: { userId: user.id, unitId: service.unitId, role: "MEMBER" } })).addMembership;
    expect(added).toEqual({ __typename: "AddMembershipSuccess", membership: { role: "MEMBER", unit: { id: service.unitId }, user: { id: user.id } } });
    const changed = (await runOk(as.unitAdmin, CHANGE_ROLE, { input: { userId: user.id, unitId: centre.unitId, role: "UNIT_ADMIN" } })).changeMembershipRole;
    expect(changed).toEqual({ __typename: "ChangeMembershipRoleSuccess", membership: { role: "UNIT_ADMIN" } });
    const removed = (await runOk(as.unitAdmin, REMOVE_MEMBERSHIP, { input: { userId: user.id, unitId: centre.unitId } })).removeMembership;
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
    await runError(as.unitAdmin, ADD_MEMBERSHIP, { input: { userId: user.id, unitId: service.unitId, role: "MEMBER" } }, "ForbiddenError");
    await runError(as.unitAdmin, REMOVE_MEMBERSHIP, { input: { userId: user.id, unitId: service.unitId } }, "ForbiddenError");
    await runError(as.member, CHANGE_ROLE, { input: { userId: ids.member, unitId: centre.unitId, role: "UNIT_ADMIN" } }, "ForbiddenError");
    expect(await app.prisma.membership.count({ where: { userId: user.id } })).toBe(1);
  });

  it("refuses to take away an admin's own last admin right, with a clear error", async () => {
    const admin = await createUser(app.prisma, { memberships: [{ unitId: service.unitId, role: "UNIT_ADMIN" }] });
    const caller = await app.as(admin.id);
    const demote = await runError(caller, CHANGE_ROLE, { input: { userId: admin.id, unitId: service.unitId, role: "MEMBER" } }, "ConflictError");
    expect(demote.message).toBe("This is your last administrator right. Ask another administrator to do it.");
    await runError(caller, REMOVE_MEMBERSHIP, { input: { userId: admin.id, unitId: service.unitId } }, "ConflictError");
    expect(await app.prisma.membership.findFirst({ where: { userId: admin.id }, select: { role: true } })).toEqual({ role: "UNIT_ADMIN" });

    // The organisation admin may demote them.
    const byOrganisationAdmin = (await runOk(as.organisationAdmin, CHANGE_ROLE, { input: { userId: admin.id, unitId: service.unitId, role: "MEMBER" } })).changeMembershipRole;
    expect(byOrganisationAdmin).toEqual({ __typename: "ChangeMembershipRoleSuccess", membership: { role: "MEMBER" } });
  });

  it("refuses adding a membership that already exists", async () => {
    await runError(as.unitAdmin, ADD_MEMBERSHIP, { input: { userId: ids.member, unitId: centre.unitId, role: "MEMBER" } }, "ConflictError");
  });
});

describe("deactivation and who may manage a user", () => {
  it("a unit admin cannot reset or deactivate a user who also belongs to a unit they do not administer", async () => {
    const shared = await createUser(app.prisma, { memberships: [{ unitId: centre.unitId }, { unitId: otherCentre.unitId }] });
    await runError(as.unitAdmin, ISSUE_RESET, { input: { userId: shared.id } }, "ForbiddenError");
    await runError(as.unitAdmin, DEACTIVATE, { input: { userId: shared.id } }, "ForbiddenError");
    expect((await runOk(as.platformAdmin, ISSUE_RESET, { input: { userId: shared.id } })).issuePasswordReset.__typename).toBe("IssuePasswordResetSuccess");
  });

  it("only a platform admin may reset or deactivate a coordinator or an organisation admin", async () => {
    await runError(as.organisationAdmin, DEACTIVATE, { input: { userId: ids.coordinator } }, "ForbiddenError");
    await runError(as.unitAdmin, ISSUE_RESET, { input: { userId: ids.organisationAdmin } }, "ForbiddenError");
    await runError(as.otherOrganisationAdmin, DEACTIVATE, { input: { userId: ids.member } }, "ForbiddenError");
    expect(await app.prisma.user.count({ where: { id: { in: [ids.coordinator, ids.member] }, isActive: false } })).toBe(0);
  });

  it("an admin cannot deactivate themselves", async () => {
    await runError(as.platformAdmin, DEACTIVATE, { input: { userId: ids.platformAdmin } }, "ConflictError");
  });

  it("deactivation and reactivation are logged for the user's organisation", async () => {
    const user = await createUser(app.prisma, { memberships: [{ unitId: centre.unitId }] });
    expect((await runOk(as.unitAdmin, DEACTIVATE, { input: { userId: user.id } })).deactivateUser.__typename).toBe("DeactivateUserSuccess");
    expect((await runOk(as.unitAdmin, REACTIVATE, { input: { userId: user.id } })).reactivateUser).toEqual({
      __typename: "ReactivateUserSuccess",
      user: { isActive: true },
    });
    const kinds = (await app.prisma.securityEvent.findMany({ where: { targetUserId: user.id, organisationId, actorUserId: ids.unitAdmin } })).map((event) => event.kind);
    expect(kinds.sort()).toEqual(["USER_DEACTIVATED", "USER_REACTIVATED"]);
  });
});

describe("what others see of a user", () => {
  const COLLEAGUES = graphql(`query Colleagues($unitId: ID) { users(unitId: $unitId, first: 100) { edges { node { id name email isActive } } } }`);
  const UNIT_MEMBERS = graphql(`query UnitMembers { me { memberships { unit { id members { user { id email } } } } } }`);

  it("a unit admin sees the e-mail of their unit's members; a member may not list the unit's members", async () => {
    const member = await app.prisma.user.findUniqueOrThrow({ where: { id: ids.member } });
    const asAdmin = await runOk(as.unitAdmin, COLLEAGUES, { unitId: centre.unitId });
    expect(asAdmin.users.edges.map((edge) => edge.node)).toContainEqual({ id: member.id, name: member.name, email: member.email, isActive: true });

    const adminView = await runOk(as.unitAdmin, UNIT_MEMBERS);
    expect(adminView.me?.memberships[0]?.unit.members).toContainEqual({ user: { id: member.id, email: member.email } });

    const memberView = await run(as.member, UNIT_MEMBERS);
    expect(memberView.data?.me?.memberships[0]?.unit).toEqual({ id: centre.unitId, members: null });
    expect(memberView.errors?.[0]?.extensions?.["code"]).toBe("FORBIDDEN");
  });

  it("a user sees their own e-mail", async () => {
    const ownView = await runOk(as.member, graphql(`query OwnEmail { me { user { email } memberships { user { email } } } }`));
    const email = (await app.prisma.user.findUniqueOrThrow({ where: { id: ids.member } })).email;
    expect(ownView.me).toEqual({ user: { email }, memberships: [{ user: { email } }] });
  });

  it("an organisation admin sees who acted in the log, but not the e-mail of a platform admin", async () => {
    const user = await createUser(app.prisma, { memberships: [{ unitId: service.unitId }] });
    await runOk(as.platformAdmin, ISSUE_RESET, { input: { userId: user.id } });
    const log = await runOk(
      as.organisationAdmin,
      graphql(`query ActorsInLog { securityEvents(first: 100) { edges { node { kind actor { id name email } target { id email } } } } }`),
    );
    const reset = log.securityEvents.edges.map((edge) => edge.node).find((event) => event.kind === "PASSWORD_RESET_ISSUED" && event.target?.id === user.id);
    expect(reset?.actor).toMatchObject({ id: ids.platformAdmin, email: null });
    expect(reset?.target?.email).toBe(user.email);
  });

  it("users() is refused to members and coordinators, and lists only administered users for admins", async () => {
    await runError(as.member, COLLEAGUES, {}, "FORBIDDEN");
    await runError(as.coordinator, COLLEAGUES, {}, "FORBIDDEN");
    await runError(as.unitAdmin, COLLEAGUES, { unitId: otherCentre.unitId }, "FORBIDDEN");
    const other = await runOk(as.otherOrganisationAdmin, COLLEAGUES, {});
    const visible = other.users.edges.map((edge) => edge.node.id);
    expect(visible).toContain(ids.otherOrganisationAdmin);
    expect(visible).not.toContain(ids.member);
  });

  it("units() lists what the viewer administers; organisations() is for platform admins", async () => {
    const UNITS = graphql(`query Units { units { id } }`);
    const ORGANISATIONS = graphql(`query Organisations { organisations { id } }`);
    expect((await runOk(as.unitAdmin, UNITS)).units).toEqual([{ id: centre.unitId }]);
    const organisationUnits = (await runOk(as.organisationAdmin, UNITS)).units.map((unit) => unit.id);
    expect(organisationUnits.sort()).toEqual([centre.unitId, service.unitId].sort());
    await runError(as.organisationAdmin, ORGANISATIONS, {}, "FORBIDDEN");
    const all = (await runOk(as.platformAdmin, ORGANISATIONS)).organisations.map((row) => row.id);
    expect(all).toEqual(expect.arrayContaining([organisationId, otherOrganisationId]));
  });
});

describe("the security log", () => {
  const EVENTS = graphql(`query Events($organisationId: ID) {
    securityEvents(organisationId: $organisationId, first: 100) { edges { node { kind organisation { id } actor { id } target { id } ip } } }
  }`);
  const eventsSeenBy = async (caller: Caller) => (await runOk(caller, EVENTS, {})).securityEvents.edges.map((edge) => edge.node);

  it("an organisation admin reads their organisation's events only; a platform admin reads all", async () => {
    const elsewhere = await createUser(app.prisma, { memberships: [{ unitId: otherCentre.unitId }] });
    await runOk(as.otherOrganisationAdmin, DEACTIVATE, { input: { userId: elsewhere.id } });
    const here = await createUser(app.prisma, { memberships: [{ unitId: centre.unitId }] });
    await runOk(as.unitAdmin, DEACTIVATE, { input: { userId: here.id } });

    const ours = await eventsSeenBy(as.organisationAdmin);
    expect(ours.length).toBeGreaterThan(0);
    expect(ours.every((event) => event.organisation?.id === organisationId)).toBe(true);
    expect(ours).toContainEqual({ kind: "USER_DEACTIVATED", organisation: { id: organisationId }, actor: { id: ids.unitAdmin }, target: { id: here.id }, ip: expect.any(String) });
    expect(ours.some((event) => event.target?.id === elsewhere.id)).toBe(false);

    const all = await eventsSeenBy(as.platformAdmin);
    expect(all.some((event) => event.target?.id === elsewhere.id)).toBe(true);
    expect(all.some((event) => event.target?.id === here.id)).toBe(true);
  });

  it("is refused to coordinators, unit admins, members, and to an org admin asking for another organisation", async () => {
    for (const caller of [as.coordinator, as.unitAdmin, as.member]) await runError(caller, EVENTS, {}, "FORBIDDEN");
    await runError(app.anonymous, EVENTS, {}, "NOT_AUTHENTICATED");
    await runError(as.organisationAdmin, EVENTS, { organisationId: otherOrganisationId }, "FORBIDDEN");
  });
});

describe("switching the active unit", () => {
  const SWITCH = graphql(`mutation Switch($input: SwitchActiveUnitInput!) {
    switchActiveUnit(input: $input) { __typename ... on SwitchActiveUnitSuccess { me { activeUnit { id } } } ... on Error { code } }
  }`);
  const ACTIVE_UNIT = graphql(`query ActiveUnit { me { activeUnit { id } } }`);

  it("a member of two units switches between them; the choice sticks to the session", async () => {
    const user = await createUser(app.prisma, { memberships: [{ unitId: centre.unitId }, { unitId: service.unitId, role: "UNIT_ADMIN" }] });
    const caller = await app.as(user.id);
    const other = await app.as(user.id);
    expect((await runOk(caller, graphql(`query Memberships { me { activeUnit { id } memberships { role unit { id } } } }`))).me).toEqual({
      activeUnit: { id: centre.unitId },
      memberships: [
        { role: "MEMBER", unit: { id: centre.unitId } },
        { role: "UNIT_ADMIN", unit: { id: service.unitId } },
      ],
    });
    const switched = (await runOk(caller, SWITCH, { input: { unitId: service.unitId } })).switchActiveUnit;
    expect(switched).toEqual({ __typename: "SwitchActiveUnitSuccess", me: { activeUnit: { id: service.unitId } } });
    expect((await runOk(caller, ACTIVE_UNIT)).me?.activeUnit).toEqual({ id: service.unitId });
    // Another session of the same user keeps its own active unit.
    expect((await runOk(other, ACTIVE_UNIT)).me?.activeUnit).toEqual({ id: centre.unitId });
  });

  it("refuses a unit the user is not a member of", async () => {
    await runError(as.member, SWITCH, { input: { unitId: service.unitId } }, "ForbiddenError");
    expect((await runOk(as.member, ACTIVE_UNIT)).me?.activeUnit).toEqual({ id: centre.unitId });
  });

  it("me is null when signed out and tells admins which organisations they administer", async () => {
    expect((await runOk(app.anonymous, graphql(`query SignedOut { me { user { id } } }`))).me).toBeNull();
    const organisationAdmin = await runOk(as.organisationAdmin, graphql(`query AdminMe { me { administeredOrganisations { id } isCoordinator isPlatformAdmin activeUnit { id } } }`));
    expect(organisationAdmin.me).toEqual({ administeredOrganisations: [{ id: organisationId }], isCoordinator: false, isPlatformAdmin: false, activeUnit: null });
    const coordinator = await runOk(as.coordinator, graphql(`query CoordinatorMe { me { isCoordinator administeredOrganisations { id } } }`));
    expect(coordinator.me).toEqual({ isCoordinator: true, administeredOrganisations: [] });
  });
});
