// Stable HSDS ids. Our own rows keep their UUIDs; an HSDS entity that one of our rows gives rise
// to (a centre's address, its own offer as a service, an overnight period's second day) gets the
// row's UUID XOR a fixed mask per kind. That is stable, collision-free within a kind, and
// reversible, so /service_at_locations/{id} finds its row with one indexed lookup.
import { createHash } from "node:crypto";

export type DerivedKind =
  | "centre-service"
  | "centre-service-at-location"
  | "centre-address"
  | "centre-phone"
  | "centre-contact"
  | "public-holidays"
  | "common-closed-days"
  | "overnight-continuation"
  | "service-location"
  | "service-address"
  | "service-phone"
  | "service-at-own-location"
  | "series-service-at-location"
  | "visit-service-at-location"
  | "visit-schedule"
  | "unit";

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const masks = new Map<string, Buffer>();

function maskOf(kind: string): Buffer {
  let mask = masks.get(kind);
  if (!mask) {
    mask = createHash("sha1").update(`traedesten-hsds:${kind}`).digest().subarray(0, 16);
    masks.set(kind, mask);
  }
  return mask;
}

function toBytes(uuid: string): Buffer {
  return Buffer.from(uuid.replace(/-/g, ""), "hex");
}

function fromBytes(bytes: Buffer): string {
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}

/** The id of the `kind` entity derived from our row `rowId`. */
export function derivedId(rowId: string, kind: DerivedKind): string {
  const bytes = toBytes(rowId);
  const mask = maskOf(kind);
  for (let index = 0; index < 16; index++) bytes[index] = bytes[index]! ^ mask[index]!;
  return fromBytes(bytes);
}

/** The row a derived id came from (the XOR is its own inverse); null for a malformed id. */
export function rowIdOf(hsdsId: string, kind: DerivedKind): string | null {
  return isUuid(hsdsId) ? derivedId(hsdsId.toLowerCase(), kind) : null;
}

/** A name-based UUID (RFC 4122 version 5) in our namespace, for entities keyed by a name. */
export function nameBasedId(name: string): string {
  const bytes = createHash("sha1").update(`traedesten-hsds/${name}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  return fromBytes(Buffer.from(bytes));
}
