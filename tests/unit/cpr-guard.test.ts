import { describe, it, expect } from "vitest";
import { assertNoCpr, CPR_REFUSED_MESSAGE, findCprLikeNumber } from "../../server/shared/cpr-guard.ts";

describe("findCprLikeNumber", () => {
  it.each([
    ["with a dash", "010190-1234"],
    ["without a separator", "0101901234"],
    ["with a space instead of the dash", "010190 1234"],
    ["with an en dash pasted from a word processor", "010190\u20131234"],
    ["with a no-break space", "010190\u00A01234"],
    ["inside a sentence", "Borgeren (cpr 010190-1234) kommer tirsdag."],
    ["right after letters", "cpr:0101901234"],
    ["at the end of a line", "Noter\nCPR 241290-4321"],
    ["split by an invisible soft hyphen", "010190\u00AD-1234"],
    ["split by a zero-width space", "0101\u200B901234"],
  ])("finds a CPR-like number %s", (_case, text) => {
    expect(findCprLikeNumber(text)).toBe(true);
  });

  it("finds a number that fails the modulus-11 check, since such CPR numbers are issued since 2007", () => {
    const weights = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
    const digits = [..."0101901234"].map(Number);
    const weightedSum = digits.reduce((sum, digit, index) => sum + digit * (weights[index] ?? 0), 0);
    expect(weightedSum % 11).not.toBe(0);
    expect(findCprLikeNumber("0101901234")).toBe(true);
  });

  it("accepts 29 February in a year divisible by four, since 00 can be the leap year 2000", () => {
    expect(findCprLikeNumber("290200-1234")).toBe(true);
    expect(findCprLikeNumber("290204-1234")).toBe(true);
  });

  it("ignores 29 February in a year that is never a leap year", () => {
    expect(findCprLikeNumber("290201-1234")).toBe(false);
    expect(findCprLikeNumber("290299-1234")).toBe(false);
  });

  it("accepts the last day of each month and refuses the day after", () => {
    const lastDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    lastDays.forEach((lastDay, index) => {
      const month = String(index + 1).padStart(2, "0");
      expect(findCprLikeNumber(`${lastDay}${month}91-1234`), `${lastDay}/${month}`).toBe(true);
      expect(findCprLikeNumber(`${lastDay + 1}${month}91-1234`), `${lastDay + 1}/${month}`).toBe(false);
    });
  });

  it.each([
    ["day 32", "320190-1234"],
    ["month 13", "311390-1234"],
    ["day 00", "000190-1234"],
    ["month 00", "010090-1234"],
    ["31 April", "310490-1234"],
  ])("ignores an invalid date: %s", (_case, text) => {
    expect(findCprLikeNumber(text)).toBe(false);
  });

  it.each([
    ["a phone number with country code", "Ring på +45 12 34 56 78"],
    ["a phone number without spaces", "12345678"],
    ["a phone number in pairs", "22 33 44 55"],
    ["a phone number with country code and no spaces", "+4524129012"],
    ["a date with dashes", "24-12-2026"],
    ["a date with dots", "24.12.2026"],
    ["a short date", "241226"],
    ["opening hours with a colon", "10:00-14:00"],
    ["opening hours with dots and an en dash", "20.00–02.00"],
    ["a price", "1.250,00 kr."],
    ["a 12-digit number starting with a valid date", "010190123456"],
    ["a 12-digit number with a valid date inside", "120101901234"],
    ["a date range in DDMMYY form", "010126-310126"],
    ["a seven-digit group before the dash", "1010190-1234"],
    ["five digits after the dash", "010190-12345"],
    ["three digits after the dash", "010190-123"],
    ["a dot instead of the dash", "010190.1234"],
    ["an empty text", ""],
  ])("ignores %s", (_case, text) => {
    expect(findCprLikeNumber(text)).toBe(false);
  });

  it("finds a valid number after an invalid one in the same text", () => {
    expect(findCprLikeNumber("320190-1234 og 010190-1234")).toBe(true);
  });

  it("returns only a boolean, never the number itself", () => {
    expect(findCprLikeNumber("010190-1234")).toStrictEqual(true);
  });
});

describe("assertNoCpr", () => {
  it("names every field that contains a CPR-like number, in the order given", () => {
    const offending = assertNoCpr({
      purpose: "Bostøtte, cpr 010190-1234",
      wish: "Vil gerne have hjælp til post",
      note: "0202021234",
    });
    expect(offending).toEqual([{ field: "purpose" }, { field: "note" }]);
  });

  it("skips empty fields", () => {
    expect(assertNoCpr({ purpose: null, wish: undefined, note: "" })).toEqual([]);
  });

  it("returns field names only, never the text that was refused", () => {
    const offending = assertNoCpr({ note: "010190-1234" });
    expect(JSON.stringify(offending)).not.toContain("010190");
  });
});

describe("CPR_REFUSED_MESSAGE", () => {
  it.each([["da" as const], ["en" as const]])("says in %s that CPR numbers are never needed and must be removed", (language) => {
    const message = CPR_REFUSED_MESSAGE[language];
    expect(message).toContain("CPR");
    expect(message).toMatch(language === "da" ? /aldrig brug for/ : /never needs/);
    expect(message).toMatch(language === "da" ? /Fjern/ : /Remove/);
  });

  it("contains no digits, so it can never echo a number", () => {
    expect(CPR_REFUSED_MESSAGE.da).not.toMatch(/\d/);
    expect(CPR_REFUSED_MESSAGE.en).not.toMatch(/\d/);
  });
});
