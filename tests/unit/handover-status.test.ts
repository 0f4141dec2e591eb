import { describe, it, expect } from "vitest";
import {
  allowedActions,
  HANDOVER_ACTIONS,
  HANDOVER_STATUSES,
  isTerminal,
  nextStatus,
  transitionFor,
  type HandoverAction,
  type HandoverSide,
  type HandoverStatus,
} from "../../server/modules/handovers/handover-status.ts";

// The life cycle written out independently of the implementation's table: status → action → next status.
const EXPECTED: Record<HandoverStatus, Partial<Record<HandoverAction, HandoverStatus>>> = {
  DRAFT: { send: "SENT", cancel: "CANCELLED", withdraw: "WITHDRAWN" },
  SENT: {
    receive: "RECEIVED",
    accept: "ACCEPTED",
    decline: "DECLINED",
    cancel: "CANCELLED",
    expire: "EXPIRED",
    withdraw: "WITHDRAWN",
  },
  RECEIVED: { accept: "ACCEPTED", decline: "DECLINED", cancel: "CANCELLED", expire: "EXPIRED", withdraw: "WITHDRAWN" },
  ACCEPTED: { complete: "COMPLETED", cancel: "CANCELLED", withdraw: "WITHDRAWN", hold: "ON_HOLD", retry: "ACCEPTED", refer: "COMPLETED" },
  ON_HOLD: { complete: "COMPLETED", cancel: "CANCELLED", withdraw: "WITHDRAWN", resume: "ACCEPTED", retry: "ACCEPTED", refer: "COMPLETED" },
  // An open request to a group: a unit of the group claims it; until then the sender may cancel, and it expires unclaimed.
  OPEN: { claim: "ACCEPTED", cancel: "CANCELLED", expire: "EXPIRED", withdraw: "WITHDRAWN" },
  COMPLETED: {},
  DECLINED: {},
  CANCELLED: {},
  EXPIRED: {},
  WITHDRAWN: {},
};

const EXPECTED_SIDE: Record<HandoverAction, HandoverSide> = {
  send: "SENDER",
  cancel: "SENDER",
  withdraw: "SENDER",
  receive: "RECEIVER",
  accept: "RECEIVER",
  decline: "RECEIVER",
  complete: "RECEIVER",
  expire: "SYSTEM",
  hold: "RECEIVER",
  resume: "RECEIVER",
  retry: "RECEIVER",
  refer: "RECEIVER",
  claim: "RECEIVER",
};

const EVERY_PAIR = HANDOVER_STATUSES.flatMap((status) => HANDOVER_ACTIONS.map((action) => [status, action] as const));

describe("nextStatus", () => {
  it("covers all eleven statuses and thirteen actions", () => {
    expect(HANDOVER_STATUSES).toHaveLength(11);
    expect(HANDOVER_ACTIONS).toHaveLength(13);
    expect(EVERY_PAIR).toHaveLength(143);
  });

  it.each(EVERY_PAIR)("from %s, %s leads where the life cycle says or is refused", (status, action) => {
    const expected = EXPECTED[status][action];
    const result = nextStatus(status, action);
    if (expected === undefined) {
      expect(result).toEqual({ ok: false, reason: "ILLEGAL_TRANSITION" });
    } else {
      expect(result).toEqual({ ok: true, status: expected });
    }
  });

  it("allows exactly 30 transitions in total", () => {
    const allowed = EVERY_PAIR.filter(([status, action]) => nextStatus(status, action).ok);
    expect(allowed).toHaveLength(30);
  });
});

describe("isTerminal", () => {
  it("marks exactly COMPLETED, DECLINED, CANCELLED, EXPIRED and WITHDRAWN as terminal", () => {
    expect(HANDOVER_STATUSES.filter(isTerminal)).toEqual(["COMPLETED", "DECLINED", "CANCELLED", "EXPIRED", "WITHDRAWN"]);
  });

  it.each(HANDOVER_STATUSES.filter((status) => Object.keys(EXPECTED[status]).length === 0))(
    "refuses every action on a %s handover",
    (status) => {
      for (const action of HANDOVER_ACTIONS) expect(nextStatus(status, action).ok).toBe(false);
    },
  );
});

describe("transitionFor", () => {
  it.each(HANDOVER_ACTIONS)("gives %s to the side the design names", (action) => {
    expect(transitionFor(action).side).toBe(EXPECTED_SIDE[action]);
  });

  it("requires a reason to decline and to cancel, an outcome to complete, and nothing else", () => {
    const requirements = Object.fromEntries(HANDOVER_ACTIONS.map((action) => [action, transitionFor(action).requires]));
    expect(requirements).toEqual({
      send: null,
      receive: null,
      accept: null,
      decline: "reason",
      complete: "outcome",
      cancel: "reason",
      expire: null,
      withdraw: null,
      hold: "lookAgainAt",
      resume: null,
      retry: "meeting",
      refer: "nextHandover",
      claim: null,
    });
  });

  it("agrees with nextStatus on every status it allows", () => {
    for (const action of HANDOVER_ACTIONS) {
      const transition = transitionFor(action);
      for (const status of transition.from) expect(nextStatus(status, action)).toEqual({ ok: true, status: transition.to });
    }
  });
});

describe("allowedActions", () => {
  const SIDES = ["SENDER", "RECEIVER", "SYSTEM"] as const;
  const cases = HANDOVER_STATUSES.flatMap((status) => SIDES.map((side) => [status, side] as const));

  it.each(cases)("in %s, %s may take exactly the actions the life cycle gives that side", (status, side) => {
    const expected = HANDOVER_ACTIONS.filter(
      (action) => EXPECTED[status][action] !== undefined && EXPECTED_SIDE[action] === side,
    );
    expect(allowedActions(status, side)).toEqual(expected);
  });

  it("lets the sender send, cancel or withdraw a draft", () => {
    expect(allowedActions("DRAFT", "SENDER")).toEqual(["send", "cancel", "withdraw"]);
  });

  it("lets the receiver accept or decline a received handover, but not receive it again", () => {
    expect(allowedActions("RECEIVED", "RECEIVER")).toEqual(["accept", "decline"]);
  });

  it("lets only the system expire a handover", () => {
    expect(allowedActions("SENT", "SYSTEM")).toEqual(["expire"]);
    expect(allowedActions("SENT", "SENDER")).not.toContain("expire");
    expect(allowedActions("SENT", "RECEIVER")).not.toContain("expire");
  });

  it("gives nobody an action on a completed handover", () => {
    for (const side of SIDES) expect(allowedActions("COMPLETED", side)).toEqual([]);
  });
});
