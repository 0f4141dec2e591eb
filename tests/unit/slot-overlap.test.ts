import { describe, expect, it } from "vitest";
import { MAX_SERIES_OCCURRENCES, fitsInWindow, rangesOverlap, weeklyOccurrences } from "../../server/modules/visits/slot-overlap.ts";
import { localDateOf, localMinuteOf, zonedDateTime } from "../../server/shared/copenhagen-time.ts";

const range = (startsAt: string, endsAt: string) => ({ startsAt: new Date(startsAt), endsAt: new Date(endsAt) });
const isoInstants = (occurrences: { startsAt: Date; endsAt: Date }[]) =>
  occurrences.map((occurrence) => [occurrence.startsAt.toISOString(), occurrence.endsAt.toISOString()]);

describe("rangesOverlap", () => {
  const tenToTwelve = range("2026-03-10T09:00:00.000Z", "2026-03-10T11:00:00.000Z");

  it("does not count ranges that only touch as overlapping, in either order", () => {
    const twelveToTwo = range("2026-03-10T11:00:00.000Z", "2026-03-10T13:00:00.000Z");
    expect(rangesOverlap(tenToTwelve, twelveToTwo)).toBe(false);
    expect(rangesOverlap(twelveToTwo, tenToTwelve)).toBe(false);
  });

  it("counts a single millisecond of shared time as overlapping", () => {
    const startsOneMillisecondEarly = range("2026-03-10T10:59:59.999Z", "2026-03-10T13:00:00.000Z");
    expect(rangesOverlap(tenToTwelve, startsOneMillisecondEarly)).toBe(true);
    expect(rangesOverlap(startsOneMillisecondEarly, tenToTwelve)).toBe(true);
  });

  it("counts identical and nested ranges as overlapping", () => {
    expect(rangesOverlap(tenToTwelve, range("2026-03-10T09:00:00.000Z", "2026-03-10T11:00:00.000Z"))).toBe(true);
    expect(rangesOverlap(tenToTwelve, range("2026-03-10T09:30:00.000Z", "2026-03-10T10:00:00.000Z"))).toBe(true);
    expect(rangesOverlap(range("2026-03-10T08:00:00.000Z", "2026-03-10T12:00:00.000Z"), tenToTwelve)).toBe(true);
  });

  it("treats an empty range as overlapping nothing, like PostgreSQL's tstzrange", () => {
    const emptyInside = range("2026-03-10T10:00:00.000Z", "2026-03-10T10:00:00.000Z");
    expect(rangesOverlap(tenToTwelve, emptyInside)).toBe(false);
    expect(rangesOverlap(emptyInside, tenToTwelve)).toBe(false);
  });

  it("does not count ranges on different days as overlapping", () => {
    expect(rangesOverlap(tenToTwelve, range("2026-03-17T09:00:00.000Z", "2026-03-17T11:00:00.000Z"))).toBe(false);
  });
});

describe("local time helpers", () => {
  it("reads the Copenhagen date and minute of an instant, not the UTC ones", () => {
    const lateSummerEvening = new Date("2026-07-14T22:30:00.000Z");
    expect(localDateOf(lateSummerEvening)).toBe("2026-07-15");
    expect(localMinuteOf(lateSummerEvening)).toBe(30);
    const winterMorning = new Date("2026-01-13T09:00:00.000Z");
    expect(localDateOf(winterMorning)).toBe("2026-01-13");
    expect(localMinuteOf(winterMorning)).toBe(600);
  });

  it("turns a Copenhagen date and minute into the instant, CET in winter and CEST in summer", () => {
    expect(zonedDateTime("2026-01-13", 600).toISOString()).toBe("2026-01-13T09:00:00.000Z");
    expect(zonedDateTime("2026-07-14", 600).toISOString()).toBe("2026-07-14T08:00:00.000Z");
    expect(zonedDateTime("2026-01-13", 1440).toISOString()).toBe("2026-01-13T23:00:00.000Z");
  });

  it("shifts a time in the spring-forward gap forward by an hour", () => {
    // 02:30 does not exist on 2026-03-29; read with the CET offset it is 03:30 CEST.
    expect(zonedDateTime("2026-03-29", 150).toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(zonedDateTime("2026-03-29", 180).toISOString()).toBe("2026-03-29T01:00:00.000Z");
  });

  it("takes the first occurrence of a time repeated when clocks fall back", () => {
    expect(zonedDateTime("2026-10-25", 150).toISOString()).toBe("2026-10-25T00:30:00.000Z");
    expect(zonedDateTime("2026-10-25", 180).toISOString()).toBe("2026-10-25T02:00:00.000Z");
  });

  it("refuses malformed dates and minutes", () => {
    expect(() => zonedDateTime("2026-02-30", 600)).toThrow(RangeError);
    expect(() => zonedDateTime("2026-3-1", 600)).toThrow(RangeError);
    expect(() => zonedDateTime("2026-03-01", 1441)).toThrow(RangeError);
    expect(() => zonedDateTime("2026-03-01", 10.5)).toThrow(RangeError);
  });
});

describe("weeklyOccurrences", () => {
  const tuesdaysTenToTwelve = { startMinute: 600, endMinute: 720 };

  it("keeps Tuesdays 10–12 at 10:00 local across the spring change on 2026-03-29", () => {
    const occurrences = weeklyOccurrences({ firstDate: "2026-03-17", ...tuesdaysTenToTwelve, weeks: 3 });
    expect(occurrences.map((occurrence) => occurrence.date)).toEqual(["2026-03-17", "2026-03-24", "2026-03-31"]);
    expect(isoInstants(occurrences)).toEqual([
      ["2026-03-17T09:00:00.000Z", "2026-03-17T11:00:00.000Z"],
      ["2026-03-24T09:00:00.000Z", "2026-03-24T11:00:00.000Z"],
      ["2026-03-31T08:00:00.000Z", "2026-03-31T10:00:00.000Z"],
    ]);
  });

  it("keeps Tuesdays 10–12 at 10:00 local across the autumn change on 2026-10-25", () => {
    const occurrences = weeklyOccurrences({ firstDate: "2026-10-20", ...tuesdaysTenToTwelve, untilDate: "2026-11-03" });
    expect(isoInstants(occurrences)).toEqual([
      ["2026-10-20T08:00:00.000Z", "2026-10-20T10:00:00.000Z"],
      ["2026-10-27T09:00:00.000Z", "2026-10-27T11:00:00.000Z"],
      ["2026-11-03T09:00:00.000Z", "2026-11-03T11:00:00.000Z"],
    ]);
  });

  it("keeps the wall-clock time for a series on the Sundays the clocks change", () => {
    const occurrences = weeklyOccurrences({ firstDate: "2026-03-22", startMinute: 600, endMinute: 720, weeks: 2 });
    expect(isoInstants(occurrences)).toEqual([
      ["2026-03-22T09:00:00.000Z", "2026-03-22T11:00:00.000Z"],
      ["2026-03-29T08:00:00.000Z", "2026-03-29T10:00:00.000Z"],
    ]);
  });

  it("gives the same series for a number of weeks and for the matching inclusive end date", () => {
    const byWeeks = weeklyOccurrences({ firstDate: "2026-02-03", ...tuesdaysTenToTwelve, weeks: 8 });
    const byUntilDate = weeklyOccurrences({ firstDate: "2026-02-03", ...tuesdaysTenToTwelve, untilDate: "2026-03-24" });
    expect(byWeeks).toHaveLength(8);
    expect(byUntilDate).toEqual(byWeeks);
    expect(byWeeks.at(-1)?.date).toBe("2026-03-24");
  });

  it("stops at the last matching weekday before an end date that falls mid-week", () => {
    const occurrences = weeklyOccurrences({ firstDate: "2026-02-03", ...tuesdaysTenToTwelve, untilDate: "2026-02-16" });
    expect(occurrences.map((occurrence) => occurrence.date)).toEqual(["2026-02-03", "2026-02-10"]);
  });

  it("gives a single occurrence when the end date is the first date", () => {
    const occurrences = weeklyOccurrences({ firstDate: "2026-02-03", ...tuesdaysTenToTwelve, untilDate: "2026-02-03" });
    expect(occurrences.map((occurrence) => occurrence.date)).toEqual(["2026-02-03"]);
  });

  it("requires exactly one of weeks and untilDate", () => {
    expect(() => weeklyOccurrences({ firstDate: "2026-02-03", ...tuesdaysTenToTwelve })).toThrow(RangeError);
    expect(() =>
      weeklyOccurrences({ firstDate: "2026-02-03", ...tuesdaysTenToTwelve, weeks: 2, untilDate: "2026-02-10" }),
    ).toThrow(RangeError);
  });

  it(`allows ${MAX_SERIES_OCCURRENCES} occurrences and refuses one more, whichever way the length is given`, () => {
    expect(weeklyOccurrences({ firstDate: "2026-02-03", ...tuesdaysTenToTwelve, weeks: 104 })).toHaveLength(104);
    expect(() => weeklyOccurrences({ firstDate: "2026-02-03", ...tuesdaysTenToTwelve, weeks: 105 })).toThrow(RangeError);
    // 2026-02-03 + 104 weeks is the 105th Tuesday.
    expect(() =>
      weeklyOccurrences({ firstDate: "2026-02-03", ...tuesdaysTenToTwelve, untilDate: "2028-02-01" }),
    ).toThrow(RangeError);
    expect(
      weeklyOccurrences({ firstDate: "2026-02-03", ...tuesdaysTenToTwelve, untilDate: "2028-01-31" }),
    ).toHaveLength(104);
  });

  it("refuses an end date before the first date, zero weeks and an empty time range", () => {
    expect(() =>
      weeklyOccurrences({ firstDate: "2026-02-03", ...tuesdaysTenToTwelve, untilDate: "2026-02-02" }),
    ).toThrow(RangeError);
    expect(() => weeklyOccurrences({ firstDate: "2026-02-03", ...tuesdaysTenToTwelve, weeks: 0 })).toThrow(RangeError);
    expect(() => weeklyOccurrences({ firstDate: "2026-02-03", startMinute: 720, endMinute: 720, weeks: 1 })).toThrow(
      RangeError,
    );
  });

  it("moves a slot inside the spring-forward gap an hour later and refuses one the shift would invert", () => {
    const insideGap = weeklyOccurrences({ firstDate: "2026-03-29", startMinute: 135, endMinute: 165, weeks: 1 });
    expect(isoInstants(insideGap)).toEqual([["2026-03-29T01:15:00.000Z", "2026-03-29T01:45:00.000Z"]]);
    expect(() => weeklyOccurrences({ firstDate: "2026-03-29", startMinute: 150, endMinute: 180, weeks: 1 })).toThrow(
      /does not exist/,
    );
  });
});

describe("fitsInWindow", () => {
  const tuesdayNineToThree = { weekday: 2, startMinute: 540, endMinute: 900 };
  const thursdayMorning = { weekday: 4, startMinute: 480, endMinute: 720 };
  const windows = [thursdayMorning, tuesdayNineToThree];

  it("fits a slot inside a window on its weekday, in winter and in summer", () => {
    expect(fitsInWindow(range("2026-03-24T09:00:00.000Z", "2026-03-24T11:00:00.000Z"), windows, [])).toBe(true);
    expect(fitsInWindow(range("2026-03-31T08:00:00.000Z", "2026-03-31T10:00:00.000Z"), windows, [])).toBe(true);
  });

  it("fits a slot that fills the window exactly", () => {
    expect(fitsInWindow(range("2026-07-14T07:00:00.000Z", "2026-07-14T13:00:00.000Z"), windows, [])).toBe(true);
  });

  it("refuses a slot that starts before or ends after the window", () => {
    expect(fitsInWindow(range("2026-07-14T06:59:00.000Z", "2026-07-14T09:00:00.000Z"), windows, [])).toBe(false);
    expect(fitsInWindow(range("2026-07-14T12:00:00.000Z", "2026-07-14T13:00:01.000Z"), windows, [])).toBe(false);
  });

  it("refuses a slot whose UTC time would fit but whose local time does not", () => {
    // 13:00–14:00 UTC is 15:00–16:00 CEST, after the 15:00 close.
    expect(fitsInWindow(range("2026-07-14T13:00:00.000Z", "2026-07-14T14:00:00.000Z"), windows, [])).toBe(false);
  });

  it("refuses a slot on a weekday without a window", () => {
    expect(fitsInWindow(range("2026-07-15T08:00:00.000Z", "2026-07-15T09:00:00.000Z"), windows, [])).toBe(false);
  });

  it("refuses a slot on a closed date but not on other dates", () => {
    const slot = range("2026-07-14T08:00:00.000Z", "2026-07-14T09:00:00.000Z");
    expect(fitsInWindow(slot, windows, ["2026-07-14"])).toBe(false);
    expect(fitsInWindow(slot, windows, ["2026-07-07", "2026-07-21"])).toBe(true);
  });

  it("uses the local weekday and local date near midnight", () => {
    const tuesdayJustAfterMidnight = { weekday: 2, startMinute: 0, endMinute: 60 };
    // Monday 22:00 UTC is Tuesday 00:00 in Copenhagen summer time.
    const slot = range("2026-07-13T22:00:00.000Z", "2026-07-13T23:00:00.000Z");
    expect(fitsInWindow(slot, [tuesdayJustAfterMidnight], [])).toBe(true);
    expect(fitsInWindow(slot, [tuesdayJustAfterMidnight], ["2026-07-14"])).toBe(false);
    expect(fitsInWindow(slot, [tuesdayJustAfterMidnight], ["2026-07-13"])).toBe(true);
  });

  it("fits a slot up to 24:00 but not one that crosses midnight", () => {
    const tuesdayEvening = { weekday: 2, startMinute: 1200, endMinute: 1440 };
    expect(fitsInWindow(range("2026-07-14T20:00:00.000Z", "2026-07-14T22:00:00.000Z"), [tuesdayEvening], [])).toBe(true);
    expect(fitsInWindow(range("2026-07-14T21:00:00.000Z", "2026-07-14T22:30:00.000Z"), [tuesdayEvening], [])).toBe(
      false,
    );
  });

  it("refuses an empty slot", () => {
    expect(fitsInWindow(range("2026-07-14T08:00:00.000Z", "2026-07-14T08:00:00.000Z"), windows, [])).toBe(false);
  });
});
