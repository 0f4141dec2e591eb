import { describe, it, expect } from "vitest";
import {
  coverageGaps,
  isOpenDuring,
  openIntervalsBetween,
  openingStatusAt,
  validateOpeningPeriods,
  weekHourCoverage,
  type OpenInterval,
  type OpeningException,
  type OpeningPeriod,
  type OpeningSchedule,
  type OpeningStatus,
} from "../../server/modules/directory/opening-hours.ts";
import { formatClock, formatWeekdayName, type IsoWeekday } from "../../server/shared/copenhagen-time.ts";

// Calendar used below (2026): Jan 12 is a Monday (winter time, UTC+1); summer time (UTC+2) runs
// from Sunday Mar 29 to Sunday Oct 25; Apr 6 is 2. påskedag; Jun 5 (Grundlovsdag) is a Friday.

function minuteOf(clock: string): number {
  const [hours, minutes] = clock.split(":").map(Number);
  return hours! * 60 + minutes!;
}

function period(
  weekday: IsoWeekday,
  start: string,
  end: string,
  overrides: Partial<OpeningPeriod> = {},
): OpeningPeriod {
  return {
    weekday,
    startMinute: minuteOf(start),
    endMinute: minuteOf(end),
    isOvernight: false,
    staffing: "STAFFED",
    ...overrides,
  };
}

function overnight(weekday: IsoWeekday, start: string, end: string): OpeningPeriod {
  return period(weekday, start, end, { isOvernight: true });
}

function weekdays(start: string, end: string): OpeningPeriod[] {
  return ([1, 2, 3, 4, 5] as const).map((weekday) => period(weekday, start, end));
}

function schedule(overrides: Partial<OpeningSchedule> = {}): OpeningSchedule {
  return {
    periods: [],
    exceptions: [],
    publicHolidayPolicy: "NORMAL_HOURS",
    publicHolidaySpecialHours: null,
    commonClosedDaysPolicy: "NORMAL_HOURS",
    commonClosedDaysSpecialHours: null,
    ...overrides,
  };
}

function closedOn(date: string): OpeningException {
  return { date, kind: "CLOSED", startMinute: null, endMinute: null };
}

function specialHoursOn(date: string, start: string, end: string): OpeningException {
  return { date, kind: "SPECIAL_HOURS", startMinute: minuteOf(start), endMinute: minuteOf(end) };
}

function at(isoInstant: string): Date {
  return new Date(isoInstant);
}

function describeIntervals(intervals: OpenInterval[]): string[] {
  return intervals.map(
    ({ start, end, staffing }) => `${start.toISOString()} ${end.toISOString()} ${staffing}`,
  );
}

function intervalsBetween(subject: OpeningSchedule, from: string, to: string): string[] {
  return describeIntervals(openIntervalsBetween(subject, at(from), at(to)));
}

function describeStatus(status: OpeningStatus) {
  return {
    isOpen: status.isOpen,
    closesAt: status.closesAt?.toISOString() ?? null,
    opensNextAt: status.opensNextAt?.toISOString() ?? null,
    staffing: status.staffing,
  };
}

function statusAt(subject: OpeningSchedule, instant: string) {
  return describeStatus(openingStatusAt(subject, at(instant)));
}

describe("openIntervalsBetween", () => {
  const weekdayCentre = schedule({ periods: weekdays("10:00", "14:00") });

  it("keeps a weekly 10:00–14:00 at local wall-clock time in winter and in summer", () => {
    expect(intervalsBetween(weekdayCentre, "2026-01-11T23:00:00Z", "2026-01-12T23:00:00Z")).toEqual([
      "2026-01-12T09:00:00.000Z 2026-01-12T13:00:00.000Z STAFFED",
    ]);
    expect(intervalsBetween(weekdayCentre, "2026-06-14T22:00:00Z", "2026-06-15T22:00:00Z")).toEqual([
      "2026-06-15T08:00:00.000Z 2026-06-15T12:00:00.000Z STAFFED",
    ]);
  });

  it("returns every interval overlapping the window sorted by start, without merging touching ones", () => {
    const split = schedule({
      periods: [
        period(1, "14:00", "18:00", { staffing: "VOLUNTEERS" }),
        period(1, "10:00", "14:00"),
        period(2, "09:00", "10:00"),
      ],
    });
    expect(intervalsBetween(split, "2026-01-12T12:00:00Z", "2026-01-13T08:30:00Z")).toEqual([
      "2026-01-12T09:00:00.000Z 2026-01-12T13:00:00.000Z STAFFED",
      "2026-01-12T13:00:00.000Z 2026-01-12T17:00:00.000Z VOLUNTEERS",
      "2026-01-13T08:00:00.000Z 2026-01-13T09:00:00.000Z STAFFED",
    ]);
  });

  it("includes an overnight opening that started on the previous date", () => {
    const nightCafe = schedule({ periods: [overnight(5, "20:00", "02:00")] });
    expect(intervalsBetween(nightCafe, "2026-01-16T23:00:00Z", "2026-01-17T11:00:00Z")).toEqual([
      "2026-01-16T19:00:00.000Z 2026-01-17T01:00:00.000Z STAFFED",
    ]);
  });

  it("wraps a Sunday overnight opening into Monday", () => {
    const sundayNight = schedule({ periods: [overnight(7, "20:00", "02:00")] });
    expect(intervalsBetween(sundayNight, "2026-01-18T23:00:00Z", "2026-01-19T11:00:00Z")).toEqual([
      "2026-01-18T19:00:00.000Z 2026-01-19T01:00:00.000Z STAFFED",
    ]);
  });

  it("returns nothing for an empty window and rejects a window that ends before it starts", () => {
    expect(intervalsBetween(weekdayCentre, "2026-01-12T10:00:00Z", "2026-01-12T10:00:00Z")).toEqual([]);
    expect(() => openIntervalsBetween(weekdayCentre, at("2026-01-12T10:00:00Z"), at("2026-01-12T09:00:00Z"))).toThrow(
      RangeError,
    );
  });
});

describe("daylight saving time", () => {
  it("keeps Sunday 10:00–14:00 local on the spring-forward Sunday, one hour earlier in UTC", () => {
    const sundays = schedule({ periods: [period(7, "10:00", "14:00")] });
    expect(intervalsBetween(sundays, "2026-03-21T23:00:00Z", "2026-03-22T23:00:00Z")).toEqual([
      "2026-03-22T09:00:00.000Z 2026-03-22T13:00:00.000Z STAFFED",
    ]);
    const [springSunday] = openIntervalsBetween(sundays, at("2026-03-28T23:00:00Z"), at("2026-03-29T22:00:00Z"));
    expect(describeIntervals(springSunday ? [springSunday] : [])).toEqual([
      "2026-03-29T08:00:00.000Z 2026-03-29T12:00:00.000Z STAFFED",
    ]);
    expect(formatClock(springSunday!.start, "da")).toBe("10:00");
    expect(formatClock(springSunday!.end, "da")).toBe("14:00");
  });

  it("moves a start time that does not exist in spring forward by the length of the gap", () => {
    const earlyShift = schedule({ periods: [period(7, "02:30", "05:00")] });
    const [interval] = openIntervalsBetween(earlyShift, at("2026-03-28T23:00:00Z"), at("2026-03-29T22:00:00Z"));
    expect(describeIntervals(interval ? [interval] : [])).toEqual([
      "2026-03-29T01:30:00.000Z 2026-03-29T03:00:00.000Z STAFFED",
    ]);
    expect(formatClock(interval!.start, "da")).toBe("03:30");
  });

  it("drops a period that collapses inside the spring-forward gap", () => {
    const collapsing = schedule({ periods: [period(7, "02:30", "03:15")] });
    expect(intervalsBetween(collapsing, "2026-03-28T23:00:00Z", "2026-03-29T22:00:00Z")).toEqual([]);
  });

  it("shortens an overnight opening across spring forward to the real six hours", () => {
    const nightShelter = schedule({ periods: [overnight(6, "22:00", "06:00")] });
    expect(intervalsBetween(nightShelter, "2026-03-28T12:00:00Z", "2026-03-29T12:00:00Z")).toEqual([
      "2026-03-28T21:00:00.000Z 2026-03-29T04:00:00.000Z STAFFED",
    ]);
  });

  it("keeps Sunday 10:00–14:00 local on the autumn-back Sunday, one hour later in UTC", () => {
    const sundays = schedule({ periods: [period(7, "10:00", "14:00")] });
    expect(intervalsBetween(sundays, "2026-10-17T22:00:00Z", "2026-10-18T22:00:00Z")).toEqual([
      "2026-10-18T08:00:00.000Z 2026-10-18T12:00:00.000Z STAFFED",
    ]);
    expect(intervalsBetween(sundays, "2026-10-24T22:00:00Z", "2026-10-25T23:00:00Z")).toEqual([
      "2026-10-25T09:00:00.000Z 2026-10-25T13:00:00.000Z STAFFED",
    ]);
  });

  it("takes the first occurrence of a time that happens twice in autumn", () => {
    const earlyShift = schedule({ periods: [period(7, "02:30", "04:00")] });
    const [interval] = openIntervalsBetween(earlyShift, at("2026-10-24T22:00:00Z"), at("2026-10-25T23:00:00Z"));
    expect(describeIntervals(interval ? [interval] : [])).toEqual([
      "2026-10-25T00:30:00.000Z 2026-10-25T03:00:00.000Z STAFFED",
    ]);
    expect(formatClock(interval!.start, "en")).toBe("02:30");
  });

  it("lengthens an overnight opening across autumn back to the real nine hours", () => {
    const nightShelter = schedule({ periods: [overnight(6, "22:00", "06:00")] });
    expect(intervalsBetween(nightShelter, "2026-10-24T12:00:00Z", "2026-10-25T12:00:00Z")).toEqual([
      "2026-10-24T20:00:00.000Z 2026-10-25T05:00:00.000Z STAFFED",
    ]);
  });
});

describe("openingStatusAt", () => {
  const weekdayCentre = schedule({ periods: weekdays("10:00", "14:00") });

  it("is open during a period and says when it closes and when it opens next", () => {
    expect(statusAt(weekdayCentre, "2026-01-12T10:00:00Z")).toEqual({
      isOpen: true,
      closesAt: "2026-01-12T13:00:00.000Z",
      opensNextAt: "2026-01-13T09:00:00.000Z",
      staffing: "STAFFED",
    });
  });

  it("is closed after Friday hours and opens next on Monday", () => {
    expect(statusAt(weekdayCentre, "2026-01-16T14:00:00Z")).toEqual({
      isOpen: false,
      closesAt: null,
      opensNextAt: "2026-01-19T09:00:00.000Z",
      staffing: null,
    });
  });

  it("treats the closing minute as closed", () => {
    expect(statusAt(weekdayCentre, "2026-01-12T13:00:00Z").isOpen).toBe(false);
  });

  it("closes at the later end when adjacent intervals touch, with the staffing of the current one", () => {
    const split = schedule({
      periods: [period(1, "10:00", "14:00"), period(1, "14:00", "18:00", { staffing: "VOLUNTEERS" })],
    });
    expect(statusAt(split, "2026-01-12T10:00:00Z")).toEqual({
      isOpen: true,
      closesAt: "2026-01-12T17:00:00.000Z",
      opensNextAt: "2026-01-19T09:00:00.000Z",
      staffing: "STAFFED",
    });
    expect(statusAt(split, "2026-01-12T14:00:00Z").staffing).toBe("VOLUNTEERS");
  });

  it("has no next opening when nothing opens within 14 days", () => {
    expect(statusAt(schedule(), "2026-01-12T10:00:00Z")).toEqual({
      isOpen: false,
      closesAt: null,
      opensNextAt: null,
      staffing: null,
    });
  });

  it("leaves closesAt unknown for a centre still open at the end of the 14-day horizon", () => {
    const alwaysOpen = schedule({
      periods: ([1, 2, 3, 4, 5, 6, 7] as const).map((weekday) => period(weekday, "00:00", "24:00")),
    });
    expect(statusAt(alwaysOpen, "2026-01-12T10:00:00Z")).toEqual({
      isOpen: true,
      closesAt: null,
      opensNextAt: null,
      staffing: "STAFFED",
    });
  });

  it("is open before midnight in an overnight 20:00–02:00 and closes at 02:00 the next day", () => {
    const nightCafe = schedule({ periods: [overnight(5, "20:00", "02:00")] });
    expect(statusAt(nightCafe, "2026-01-16T22:00:00Z")).toEqual({
      isOpen: true,
      closesAt: "2026-01-17T01:00:00.000Z",
      opensNextAt: "2026-01-23T19:00:00.000Z",
      staffing: "STAFFED",
    });
  });

  it("is still open after midnight in an overnight 20:00–02:00 and closed from 02:00", () => {
    const nightCafe = schedule({ periods: [overnight(5, "20:00", "02:00")] });
    expect(statusAt(nightCafe, "2026-01-17T00:30:00Z")).toMatchObject({
      isOpen: true,
      closesAt: "2026-01-17T01:00:00.000Z",
    });
    expect(statusAt(nightCafe, "2026-01-17T01:00:00Z")).toEqual({
      isOpen: false,
      closesAt: null,
      opensNextAt: "2026-01-23T19:00:00.000Z",
      staffing: null,
    });
  });

  it("is open early on Monday after a Sunday overnight opening", () => {
    const sundayNight = schedule({ periods: [overnight(7, "20:00", "02:00")] });
    expect(statusAt(sundayNight, "2026-01-19T00:00:00Z")).toEqual({
      isOpen: true,
      closesAt: "2026-01-19T01:00:00.000Z",
      opensNextAt: "2026-01-25T19:00:00.000Z",
      staffing: "STAFFED",
    });
  });
});

describe("isOpenDuring", () => {
  const weekdayCentre = schedule({ periods: weekdays("10:00", "14:00") });

  it("is true when the window overlaps an opening", () => {
    expect(isOpenDuring(weekdayCentre, at("2026-01-12T12:30:00Z"), at("2026-01-12T14:00:00Z"))).toBe(true);
  });

  it("is false when the window only touches an opening", () => {
    expect(isOpenDuring(weekdayCentre, at("2026-01-12T13:00:00Z"), at("2026-01-12T14:00:00Z"))).toBe(false);
    expect(isOpenDuring(weekdayCentre, at("2026-01-12T07:00:00Z"), at("2026-01-12T09:00:00Z"))).toBe(false);
  });
});

describe("exceptions and closed days", () => {
  const weekdayCentre = schedule({ periods: weekdays("10:00", "14:00") });
  const mondayInWinter = ["2026-01-11T23:00:00Z", "2026-01-12T23:00:00Z"] as const;
  const easterMonday = ["2026-04-05T22:00:00Z", "2026-04-06T22:00:00Z"] as const;
  const grundlovsdag = ["2026-06-04T22:00:00Z", "2026-06-05T22:00:00Z"] as const;

  it("closes the whole date for a CLOSED exception and opens next on the following day", () => {
    const closedMonday = { ...weekdayCentre, exceptions: [closedOn("2026-01-12")] };
    expect(intervalsBetween(closedMonday, ...mondayInWinter)).toEqual([]);
    expect(statusAt(closedMonday, "2026-01-12T10:00:00Z")).toEqual({
      isOpen: false,
      closesAt: null,
      opensNextAt: "2026-01-13T09:00:00.000Z",
      staffing: null,
    });
  });

  it("replaces the normal periods of the date with SPECIAL_HOURS", () => {
    const shortMonday = { ...weekdayCentre, exceptions: [specialHoursOn("2026-01-12", "12:00", "13:00")] };
    expect(intervalsBetween(shortMonday, ...mondayInWinter)).toEqual([
      "2026-01-12T11:00:00.000Z 2026-01-12T12:00:00.000Z STAFFED",
    ]);
  });

  it("reports special hours as volunteers unless every weekly period is staffed", () => {
    const mixed = schedule({
      periods: [period(1, "10:00", "14:00"), period(6, "10:00", "14:00", { staffing: "VOLUNTEERS" })],
      exceptions: [specialHoursOn("2026-01-12", "12:00", "13:00")],
    });
    expect(intervalsBetween(mixed, ...mondayInWinter)).toEqual([
      "2026-01-12T11:00:00.000Z 2026-01-12T12:00:00.000Z VOLUNTEERS",
    ]);
  });

  it("does not cut off an overnight opening that started the day before a CLOSED date", () => {
    const nightCafe = schedule({
      periods: [overnight(5, "20:00", "02:00"), overnight(6, "20:00", "02:00")],
      exceptions: [closedOn("2026-01-17")],
    });
    expect(intervalsBetween(nightCafe, "2026-01-16T12:00:00Z", "2026-01-18T12:00:00Z")).toEqual([
      "2026-01-16T19:00:00.000Z 2026-01-17T01:00:00.000Z STAFFED",
    ]);
  });

  it("closes on a public holiday when the policy is CLOSED", () => {
    const closedOnHolidays = { ...weekdayCentre, publicHolidayPolicy: "CLOSED" as const };
    expect(intervalsBetween(closedOnHolidays, ...easterMonday)).toEqual([]);
  });

  it("keeps normal hours on a public holiday when the policy is NORMAL_HOURS", () => {
    expect(intervalsBetween(weekdayCentre, ...easterMonday)).toEqual([
      "2026-04-06T08:00:00.000Z 2026-04-06T12:00:00.000Z STAFFED",
    ]);
  });

  it("uses the holiday special hours on a public holiday when the policy is SPECIAL_HOURS", () => {
    const holidayHours = {
      ...weekdayCentre,
      publicHolidayPolicy: "SPECIAL_HOURS" as const,
      publicHolidaySpecialHours: { startMinute: minuteOf("11:00"), endMinute: minuteOf("13:00") },
    };
    expect(intervalsBetween(holidayHours, ...easterMonday)).toEqual([
      "2026-04-06T09:00:00.000Z 2026-04-06T11:00:00.000Z STAFFED",
    ]);
  });

  it("lets an exception for the date win over the public holiday policy", () => {
    const openAnyway = {
      ...weekdayCentre,
      publicHolidayPolicy: "CLOSED" as const,
      exceptions: [specialHoursOn("2026-04-06", "10:00", "12:00")],
    };
    expect(intervalsBetween(openAnyway, ...easterMonday)).toEqual([
      "2026-04-06T08:00:00.000Z 2026-04-06T10:00:00.000Z STAFFED",
    ]);
  });

  it("closes on Grundlovsdag when commonly closed days are CLOSED, whatever the holiday policy", () => {
    const closedOnCommonDays = { ...weekdayCentre, commonClosedDaysPolicy: "CLOSED" as const };
    expect(intervalsBetween(closedOnCommonDays, ...grundlovsdag)).toEqual([]);
    const closedOnHolidaysOnly = { ...weekdayCentre, publicHolidayPolicy: "CLOSED" as const };
    expect(intervalsBetween(closedOnHolidaysOnly, ...grundlovsdag)).toEqual([
      "2026-06-05T08:00:00.000Z 2026-06-05T12:00:00.000Z STAFFED",
    ]);
  });

  it("applies the public holiday policy when Grundlovsdag falls on 2. pinsedag (2006)", () => {
    const subject = { ...weekdayCentre, commonClosedDaysPolicy: "CLOSED" as const };
    expect(intervalsBetween(subject, "2006-06-04T22:00:00Z", "2006-06-05T22:00:00Z")).toEqual([
      "2006-06-05T08:00:00.000Z 2006-06-05T12:00:00.000Z STAFFED",
    ]);
  });

  it("runs commonly closed day special hours past midnight when they end before they start", () => {
    const newYearsEveParty = schedule({
      publicHolidayPolicy: "CLOSED",
      commonClosedDaysPolicy: "SPECIAL_HOURS",
      commonClosedDaysSpecialHours: { startMinute: minuteOf("20:00"), endMinute: minuteOf("02:00") },
    });
    expect(intervalsBetween(newYearsEveParty, "2026-12-31T12:00:00Z", "2027-01-01T12:00:00Z")).toEqual([
      "2026-12-31T19:00:00.000Z 2027-01-01T01:00:00.000Z VOLUNTEERS",
    ]);
  });
});

describe("weekHourCoverage and coverageGaps", () => {
  function hoursOpen(...ranges: [number, number][]): number[] {
    return Array.from({ length: 24 }, (_, hour) =>
      ranges.filter(([start, end]) => hour >= start && hour < end).length,
    );
  }

  it("counts the centres open at any moment of each local hour, Monday first", () => {
    const morning = schedule({ periods: weekdays("10:00", "14:00") });
    const afternoonAndFridayNight = schedule({
      periods: [...weekdays("12:00", "16:00"), overnight(5, "20:00", "02:00")],
    });
    const halfHours = schedule({ periods: [period(1, "10:30", "11:15")] });
    // A Wednesday instant: the matrix covers the whole week from Monday 2026-01-12.
    const matrix = weekHourCoverage([morning, afternoonAndFridayNight, halfHours], at("2026-01-14T12:00:00Z"));
    expect(matrix).toHaveLength(7);
    expect(matrix[0]).toEqual(hoursOpen([10, 14], [12, 16], [10, 12]));
    expect(matrix[4]).toEqual(hoursOpen([10, 14], [12, 16], [20, 24]));
    expect(matrix[5]).toEqual(hoursOpen([0, 2]));
    expect(matrix[6]).toEqual(hoursOpen());
  });

  it("shows last week's Sunday overnight opening in Monday's first hours", () => {
    const sundayNight = schedule({ periods: [overnight(7, "20:00", "02:00")] });
    const matrix = weekHourCoverage([sundayNight], at("2026-01-11T23:00:00Z"));
    expect(matrix[0]).toEqual(hoursOpen([0, 2]));
    expect(matrix[6]).toEqual(hoursOpen([20, 24]));
  });

  it("gives the missing spring-forward hour the coverage of the transition moment", () => {
    const nightShelter = schedule({ periods: [period(7, "00:00", "06:00")] });
    const matrix = weekHourCoverage([nightShelter], at("2026-03-23T12:00:00Z"));
    expect(matrix[6]).toEqual(hoursOpen([0, 6]));
  });

  it("lists runs of hours with no centre open, per weekday", () => {
    const daytime = schedule({
      periods: ([1, 2, 3, 4, 5, 6] as const).map((weekday) => period(weekday, "08:00", "22:00")),
    });
    const gaps = coverageGaps(weekHourCoverage([daytime], at("2026-01-12T12:00:00Z")));
    expect(gaps.filter((gap) => gap.weekday === 1)).toEqual([
      { weekday: 1, startHour: 0, endHour: 8 },
      { weekday: 1, startHour: 22, endHour: 24 },
    ]);
    expect(gaps.filter((gap) => gap.weekday === 7)).toEqual([{ weekday: 7, startHour: 0, endHour: 24 }]);
    expect(gaps).toHaveLength(13);
  });

  it("lists no gaps when every hour is covered", () => {
    const full = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 1));
    expect(coverageGaps(full)).toEqual([]);
  });
});

describe("validateOpeningPeriods", () => {
  it("accepts touching periods, overnight periods and the 15-minute and 16-hour limits", () => {
    expect(
      validateOpeningPeriods([
        period(1, "10:00", "14:00"),
        period(1, "14:00", "14:15"),
        overnight(1, "20:00", "02:00"),
        period(2, "02:00", "18:00"),
        overnight(7, "22:00", "03:00"),
        period(1, "03:00", "06:00"),
      ]),
    ).toEqual([]);
  });

  it("flags an end at or before the start of a same-day period with END_BEFORE_START", () => {
    expect(validateOpeningPeriods([period(1, "14:00", "10:00"), period(2, "10:00", "10:00")])).toEqual([
      { index: 0, field: "endMinute", code: "END_BEFORE_START" },
      { index: 1, field: "endMinute", code: "END_BEFORE_START" },
    ]);
  });

  it("flags periods shorter than 15 minutes with TOO_SHORT", () => {
    expect(validateOpeningPeriods([period(1, "10:00", "10:14")])).toEqual([
      { index: 0, field: "endMinute", code: "TOO_SHORT" },
    ]);
  });

  it("flags periods longer than 16 hours with TOO_LONG, overnight included", () => {
    expect(validateOpeningPeriods([period(1, "06:00", "22:01"), overnight(2, "20:00", "14:00")])).toEqual([
      { index: 0, field: "endMinute", code: "TOO_LONG" },
      { index: 1, field: "endMinute", code: "TOO_LONG" },
    ]);
  });

  it("flags the later of two overlapping periods on the same day with OVERLAP", () => {
    expect(validateOpeningPeriods([period(3, "10:00", "14:00"), period(3, "13:59", "16:00")])).toEqual([
      { index: 1, field: "startMinute", code: "OVERLAP" },
    ]);
  });

  it("flags a next-day period that overlaps an overnight spill with OVERLAP", () => {
    expect(validateOpeningPeriods([overnight(5, "20:00", "02:00"), period(6, "01:00", "05:00")])).toEqual([
      { index: 1, field: "startMinute", code: "OVERLAP" },
    ]);
  });

  it("flags a Monday period that overlaps a Sunday overnight spill with OVERLAP", () => {
    expect(validateOpeningPeriods([period(1, "02:00", "06:00"), overnight(7, "22:00", "03:00")])).toEqual([
      { index: 1, field: "startMinute", code: "OVERLAP" },
    ]);
  });
});

describe("formatting", () => {
  it("formats local 24-hour clock times in winter and summer", () => {
    expect(formatClock(at("2026-01-12T20:00:00Z"), "da")).toBe("21:00");
    expect(formatClock(at("2026-06-15T19:05:00Z"), "en")).toBe("21:05");
    expect(formatClock(at("2026-06-15T22:00:00Z"), "da")).toBe("00:00");
  });

  it("names ISO weekdays in Danish and English", () => {
    expect(formatWeekdayName(1, "da")).toBe("mandag");
    expect(formatWeekdayName(6, "da")).toBe("lørdag");
    expect(formatWeekdayName(7, "en")).toBe("Sunday");
  });
});
