// The client's message formatting: placeholders and plurals chosen by Intl.PluralRules, so no
// screen says "1 dage" again.
import { describe, expect, it } from "vitest";
import { formatMessage } from "../../client/src/i18n/i18n.tsx";
import { da } from "../../client/src/i18n/da.ts";
import { en } from "../../client/src/i18n/en.ts";

describe("formatMessage", () => {
  it("picks the Danish and English plural forms", () => {
    const template = "Typisk ventetid: {days, plural, one {# dag} other {# dage}}";
    expect(formatMessage(template, { days: 1 }, "da")).toBe("Typisk ventetid: 1 dag");
    expect(formatMessage(template, { days: 3 }, "da")).toBe("Typisk ventetid: 3 dage");
    expect(formatMessage(template, { days: 0 }, "da")).toBe("Typisk ventetid: 0 dage");
    expect(formatMessage("{count, plural, one {# centre matches} other {# centres match}}", { count: 1 }, "en")).toBe("1 centre matches");
  });

  it("fills plain placeholders inside a plural form", () => {
    expect(formatMessage("{count, plural, one {# gang fra {date} er aflyst.} other {# gange fra {date} er aflyst.}}", { count: 1, date: "3. december" }, "da")).toBe(
      "1 gang fra 3. december er aflyst.",
    );
  });

  it("no catalogue message builds a plural by hand from a bare {count} or {days} before a plural noun", () => {
    const handMade = /\{(count|days)\} (dage|gange|ulæste|væresteder|days|occurrences|centres|services)\b/;
    for (const catalogue of [da, en]) {
      for (const [key, text] of Object.entries(catalogue)) expect(`${key}: ${text}`).not.toMatch(handMade);
    }
  });
});
