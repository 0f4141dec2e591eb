import { randomInt } from "node:crypto";

// A citizen carries this code instead of a name, and staff read it aloud or type it from a note.
// Left out of the alphabet:
// - both members of every look-alike pair (0/O, 1/I/L, 5/S, 2/Z, 8/B), so a misread symbol is
//   never another valid symbol;
// - the vowels A, E, U, Y, so a code cannot spell a word (a slur, a name) in Danish or English.
// 21 symbols, 8 of them: 21^8 ≈ 3.8 × 10^10 codes, about 35.1 bits. That is unguessable by
// trying when lookups are rate-limited and only members of the two units can look a code up.
export const HANDOVER_CODE_ALPHABET = "34679CDFGHJKMNPQRTVWX";

const GROUP_LENGTH = 4;
const CODE_LENGTH = 2 * GROUP_LENGTH;

// Whitespace plus dash-like characters people type or paste between the two groups.
const IGNORED_WHEN_TYPED = /[\s\-\u2010-\u2015\u2212_]/g;

/** Creates a code like "K7QH-M3XC"; `random(max)` must return an integer in [0, max), cryptographically strong in production. */
export function generateHandoverCode(random: (max: number) => number = randomInt): string {
  let symbols = "";
  for (let index = 0; index < CODE_LENGTH; index++) {
    const symbol = HANDOVER_CODE_ALPHABET[random(HANDOVER_CODE_ALPHABET.length)];
    if (symbol === undefined) throw new RangeError("random(max) must return an integer in [0, max)");
    symbols += symbol;
  }
  return formatSymbols(symbols);
}

/**
 * The canonical "XXXX-XXXX" form of a code typed by a person, or null when it cannot be one.
 * Case, spaces and dashes are forgiven. Look-alikes (O, 0, I, 1, L, S, 5, Z, 2, B, 8) are not
 * mapped to anything: neither member of a pair is in the alphabet, so there is no right guess,
 * and a wrong guess could open another citizen's handover.
 */
export function normalizeHandoverCode(input: string): string | null {
  const symbols = input.replace(IGNORED_WHEN_TYPED, "").toUpperCase();
  if (symbols.length !== CODE_LENGTH) return null;
  for (const symbol of symbols) {
    if (!HANDOVER_CODE_ALPHABET.includes(symbol)) return null;
  }
  return formatSymbols(symbols);
}

function formatSymbols(symbols: string): string {
  return `${symbols.slice(0, GROUP_LENGTH)}-${symbols.slice(GROUP_LENGTH)}`;
}
