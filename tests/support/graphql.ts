// Typed GraphQL documents for the tests, checked against the server's schema.graphql (the same
// introspection the client is typed with: client/src/graphql-env.d.ts, written by
// `npm run client:typegen`, which `npm run typecheck` runs first). A document's data and
// variables are then types, and a test that selects a field the schema lacks does not compile.
import { readFileSync } from "node:fs";
import { initGraphQLTada, type TadaDocumentNode } from "gql.tada";
import { buildSchema, isInterfaceType, print } from "graphql";
import { expect } from "vitest";
import type { introspection } from "../../client/src/graphql-env.d.ts";
import type { Caller, GraphQLResponse } from "./app.ts";

export const graphql = initGraphQLTada<{
  introspection: introspection;
  // As they arrive in JSON.
  scalars: { DateTime: string; Date: string; TargetGroup: string; Offer: string };
}>();

export type { ResultOf, VariablesOf } from "gql.tada";

export type ErrorCode = introspection["types"]["ErrorCode"]["enumValues"];

/** Variables may be left out when the operation has none (or only optional ones). */
type VariablesArgument<Variables> = {} extends Variables ? [variables?: Variables] : [variables: Variables];

/** The members of the first root field's result union, e.g. CreateHandoverSuccess | ValidationError | …. */
type Payload<Data> = NonNullable<Data[keyof Data]>;
type TypenameOf<Member> = Member extends { __typename?: infer Name } ? Extract<Name, string> : never;
type Member<Data, Typename> = Extract<Payload<Data>, { __typename: Typename }>;

// The types implementing the schema's Error interface: a result member of one of these is an
// expected failure, which runOk refuses and runError looks for.
const errorTypenames: ReadonlySet<string> = (() => {
  const schema = buildSchema(readFileSync(new URL("../../schema.graphql", import.meta.url), "utf8"));
  const errorInterface = schema.getType("Error");
  if (!isInterfaceType(errorInterface)) throw new Error("schema.graphql has no Error interface");
  return new Set(schema.getPossibleTypes(errorInterface).map((type) => type.name));
})();

const printed = new WeakMap<object, string>();

/** Sends a typed document as the caller; the raw response, for tests about errors or HTTP. */
export function run<Data, Variables>(
  caller: Caller,
  document: TadaDocumentNode<Data, Variables>,
  ...[variables]: VariablesArgument<Variables>
): Promise<GraphQLResponse<Data>> {
  let query = printed.get(document);
  if (query === undefined) printed.set(document, (query = print(document)));
  return caller.graphql<Data>(query, variables as Record<string, unknown> | undefined);
}

/** Every object in the data whose __typename implements Error (a result union's failure member). */
function errorMembers(value: unknown, found: { __typename: string }[] = []): { __typename: string }[] {
  if (Array.isArray(value)) for (const item of value) errorMembers(item, found);
  else if (typeof value === "object" && value !== null) {
    const typename = (value as { __typename?: unknown }).__typename;
    if (typeof typename === "string" && errorTypenames.has(typename)) found.push(value as { __typename: string });
    for (const child of Object.values(value)) errorMembers(child, found);
  }
  return found;
}

/** Runs the document and asserts it succeeded: no GraphQL errors, and no Error member anywhere in the data. */
export async function runOk<Data, Variables>(
  caller: Caller,
  document: TadaDocumentNode<Data, Variables>,
  ...variables: VariablesArgument<Variables>
): Promise<Data> {
  const response = await run(caller, document, ...variables);
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  expect(errorMembers(response.data), JSON.stringify(response.data)).toEqual([]);
  if (!response.data) throw new Error(`No data in response (HTTP ${response.status})`);
  return response.data;
}

/**
 * Runs the document and asserts it failed as expected: with a result member of the expected
 * Error type (returned, typed), or — for fields without a result union — a top-level GraphQL
 * error with the expected code (NOT_AUTHENTICATED, FORBIDDEN, …; returns its extensions).
 */
export async function runError<Data, Variables, Expected extends TypenameOf<Payload<Data>>>(
  caller: Caller,
  document: TadaDocumentNode<Data, Variables>,
  variables: Variables,
  expected: Expected,
): Promise<Member<Data, Expected>>;
export async function runError<Data, Variables>(
  caller: Caller,
  document: TadaDocumentNode<Data, Variables>,
  variables: Variables,
  expected: ErrorCode,
): Promise<{ code: ErrorCode; message: string }>;
export async function runError<Data, Variables>(
  caller: Caller,
  document: TadaDocumentNode<Data, Variables>,
  variables: Variables,
  expected: string,
): Promise<unknown> {
  const response = await run(caller, document, ...([variables] as VariablesArgument<Variables>));
  if (errorTypenames.has(expected)) {
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    const members = errorMembers(response.data);
    expect(members.map((member) => member.__typename), JSON.stringify(response.data)).toEqual([expected]);
    return members[0];
  }
  const codes = (response.errors ?? []).map((error) => error.extensions?.["code"]);
  const member = errorMembers(response.data).find((candidate) => (candidate as { code?: unknown }).code === expected);
  if (member) return member;
  expect(codes, JSON.stringify(response)).toContain(expected);
  const error = response.errors!.find((candidate) => candidate.extensions?.["code"] === expected)!;
  return { code: expected, message: error.message };
}
