// The handover life cycle follows the FHIR Task state machine used for closed-loop referrals
// (https://hl7.org/fhir/task.html#statemachine). The table below is the only place it is defined.

export const HANDOVER_STATUSES = [
  "DRAFT",
  "SENT",
  "RECEIVED",
  "ACCEPTED",
  "COMPLETED",
  "DECLINED",
  "CANCELLED",
  "EXPIRED",
  "WITHDRAWN",
  "ON_HOLD",
  "OPEN",
] as const;
export type HandoverStatus = (typeof HANDOVER_STATUSES)[number];

export const HANDOVER_ACTIONS = [
  "send",
  "receive",
  "accept",
  "decline",
  "complete",
  "cancel",
  "expire",
  "withdraw",
  "hold",
  "resume",
  "retry",
  "refer",
  "claim",
] as const;
export type HandoverAction = (typeof HANDOVER_ACTIONS)[number];

export const HANDOVER_SIDES = ["SENDER", "RECEIVER", "SYSTEM"] as const;
export type HandoverSide = (typeof HANDOVER_SIDES)[number];

export const HANDOVER_OUTCOMES = ["CONNECTED", "DID_NOT_SHOW", "CITIZEN_DECLINED", "REFERRED_ON"] as const;
export type HandoverOutcome = (typeof HANDOVER_OUTCOMES)[number];

export type HandoverTransition = {
  readonly action: HandoverAction;
  readonly from: readonly HandoverStatus[];
  readonly to: HandoverStatus;
  readonly side: HandoverSide;
  /** What the actor must give with the action: a free-text reason, a `HandoverOutcome`, a date to look again, or a new meeting. */
  readonly requires: "reason" | "outcome" | "lookAgainAt" | "meeting" | "nextHandover" | null;
  /** The event written; by default the event type of the status it leads to. */
  readonly event?: "ON_HOLD" | "RESUMED" | "NO_SHOW_RETRIED" | "COMPLETED" | "CLAIMED";
};

// A Record keyed by action makes the compiler refuse a table that forgets an action.
const TRANSITIONS: Record<HandoverAction, HandoverTransition> = {
  send: { action: "send", from: ["DRAFT"], to: "SENT", side: "SENDER", requires: null },
  receive: { action: "receive", from: ["SENT"], to: "RECEIVED", side: "RECEIVER", requires: null },
  // Accepting straight from SENT is allowed: a receiver may answer without opening the inbox item first.
  accept: { action: "accept", from: ["SENT", "RECEIVED"], to: "ACCEPTED", side: "RECEIVER", requires: null },
  decline: { action: "decline", from: ["SENT", "RECEIVED"], to: "DECLINED", side: "RECEIVER", requires: "reason" },
  complete: { action: "complete", from: ["ACCEPTED", "ON_HOLD"], to: "COMPLETED", side: "RECEIVER", requires: "outcome" },
  cancel: {
    action: "cancel",
    from: ["DRAFT", "SENT", "RECEIVED", "ACCEPTED", "ON_HOLD", "OPEN"],
    to: "CANCELLED",
    side: "SENDER",
    requires: "reason",
  },
  // An open request nobody claimed expires like an unanswered handover.
  expire: { action: "expire", from: ["SENT", "RECEIVED", "OPEN"], to: "EXPIRED", side: "SYSTEM", requires: null },
  // Consent can be withdrawn at any moment before the handover closes, and takes effect at once.
  withdraw: {
    action: "withdraw",
    from: ["DRAFT", "SENT", "RECEIVED", "ACCEPTED", "ON_HOLD", "OPEN"],
    to: "WITHDRAWN",
    side: "SENDER",
    requires: null,
  },
  // Waiting for the citizen (e.g. out of reach for a while), with a date to look again.
  hold: { action: "hold", from: ["ACCEPTED"], to: "ON_HOLD", side: "RECEIVER", requires: "lookAgainAt", event: "ON_HOLD" },
  resume: { action: "resume", from: ["ON_HOLD"], to: "ACCEPTED", side: "RECEIVER", requires: null, event: "RESUMED" },
  // The citizen did not show: a new meeting is proposed on the same handover, no new handover needed.
  retry: { action: "retry", from: ["ACCEPTED", "ON_HOLD"], to: "ACCEPTED", side: "RECEIVER", requires: "meeting", event: "NO_SHOW_RETRIED" },
  // The receiver refers the citizen on: a new handover from the receiver, linked to this one, which completes as REFERRED_ON.
  refer: { action: "refer", from: ["ACCEPTED", "ON_HOLD"], to: "COMPLETED", side: "RECEIVER", requires: "nextHandover", event: "COMPLETED" },
  // A unit of the group takes an open request: it becomes the receiver and has accepted. Only
  // one can: the claim is a conditional update (status OPEN, no receiver yet) in the database.
  claim: { action: "claim", from: ["OPEN"], to: "ACCEPTED", side: "RECEIVER", requires: null, event: "CLAIMED" },
};

export function transitionFor(action: HandoverAction): HandoverTransition {
  return TRANSITIONS[action];
}

/** The event type an action writes: its own, or the one named after the status it leads to. */
export function eventTypeFor(action: HandoverAction): string {
  const transition = TRANSITIONS[action];
  return transition.event ?? transition.to;
}

/** The status an action leads to, or ILLEGAL_TRANSITION when the action is not allowed from `current`. */
export function nextStatus(
  current: HandoverStatus,
  action: HandoverAction,
): { ok: true; status: HandoverStatus } | { ok: false; reason: "ILLEGAL_TRANSITION" } {
  const transition = TRANSITIONS[action];
  return transition.from.includes(current)
    ? { ok: true, status: transition.to }
    : { ok: false, reason: "ILLEGAL_TRANSITION" };
}

/** A status is terminal when no action leads out of it; derived from the table so the two cannot disagree. */
export function isTerminal(status: HandoverStatus): boolean {
  return HANDOVER_ACTIONS.every((action) => !TRANSITIONS[action].from.includes(status));
}

/** The actions `side` may take on a handover in `status`, in the order of `HANDOVER_ACTIONS`. */
export function allowedActions(status: HandoverStatus, side: HandoverSide): HandoverAction[] {
  return HANDOVER_ACTIONS.filter((action) => {
    const transition = TRANSITIONS[action];
    return transition.side === side && transition.from.includes(status);
  });
}
