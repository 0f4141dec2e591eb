// The citizen's two ways in to their handover, with no account: a link token printed as a QR
// code on the receipt, and a short PIN typed together with the handover code. Only SHA-256
// hashes are stored, so the database alone cannot open a citizen's page.
import { createHash, randomInt } from "node:crypto";
import { newToken } from "../../shared/tokens.ts";

/** 144 random bits: unguessable by trying, and a whole number of base64url characters (24). */
const LINK_TOKEN_BYTES = 18;
export const PIN_LENGTH = 4;

const LINK_TOKEN_SHAPE = /^[A-Za-z0-9_-]{24}$/;
const PIN_SHAPE = new RegExp(`^\\d{${PIN_LENGTH}}$`);

/** A fresh link token for /h/<token>. */
export function generateLinkToken(): string {
  return newToken(LINK_TOKEN_BYTES);
}

/** A fresh PIN of PIN_LENGTH digits, leading zeros kept. */
export function generatePin(): string {
  return String(randomInt(10 ** PIN_LENGTH)).padStart(PIN_LENGTH, "0");
}

export function hashLinkToken(token: string): string {
  return createHash("sha256").update(`link:${token}`).digest("hex");
}

/** Salted with the handover's id, so equal PINs on two handovers hash differently. */
export function hashPin(handoverId: string, pin: string): string {
  return createHash("sha256").update(`pin:${handoverId}:${pin}`).digest("hex");
}

/** True when `token` could be a link token; anything else is refused before the database. */
export function isLinkTokenShaped(token: string): boolean {
  return LINK_TOKEN_SHAPE.test(token);
}

/** The PIN as typed, with spaces forgiven; null when it cannot be a PIN. */
export function normalizePin(input: string): string | null {
  const digits = input.replace(/\s/g, "");
  return PIN_SHAPE.test(digits) ? digits : null;
}

/** The path of the citizen's page for a token; PUBLIC_URL goes in front. */
export function citizenPagePath(token: string): string {
  return `/h/${token}`;
}
