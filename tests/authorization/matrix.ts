// The shape of one row of the authorization matrix. Each module lists its operations in
// tests/authorization/rows/<module>.rows.ts; authorization-matrix.test.ts runs every cell.
import type { TadaDocumentNode } from "gql.tada";
import type { DocumentNode } from "graphql";
import type { Caller, GraphQLResponse, TestApp } from "../support/app.ts";
import { run } from "../support/graphql.ts";
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
  request(context: MatrixContext): Promise<MatrixRequest>;
  /**
   * Domain errors (result union members, by type name) that an allowed caller may get from this
   * request and that still prove access, e.g. a conflict the same request causes the second time.
   * Any other error in an allowed cell fails it: allowed means the operation did its work.
   */
  expectedErrors?: string[];
  /** For operations that are not plain request/response (subscriptions): decide yourself. */
  run?(caller: Caller, context: MatrixContext): Promise<Outcome>;
}

/** One typed document with its variables, ready to send; made by `matrixRequest`. */
export interface MatrixRequest {
  /** The document, typed against schema.graphql when the row was written. */
  document: DocumentNode;
  /** Sends the document with its variables as the caller (printed once, by run()). */
  send(caller: Caller): Promise<GraphQLResponse<unknown>>;
}

/** Variables may be left out when the operation has none (or only optional ones). */
export type VariablesArgument<Variables> = {} extends Variables ? [variables?: Variables] : [variables: Variables];

/** True when some field of the result is `unknown`: gql.tada's type for a field the schema lacks. */
type HasUnknownField<T> = unknown extends T
  ? true
  : T extends readonly (infer Item)[]
    ? HasUnknownField<Item>
    : T extends object
      ? true extends { [Key in keyof T]-?: HasUnknownField<T[Key]> }[keyof T]
        ? true
        : false
      : false;

/**
 * gql.tada types a selected field that schema.graphql lacks as `unknown` rather than failing, so
 * a document whose result is never read would compile. Intersected with the document parameter,
 * this makes such a document fail to compile at the row that wrote it.
 */
export type KnownFields<Data> = true extends HasUnknownField<Data> ? { "a selected field is not in schema.graphql": never } : unknown;

/** Pairs a document with its variables, unchecked; for helpers that check the document themselves. */
export function sendable<Data, Variables>(
  document: TadaDocumentNode<Data, Variables>,
  ...variables: VariablesArgument<Variables>
): MatrixRequest {
  return { document, send: (caller) => run(caller, document, ...variables) };
}

/**
 * A row's request: a gql.tada document (`graphql(\`…\`)` from tests/support/graphql.ts) and
 * variables checked against it, so a row whose document selects a field the schema lacks, or
 * whose variables do not fit the operation's, does not compile.
 */
export function matrixRequest<Data, Variables>(
  document: TadaDocumentNode<Data, Variables> & KnownFields<Data>,
  ...variables: VariablesArgument<Variables>
): MatrixRequest {
  return sendable(document, ...variables);
}

/** "allowed", "denied", or what else came back (an error that is neither). */
export type Outcome = "allowed" | "denied" | `unexpected: ${string}`;

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

/** The error members of result unions found in the answer's data, by type name. */
function errorTypenames(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item) => errorTypenames(item, found));
  else if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    const typename = record["__typename"];
    if (typeof typename === "string" && typename.endsWith("Error")) found.push(typename);
    Object.values(record).forEach((item) => errorTypenames(item, found));
  }
  return found;
}

/**
 * Denied when the answer carries a typed denial in data or a denial code in errors; allowed only
 * when it carries no error at all but the row's expected ones; anything else is named.
 */
export function outcomeOf(
  response: { data?: unknown; errors?: { message?: string; extensions?: Record<string, unknown> }[] },
  expectedErrors: readonly string[] = [],
): Outcome {
  const deniedByError = response.errors?.some((error) => DENIAL_CODES.has(String(error.extensions?.["code"]))) ?? false;
  if (deniedByError || containsDenial(response.data)) return "denied";
  if (response.errors?.length) {
    return `unexpected: ${response.errors.map((error) => `${String(error.extensions?.["code"] ?? "")} ${error.message ?? ""}`).join("; ")}`;
  }
  const unexpected = errorTypenames(response.data).filter((typename) => !expectedErrors.includes(typename));
  return unexpected.length ? `unexpected: ${unexpected.join(", ")}` : "allowed";
}
