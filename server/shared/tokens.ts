// Secret tokens handed to a person or a calendar app (session cookies, password links, feed
// URLs, public survey links). Only a token's hash is stored, so a leaked database dump cannot be
// replayed as tokens.
import { createHash, randomBytes } from "node:crypto";

/** A survey link anyone may open: 128 bits is unguessable, and keeps the QR code small. */
export const PUBLIC_TOKEN_BYTES = 16;

/** 256 random bits by default, as base64url (43 characters). */
export function newToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/** The SHA-256 of a token, as stored in the database instead of the token. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
