// The pure rules behind every figure: small counts, rates and medians on small bases, Danish formatting.
import { describe, expect, it } from "vitest";
import { csvValueOf, hoursFigure, median, rateFigure, scoreFigure, suppress } from "../server/modules/insights/suppression.ts";

describe("suppression", () => {
  it("shows 0 as \"0\", suppresses 1–4 as \"<5\", and shows 5 and up with Danish thousands separators", () => {
    expect(suppress(0)).toMatchObject({ value: 0, display: "0", isSuppressed: false });
    for (const count of [1, 2, 3, 4]) expect(suppress(count)).toMatchObject({ value: null, display: "<5", isSuppressed: true });
    expect(suppress(5)).toMatchObject({ value: 5, display: "5", isSuppressed: false });
    expect(suppress(1234)).toMatchObject({ value: 1234, display: "1.234" });
  });

  it("suppresses a rate whose base is 1–4 and has no rate without a base", () => {
    expect(rateFigure("rate", 4, 4)).toMatchObject({ value: null, display: "<5", isSuppressed: true });
    expect(rateFigure("rate", 0, 0)).toMatchObject({ value: null, display: "–", isSuppressed: false });
    expect(rateFigure("rate", 3, 5)).toMatchObject({ value: 60, display: "60 %", isSuppressed: false });
    expect(rateFigure("rate", 2, 3 * 5)).toMatchObject({ display: "13 %" });
  });

  it("formats hours and scores with a decimal comma, suppressed on small bases", () => {
    expect(hoursFigure("hours", 3.5, 5)).toMatchObject({ value: 3.5, display: "3,5 t" });
    expect(hoursFigure("hours", 3.5, 4)).toMatchObject({ value: null, display: "<5" });
    expect(scoreFigure("mean", 3.84, 5)).toMatchObject({ display: "3,8" });
    expect(scoreFigure("mean", 3.84, 2)).toMatchObject({ display: "<5", isSuppressed: true });
  });

  it("takes the median as the middle value, or the mean of the middle two", () => {
    expect(median([])).toBeNull();
    expect(median([7, 1, 3])).toBe(3);
    expect(median([10, 1, 4, 2])).toBe(3);
  });

  it("writes CSV values without units or thousands separators", () => {
    expect(csvValueOf(suppress(1234))).toBe("1234");
    expect(csvValueOf(suppress(3))).toBe("<5");
    expect(csvValueOf(rateFigure("rate", 1, 8 * 100))).toBe("0,1");
    expect(csvValueOf(hoursFigure("hours", 1234.56, 9))).toBe("1234,6");
    expect(csvValueOf(rateFigure("rate", 0, 0))).toBe("");
  });
});
