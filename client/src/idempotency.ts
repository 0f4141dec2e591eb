// One idempotency key per form submission: made when the form opens, sent with every attempt
// of that submission (so a retry after a lost answer returns what the first attempt created),
// and renewed once the submission succeeded, so the next one is a new creation.
import { useCallback, useState } from "react";

function newKey(): string {
  // randomUUID needs a secure context (HTTPS or localhost); getRandomValues does not.
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** The current submission's key and a function to start a new submission. */
export function useIdempotencyKey(): [key: string, renew: () => void] {
  const [key, setKey] = useState(newKey);
  const renew = useCallback(() => setKey(newKey()), []);
  return [key, renew];
}
