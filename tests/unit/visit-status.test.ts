// The visit transition table: which status may go to which, by whom.
import { describe, expect, it } from "vitest";
import { allowedVisitActions, isTerminalVisitStatus, nextVisitStatus, requestedVisitStatus, visitTransitionFor } from "../../server/modules/visits/visit-status.ts";

describe("visit transition table", () => {
  it("lets only the centre answer a request, and only the system expire it", () => {
    expect(allowedVisitActions("REQUESTED", "CENTRE")).toEqual(["confirm", "decline", "reschedule", "cancel"]);
    expect(allowedVisitActions("REQUESTED", "SERVICE")).toEqual(["reschedule", "cancel"]);
    expect(allowedVisitActions("REQUESTED", "SYSTEM")).toEqual(["expire"]);
    expect(allowedVisitActions("CONFIRMED", "SERVICE")).toEqual(["reschedule", "cancel"]);
  });

  it("sends a rescheduled visit back to REQUESTED unless no confirmation is needed", () => {
    expect(nextVisitStatus("CONFIRMED", "reschedule")).toBe("REQUESTED");
    expect(nextVisitStatus("CONFIRMED", "reschedule", true)).toBe("CONFIRMED");
    expect(requestedVisitStatus(false)).toBe("REQUESTED");
    expect(requestedVisitStatus(true)).toBe("CONFIRMED");
  });

  it("refuses moves the table does not list", () => {
    expect(nextVisitStatus("CONFIRMED", "confirm")).toBeNull();
    expect(nextVisitStatus("CONFIRMED", "expire")).toBeNull();
    expect(nextVisitStatus("DECLINED", "reschedule")).toBeNull();
    expect(nextVisitStatus("EXPIRED", "cancel")).toBeNull();
  });

  it("derives terminal statuses and reasons from the table", () => {
    expect(["DECLINED", "CANCELLED", "EXPIRED"].every((status) => isTerminalVisitStatus(status as "EXPIRED"))).toBe(true);
    expect(isTerminalVisitStatus("REQUESTED")).toBe(false);
    expect(visitTransitionFor("decline").requiresReason).toBe(true);
    expect(visitTransitionFor("reschedule").event).toBe("RESCHEDULED");
  });
});
