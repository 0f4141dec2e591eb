import { describe, it, expect } from "vitest";
import {
  generateHandoverCode,
  HANDOVER_CODE_ALPHABET,
  normalizeHandoverCode,
} from "../../server/modules/handovers/handover-code.ts";

const CODE_FORMAT = /^[34679CDFGHJKMNPQRTVWX]{4}-[34679CDFGHJKMNPQRTVWX]{4}$/;

describe("HANDOVER_CODE_ALPHABET", () => {
  it("has 21 distinct uppercase symbols", () => {
    expect(HANDOVER_CODE_ALPHABET).toHaveLength(21);
    expect(new Set(HANDOVER_CODE_ALPHABET).size).toBe(21);
    expect(HANDOVER_CODE_ALPHABET).toBe(HANDOVER_CODE_ALPHABET.toUpperCase());
  });

  it.each([..."0O1IL5S2Z8B"])("leaves out the look-alike %s", (symbol) => {
    expect(HANDOVER_CODE_ALPHABET).not.toContain(symbol);
  });

  it.each([..."AEUY"])("leaves out the vowel %s so a code cannot spell a word", (symbol) => {
    expect(HANDOVER_CODE_ALPHABET).not.toContain(symbol);
  });

  it("gives at least 35 bits of entropy across eight symbols", () => {
    expect(8 * Math.log2(HANDOVER_CODE_ALPHABET.length)).toBeGreaterThanOrEqual(35);
  });
});

describe("generateHandoverCode", () => {
  it("formats eight alphabet symbols as two groups of four", () => {
    for (let index = 0; index < 200; index++) expect(generateHandoverCode()).toMatch(CODE_FORMAT);
  });

  it("picks each symbol with the given random source", () => {
    const picks = [0, 1, 2, 3, 17, 18, 19, 20];
    const maxima: number[] = [];
    const code = generateHandoverCode((max) => {
      maxima.push(max);
      return picks.shift() ?? 0;
    });
    expect(code).toBe("3467-TVWX");
    expect(maxima).toEqual(Array(8).fill(21));
  });

  it("refuses a random source that returns a number outside the alphabet", () => {
    expect(() => generateHandoverCode(() => 21)).toThrow(RangeError);
    expect(() => generateHandoverCode(() => -1)).toThrow(RangeError);
  });

  it("never repeats a code across 10 000 codes", () => {
    const codes = new Set(Array.from({ length: 10_000 }, () => generateHandoverCode()));
    expect(codes.size).toBe(10_000);
  });

  it("uses every symbol of the alphabet over 10 000 codes", () => {
    const used = new Set(Array.from({ length: 10_000 }, () => generateHandoverCode().replace("-", "")).join(""));
    expect([...used].sort().join("")).toBe([...HANDOVER_CODE_ALPHABET].sort().join(""));
  });

  it("returns a code that normalizes to itself", () => {
    const code = generateHandoverCode();
    expect(normalizeHandoverCode(code)).toBe(code);
  });
});

describe("normalizeHandoverCode", () => {
  it.each([
    ["the canonical form", "K7QH-M3XC"],
    ["lowercase", "k7qh-m3xc"],
    ["mixed case", "K7qh-M3xC"],
    ["a missing dash", "K7QHM3XC"],
    ["a space instead of the dash", "K7QH M3XC"],
    ["spaces around and inside", "  k7 qh  m3 xc "],
    ["an en dash", "K7QH–M3XC"],
    ["a dash in the wrong place", "K7-QHM-3XC"],
  ])("accepts %s", (_case, input) => {
    expect(normalizeHandoverCode(input)).toBe("K7QH-M3XC");
  });

  it.each([
    ["a zero", "K7QH-M0XC"],
    ["an O", "K7QH-MOXC"],
    ["a one", "K7QH-M1XC"],
    ["an I", "K7QH-MIXC"],
    ["an L", "K7QH-MLXC"],
    ["a lowercase l", "k7qh-mlxc"],
    ["an S", "K7QH-MSXC"],
    ["a five", "K7QH-M5XC"],
    ["a Z", "K7QH-MZXC"],
    ["a two", "K7QH-M2XC"],
    ["a B", "K7QH-MBXC"],
    ["an eight", "K7QH-M8XC"],
    ["a vowel", "K7QH-MAXC"],
    ["a Danish letter", "K7QH-MØXC"],
  ])("refuses a code with %s rather than guessing what was meant", (_case, input) => {
    expect(normalizeHandoverCode(input)).toBeNull();
  });

  it.each([
    ["seven symbols", "K7QH-M3X"],
    ["nine symbols", "K7QH-M3XCD"],
    ["nothing", ""],
    ["only separators", " - "],
    ["punctuation", "K7QH.M3XC"],
  ])("refuses %s", (_case, input) => {
    expect(normalizeHandoverCode(input)).toBeNull();
  });
});
