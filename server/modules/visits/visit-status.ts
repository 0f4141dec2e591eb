// The visit life cycle. The table below is the only place that says which status may go to
// which, by whom, and which event the change writes (the way handover-status.ts does it).
import type { VisitEventType, VisitStatus } from "../../generated/prisma/enums.ts";

export const VISIT_ACTIONS = ["request", "confirm", "decline", "reschedule", "cancel", "expire"] as const;
export type VisitAction = (typeof VISIT_ACTIONS)[number];

/** Who acts: the host centre's staff, the booking service's staff, or the system (a job). */
export type VisitSide = "CENTRE" | "SERVICE" | "SYSTEM";

export interface VisitTransition {
  readonly action: VisitAction;
  /** Empty for `request`: it creates the visit. */
  readonly from: readonly VisitStatus[];
  readonly to: VisitStatus;
  /**
   * The status when the centre needs not confirm: the service is trusted by the centre, or the
   * centre itself acts. Null when that makes no difference.
   */
  readonly toWithoutConfirmation: VisitStatus | null;
  readonly sides: readonly VisitSide[];
  readonly requiresReason: boolean;
  readonly event: VisitEventType;
}

// A Record keyed by action makes the compiler refuse a table that forgets an action.
const TRANSITIONS: Record<VisitAction, VisitTransition> = {
  request: { action: "request", from: [], to: "REQUESTED", toWithoutConfirmation: "CONFIRMED", sides: ["SERVICE"], requiresReason: false, event: "REQUESTED" },
  confirm: { action: "confirm", from: ["REQUESTED"], to: "CONFIRMED", toWithoutConfirmation: null, sides: ["CENTRE"], requiresReason: false, event: "CONFIRMED" },
  decline: { action: "decline", from: ["REQUESTED"], to: "DECLINED", toWithoutConfirmation: null, sides: ["CENTRE"], requiresReason: true, event: "DECLINED" },
  // A new time needs the centre's confirmation again, unless the service is trusted or the centre moved it.
  reschedule: {
    action: "reschedule",
    from: ["REQUESTED", "CONFIRMED"],
    to: "REQUESTED",
    toWithoutConfirmation: "CONFIRMED",
    sides: ["CENTRE", "SERVICE"],
    requiresReason: false,
    event: "RESCHEDULED",
  },
  cancel: { action: "cancel", from: ["REQUESTED", "CONFIRMED"], to: "CANCELLED", toWithoutConfirmation: null, sides: ["CENTRE", "SERVICE"], requiresReason: true, event: "CANCELLED" },
  expire: { action: "expire", from: ["REQUESTED"], to: "EXPIRED", toWithoutConfirmation: null, sides: ["SYSTEM"], requiresReason: false, event: "EXPIRED" },
};

export function visitTransitionFor(action: VisitAction): VisitTransition {
  return TRANSITIONS[action];
}

/** The status `action` leads to from `current`, or null when the table does not allow it. */
export function nextVisitStatus(current: VisitStatus, action: VisitAction, withoutConfirmation = false): VisitStatus | null {
  const transition = TRANSITIONS[action];
  if (!transition.from.includes(current)) return null;
  return withoutConfirmation && transition.toWithoutConfirmation ? transition.toWithoutConfirmation : transition.to;
}

/** The status a new booking starts in: the `request` row of the table. */
export function requestedVisitStatus(withoutConfirmation: boolean): VisitStatus {
  const transition = TRANSITIONS.request;
  return withoutConfirmation && transition.toWithoutConfirmation ? transition.toWithoutConfirmation : transition.to;
}

/** Statuses no action leads out of; derived from the table so the two cannot disagree. */
export function isTerminalVisitStatus(status: VisitStatus): boolean {
  return VISIT_ACTIONS.every((action) => !TRANSITIONS[action].from.includes(status));
}

/** The actions `side` may take on a visit in `status`, in the order of VISIT_ACTIONS. */
export function allowedVisitActions(status: VisitStatus, side: VisitSide): VisitAction[] {
  return VISIT_ACTIONS.filter((action) => TRANSITIONS[action].sides.includes(side) && TRANSITIONS[action].from.includes(status));
}
