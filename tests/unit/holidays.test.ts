import { describe, it, expect } from "vitest";
import {
  commonlyClosedDayOn,
  commonlyClosedDays,
  danishPublicHolidays,
  easterSunday,
  publicHolidayOn,
} from "../../server/modules/directory/holidays.ts";

describe("easterSunday", () => {
  it.each([
    [2024, "2024-03-31"],
    [2025, "2025-04-20"],
    [2026, "2026-04-05"],
    [2027, "2027-03-28"],
    [2000, "2000-04-23"],
    [2019, "2019-04-21"],
    [1818, "1818-03-22"], // earliest possible date
    [2038, "2038-04-25"], // latest possible date
  ])("computes Easter Sunday %i as %s", (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });

  it("rejects years before the Gregorian calendar and non-integers", () => {
    expect(() => easterSunday(1582)).toThrow(RangeError);
    expect(() => easterSunday(2026.5)).toThrow(RangeError);
  });
});

describe("danishPublicHolidays", () => {
  it("lists every public holiday of 2026 in date order", () => {
    expect(danishPublicHolidays(2026).map(({ date, key }) => `${date} ${key}`)).toEqual([
      "2026-01-01 newYearsDay",
      "2026-04-02 maundyThursday",
      "2026-04-03 goodFriday",
      "2026-04-05 easterSunday",
      "2026-04-06 easterMonday",
      "2026-05-14 ascensionDay",
      "2026-05-24 whitSunday",
      "2026-05-25 whitMonday",
      "2026-12-25 christmasDay",
      "2026-12-26 secondDayOfChristmas",
    ]);
  });

  it("includes Store bededag in 2023, four weeks after Good Friday", () => {
    expect(danishPublicHolidays(2023)).toContainEqual({
      date: "2023-05-05",
      key: "greatPrayerDay",
      nameDa: "Store bededag",
      nameEn: "Great Prayer Day",
    });
  });

  it("leaves out Store bededag from 2024, when it was abolished", () => {
    expect(danishPublicHolidays(2024).map((holiday) => holiday.key)).not.toContain("greatPrayerDay");
    expect(publicHolidayOn("2024-04-26")).toBeNull();
  });

  it("puts Kristi himmelfartsdag 2026 on 14 May", () => {
    expect(publicHolidayOn("2026-05-14")).toEqual({
      date: "2026-05-14",
      key: "ascensionDay",
      nameDa: "Kristi himmelfartsdag",
      nameEn: "Ascension Day",
    });
  });

  it("names the Easter and Whitsun Mondays with their Danish ordinals", () => {
    expect(publicHolidayOn("2025-04-21")?.nameDa).toBe("2. påskedag");
    expect(publicHolidayOn("2025-06-09")?.nameDa).toBe("2. pinsedag");
    expect(publicHolidayOn("2025-12-26")?.nameDa).toBe("2. juledag");
  });
});

describe("commonly closed days", () => {
  it("lists Grundlovsdag, Juleaftensdag and Nytårsaftensdag", () => {
    expect(commonlyClosedDays(2026).map(({ date, nameDa }) => `${date} ${nameDa}`)).toEqual([
      "2026-06-05 Grundlovsdag",
      "2026-12-24 Juleaftensdag",
      "2026-12-31 Nytårsaftensdag",
    ]);
  });

  it("does not count commonly closed days as public holidays", () => {
    expect(publicHolidayOn("2026-06-05")).toBeNull();
    expect(publicHolidayOn("2026-12-24")).toBeNull();
    expect(commonlyClosedDayOn("2026-12-24")?.key).toBe("christmasEve");
  });

  it("returns null for an ordinary date", () => {
    expect(commonlyClosedDayOn("2026-06-04")).toBeNull();
    expect(publicHolidayOn("2026-06-04")).toBeNull();
  });
});

describe("date lookups", () => {
  it("rejects dates that are not real yyyy-mm-dd dates", () => {
    expect(() => publicHolidayOn("2026-02-30")).toThrow(RangeError);
    expect(() => publicHolidayOn("25-12-2026")).toThrow(RangeError);
    expect(() => commonlyClosedDayOn("2026-13-01")).toThrow(RangeError);
  });
});
