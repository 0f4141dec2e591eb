// The shape of one row of the authorization matrix. Each module lists its operations in
// tests/authorization/rows/<module>.rows.ts; authorization-matrix.test.ts runs every cell.
import type { Caller, TestApp } from "../support/app.ts";
import type { Persona, World } from "./personas.ts";

export interface MatrixContext {
  app: TestApp;
  world: World;
  persona: Persona;
  /** A new session for the same persona, for operations that end or change the session. */
  freshCaller(): Promise<Caller>;
}

export interface MatrixRow {
  /** "Query.field", "Mutation.field" or "Subscription.field", exactly as in schema.graphql. */
  operation: string;
  /** Who may use it. Everyone else must get FORBIDDEN or NOT_AUTHENTICATED. */
  allowed: Persona[];
  /**
   * The request to send. It may create throwaway data first (via context.app.prisma), so a
   * mutation that succeeds for one persona does not spoil the cell of the next. Select
   * `__typename` on result unions so a typed ForbiddenError can be seen.
   */
  request(context: MatrixContext): Promise<{ query: string; variables?: Record<string, unknown> }>;
  /** For operations that are not plain request/response (subscriptions): decide yourself. */
  run?(caller: Caller, context: MatrixContext): Promise<"allowed" | "denied">;
}

const DENIAL_TYPENAMES = new Set(["ForbiddenError", "NotAuthenticatedError"]);
const DENIAL_CODES = new Set(["FORBIDDEN", "NOT_AUTHENTICATED"]);

function containsDenial(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(containsDenial);
  if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (typeof record["__typename"] === "string" && DENIAL_TYPENAMES.has(record["__typename"])) return true;
    return Object.values(record).some(containsDenial);
  }
  return false;
}

/** Denied when the answer carries a typed denial in data or a denial code in errors. */
export function outcomeOf(response: { data?: unknown; errors?: { extensions?: Record<string, unknown> }[] }): "allowed" | "denied" {
  const deniedByError = response.errors?.some((error) => DENIAL_CODES.has(String(error.extensions?.["code"]))) ?? false;
  return deniedByError || containsDenial(response.data) ? "denied" : "allowed";
}
