// The security audit log. Written inside the transaction of the change it records; never
// holds a password, a token or an e-mail address.
import type { Prisma, Transaction } from "../../db/database.ts";
import type { SecurityEventKind } from "../../generated/prisma/enums.ts";

export interface SecurityEventInput {
  kind: SecurityEventKind;
  at: Date;
  ip: string | null;
  actorUserId?: string | null;
  targetUserId?: string | null;
  unitId?: string | null;
  /** Events about a user land in each organisation the user belongs to, so each org admin sees them. */
  organisationIds: string[];
  detail?: string | null;
}

/** Writes one event per organisation (one without organisation when there is none). */
export async function recordSecurityEvent(tx: Transaction, event: SecurityEventInput): Promise<void> {
  const { organisationIds, ...rest } = event;
  const targets = organisationIds.length > 0 ? [...new Set(organisationIds)] : [null];
  await tx.securityEvent.createMany({
    data: targets.map((organisationId) => ({
      kind: rest.kind,
      at: rest.at,
      ip: rest.ip,
      actorUserId: rest.actorUserId ?? null,
      targetUserId: rest.targetUserId ?? null,
      unitId: rest.unitId ?? null,
      organisationId,
      detail: rest.detail ?? null,
    })),
  });
}

/** The organisations a user belongs to, through a membership or as their admin. */
export async function organisationsOfUser(tx: Transaction | Prisma, userId: string): Promise<string[]> {
  const user = await tx.user.findUnique({
    where: { id: userId },
    select: { memberships: { select: { unit: { select: { organisationId: true } } } }, organisationAdmin: { select: { organisationId: true } } },
  });
  if (!user) return [];
  return [...new Set([...user.memberships.map((membership) => membership.unit.organisationId), ...user.organisationAdmin.map((row) => row.organisationId)])];
}
