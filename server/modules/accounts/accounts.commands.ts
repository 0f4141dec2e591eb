// Account management: creating users, set-password links, deactivation and memberships.
// Each change is one transaction that also writes its security event.
import { createOnce, type IdempotencyScope, recordIdempotentResult } from "../../shared/idempotency.ts";
import type { Config } from "../../config.ts";
import type { Prisma, Transaction } from "../../db/database.ts";
import type { MembershipRole, SecurityEventKind } from "../../generated/prisma/enums.ts";
import type { Viewer } from "../../graphql/context.ts";
import { ConflictError, NotFoundError, ValidationError } from "../../shared/errors.ts";
import { enqueueNotification } from "../notifications/index.ts";
import { keepsAnAdminRightWithout } from "./accounts.policy.ts";
import { hashPassword } from "./passwords.ts";
import { organisationsOfUser, recordSecurityEvent } from "./security-events.ts";
import { hashToken, newToken } from "../../shared/tokens.ts";

export const PASSWORD_LINK_HOURS = 72;

export interface Actor {
  viewer: Viewer;
  ip: string;
  now: Date;
}

/** When, from where and by whom: the part of a security event the acting admin gives. */
function performedBy(actor: Actor): { at: Date; ip: string; actorUserId: string } {
  return { at: actor.now, ip: actor.ip, actorUserId: actor.viewer.userId };
}

/** Logs what an admin did to a user, for every organisation the user belongs to. */
async function recordActionOnUser(tx: Transaction, actor: Actor, kind: SecurityEventKind, userId: string): Promise<void> {
  await recordSecurityEvent(tx, {
    kind,
    ...performedBy(actor),
    targetUserId: userId,
    organisationIds: await organisationsOfUser(tx, userId),
  });
}

export interface PasswordLink {
  url: string;
  expiresAt: Date;
}

const USER = { da: "Brugeren", en: "The user" };
const UNIT = { da: "Enheden", en: "The unit" };
const MEMBERSHIP = { da: "Medlemskabet", en: "The membership" };

/** A one-time set-password link (invalidating earlier ones). */
// The token travels in the fragment (#), which browsers never send to the server or in a Referer.
// The link is also e-mailed to the user (through the notification outbox, in this transaction).
async function issuePasswordLink(tx: Transaction, config: Config, userId: string, now: Date, kind: "PASSWORD_SETUP" | "PASSWORD_RESET"): Promise<PasswordLink> {
  await tx.passwordToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
  const token = newToken();
  const expiresAt = new Date(now.getTime() + PASSWORD_LINK_HOURS * 3_600_000);
  await tx.passwordToken.create({ data: { id: hashToken(token), userId, expiresAt, createdAt: now } });
  await enqueueNotification(tx, { kind, userId, secret: token, at: now });
  return { url: `${config.publicUrl}/saet-adgangskode#token=${token}`, expiresAt };
}

/**
 * Where the set-password link may also be shown to the admin on screen: only where no real mail
 * server carries it (development with the in-process catcher, tests without SMTP). With SMTP_URL
 * — always in production — it travels by e-mail to the user alone, never through the admin.
 */
export function passwordLinkOnScreen(config: Config, url: string): string | null {
  return config.notifications.mail.kind === "smtp" ? null : url;
}

/**
 * Makes a person a volunteer of a unit, inside the caller's transaction: someone with an account
 * gets the volunteer membership and no link; a new person gets an account and a one-time
 * set-password link (the same flow as any new user). The volunteers module calls it when it
 * accepts an application.
 */
export async function addVolunteerMembership(
  tx: Transaction,
  config: Config,
  actor: Actor,
  volunteer: { email: string; name: string; unitId: string; organisationId: string },
): Promise<{ userId: string; passwordLink: PasswordLink | null }> {
  const { email, name, unitId, organisationId } = volunteer;
  const existing = await tx.user.findUnique({ where: { email }, select: { id: true } });
  let userId: string;
  let passwordLink: PasswordLink | null = null;
  if (existing) {
    if (await tx.membership.findUnique({ where: { userId_unitId: { userId: existing.id, unitId } } })) {
      throw new ConflictError({ da: "Personen hører allerede til værestedet.", en: "The person already belongs to the centre." });
    }
    await tx.membership.create({ data: { userId: existing.id, unitId, role: "VOLUNTEER", createdAt: actor.now } });
    userId = existing.id;
  } else {
    const user = await tx.user.create({
      data: { email, name, createdAt: actor.now, memberships: { create: { unitId, role: "VOLUNTEER", createdAt: actor.now } } },
    });
    userId = user.id;
    passwordLink = await issuePasswordLink(tx, config, user.id, actor.now, "PASSWORD_SETUP");
  }
  await recordSecurityEvent(tx, {
    kind: existing ? "MEMBERSHIP_ADDED" : "USER_CREATED",
    ...performedBy(actor),
    targetUserId: userId,
    unitId,
    organisationIds: [organisationId],
    detail: "role VOLUNTEER",
  });
  return { userId, passwordLink };
}

/**
 * Creates a user in a unit and returns a one-time link for them to set their password. A repeat
 * with the same idempotency key returns the same user with a fresh link (the first link is not
 * stored, so it cannot be shown again; the fresh one replaces it).
 */
export async function createUser(
  prisma: Prisma,
  config: Config,
  actor: Actor,
  input: { email: string; name: string; unitId: string; role: MembershipRole },
  idempotency: IdempotencyScope | null = null,
) {
  return createOnce(prisma, idempotency, (userId) => issuePasswordReset(prisma, config, actor, userId), () => createNewUser(prisma, config, actor, input, idempotency));
}

async function createNewUser(
  prisma: Prisma,
  config: Config,
  actor: Actor,
  input: { email: string; name: string; unitId: string; role: MembershipRole },
  idempotency: IdempotencyScope | null,
) {
  return prisma.$transaction(async (tx) => {
    const unit = await tx.unit.findUnique({ where: { id: input.unitId }, select: { organisationId: true } });
    if (!unit) throw new NotFoundError(UNIT);
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw new ConflictError({
        da: "Der findes allerede en bruger med den e-mail. Tilføj brugeren til enheden i stedet.",
        en: "A user with this e-mail already exists. Add them to the unit instead.",
      });
    }
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, createdAt: actor.now, memberships: { create: { unitId: input.unitId, role: input.role, createdAt: actor.now } } },
    });
    const link = await issuePasswordLink(tx, config, user.id, actor.now, "PASSWORD_SETUP");
    await recordSecurityEvent(tx, {
      kind: "USER_CREATED",
      ...performedBy(actor),
      targetUserId: user.id,
      unitId: input.unitId,
      organisationIds: [unit.organisationId],
      detail: `role ${input.role}`,
    });
    await recordIdempotentResult(tx, idempotency, user.id, actor.now);
    return { user, ...link };
  });
}

/** Invalidates earlier set-password links and returns a new one. */
export async function issuePasswordReset(prisma: Prisma, config: Config, actor: Actor, userId: string) {
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw new NotFoundError(USER);
    const link = await issuePasswordLink(tx, config, userId, actor.now, "PASSWORD_RESET");
    await recordActionOnUser(tx, actor, "PASSWORD_RESET_ISSUED", userId);
    return { user, ...link };
  });
}

/**
 * Sets the password through a one-time link. Does not sign in: the user signs in next with
 * their e-mail (returned for the form), which proves they know the password they just chose.
 * Ends the user's other sessions and lifts a lockout.
 */
export async function setPassword(prisma: Prisma, input: { token: string; password: string; ip: string; now: Date }): Promise<{ email: string }> {
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    const token = await tx.passwordToken.findUnique({ where: { id: hashToken(input.token) }, include: { user: true } });
    if (!token || token.usedAt || token.expiresAt <= input.now || !token.user.isActive) {
      throw ValidationError.single("token", {
        da: "Linket er udløbet eller allerede brugt. Bed din administrator om et nyt.",
        en: "The link has expired or was already used. Ask your administrator for a new one.",
      });
    }
    await tx.passwordToken.update({ where: { id: token.id }, data: { usedAt: input.now } });
    await tx.user.update({ where: { id: token.userId }, data: { passwordHash, failedLoginCount: 0, lockedUntil: null } });
    await tx.session.updateMany({ where: { userId: token.userId, revokedAt: null }, data: { revokedAt: input.now } });
    await recordSecurityEvent(tx, {
      kind: "PASSWORD_SET",
      at: input.now,
      ip: input.ip,
      actorUserId: token.userId,
      targetUserId: token.userId,
      organisationIds: await organisationsOfUser(tx, token.userId),
    });
    return { email: token.user.email };
  });
}

/** Deactivates a user and ends all their sessions at once. */
export async function deactivateUser(prisma: Prisma, actor: Actor, userId: string) {
  if (userId === actor.viewer.userId) {
    throw new ConflictError({ da: "Du kan ikke deaktivere dig selv.", en: "You cannot deactivate yourself." });
  }
  return prisma.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
    if (!existing) throw new NotFoundError(USER);
    const user = await tx.user.update({ where: { id: userId }, data: { isActive: false } });
    await tx.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: actor.now } });
    await tx.passwordToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: actor.now } });
    await recordActionOnUser(tx, actor, "USER_DEACTIVATED", userId);
    return user;
  });
}

/** Lets a deactivated user sign in again (with their old password, or a new link). */
export async function reactivateUser(prisma: Prisma, actor: Actor, userId: string) {
  return prisma.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
    if (!existing) throw new NotFoundError(USER);
    const user = await tx.user.update({ where: { id: userId }, data: { isActive: true, failedLoginCount: 0, lockedUntil: null } });
    await recordActionOnUser(tx, actor, "USER_REACTIVATED", userId);
    return user;
  });
}

/** Adds an existing user to a unit. */
export async function addMembership(prisma: Prisma, actor: Actor, input: { userId: string; unitId: string; role: MembershipRole }) {
  return prisma.$transaction(async (tx) => {
    const unit = await tx.unit.findUnique({ where: { id: input.unitId }, select: { organisationId: true } });
    if (!unit) throw new NotFoundError(UNIT);
    if (!(await tx.user.findUnique({ where: { id: input.userId }, select: { id: true } }))) throw new NotFoundError(USER);
    if (await tx.membership.findUnique({ where: { userId_unitId: { userId: input.userId, unitId: input.unitId } } })) {
      throw new ConflictError({ da: "Brugeren er allerede medlem af enheden.", en: "The user is already a member of the unit." });
    }
    const membership = await tx.membership.create({ data: { ...input, createdAt: actor.now } });
    await recordSecurityEvent(tx, {
      kind: "MEMBERSHIP_ADDED",
      ...performedBy(actor),
      targetUserId: input.userId,
      unitId: input.unitId,
      organisationIds: [unit.organisationId],
      detail: `role ${input.role}`,
    });
    return membership;
  });
}

function refuseLosingOwnLastAdminRight(actor: Actor, membership: { userId: string; unitId: string; role: MembershipRole }, newRole: MembershipRole | null) {
  const losesAdminRole = membership.role === "UNIT_ADMIN" && newRole !== "UNIT_ADMIN";
  if (membership.userId === actor.viewer.userId && losesAdminRole && !keepsAnAdminRightWithout(actor.viewer, membership.unitId)) {
    throw new ConflictError({
      da: "Det er din sidste administratorrettighed. Bed en anden administrator om at gøre det.",
      en: "This is your last administrator right. Ask another administrator to do it.",
    });
  }
}

/** Removes a user from a unit; the user's other units are untouched. */
export async function removeMembership(prisma: Prisma, actor: Actor, input: { userId: string; unitId: string }) {
  return prisma.$transaction(async (tx) => {
    const membership = await tx.membership.findUnique({
      where: { userId_unitId: input },
      include: { unit: { select: { organisationId: true } } },
    });
    if (!membership) throw new NotFoundError(MEMBERSHIP);
    refuseLosingOwnLastAdminRight(actor, membership, null);
    await tx.membership.delete({ where: { id: membership.id } });
    await tx.session.updateMany({ where: { userId: input.userId, activeUnitId: input.unitId }, data: { activeUnitId: null } });
    await recordSecurityEvent(tx, {
      kind: "MEMBERSHIP_REMOVED",
      ...performedBy(actor),
      targetUserId: input.userId,
      unitId: input.unitId,
      organisationIds: [membership.unit.organisationId],
      detail: `role ${membership.role}`,
    });
    return membership;
  });
}

/** Changes a member's role in a unit. */
export async function changeMembershipRole(prisma: Prisma, actor: Actor, input: { userId: string; unitId: string; role: MembershipRole }) {
  return prisma.$transaction(async (tx) => {
    const membership = await tx.membership.findUnique({
      where: { userId_unitId: { userId: input.userId, unitId: input.unitId } },
      include: { unit: { select: { organisationId: true } } },
    });
    if (!membership) throw new NotFoundError(MEMBERSHIP);
    refuseLosingOwnLastAdminRight(actor, membership, input.role);
    const updated = await tx.membership.update({ where: { id: membership.id }, data: { role: input.role } });
    await recordSecurityEvent(tx, {
      kind: "ROLE_CHANGED",
      ...performedBy(actor),
      targetUserId: input.userId,
      unitId: input.unitId,
      organisationIds: [membership.unit.organisationId],
      detail: `${membership.role} -> ${input.role}`,
    });
    return updated;
  });
}

/** Makes one of the viewer's units the active one for this session. */
export async function switchActiveUnit(prisma: Prisma, viewer: Viewer, unitId: string): Promise<Viewer> {
  await prisma.session.update({ where: { id: viewer.sessionId }, data: { activeUnitId: unitId } });
  return { ...viewer, activeUnitId: unitId };
}
