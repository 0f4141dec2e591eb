// Hard rule: no CPR numbers. Every String input of every query and mutation, found by walking
// the built schema (so a field added tomorrow is in the list by itself), is sent a CPR-like
// number over HTTP, and each call must be refused with CPR_NUMBER_REFUSED naming that field,
// before any resolver or authorization runs. The only exceptions
// are the inputs named in NOT_FREE_TEXT (secrets, cursors, codes), each refused for a reason.
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isUnionType,
  type GraphQLField,
  type GraphQLInputType,
} from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema } from "../../server/graphql/schema.ts";
import { CPR_CHECKED_BY_COMMAND, NOT_FREE_TEXT } from "../../server/shared/input-guard.ts";
import { CSRF_HEADER } from "../../server/app.ts";
import { startTestApp, type TestApp } from "../support/app.ts";

const CPR_LIKE = "Borgeren har cpr 010203-1234, ring gerne";
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
}, 120_000);
afterAll(async () => {
  await app?.close();
}, 120_000);

/** A value the schema accepts for a type: the smallest that gets a call past GraphQL's own checks. */
function minimalValue(type: GraphQLInputType, depth = 0): unknown {
  if (isNonNullType(type)) return minimalValue(type.ofType as GraphQLInputType, depth);
  if (isListType(type)) return [minimalValue(type.ofType as GraphQLInputType, depth)];
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isInputObjectType(type)) {
    const required = Object.values(type.getFields()).filter((field) => isNonNullType(field.type) && field.defaultValue === undefined);
    return Object.fromEntries(required.map((field) => [field.name, minimalValue(field.type, depth + 1)]));
  }
  switch (getNamedType(type).name) {
    case "ID":
      return "00000000-0000-4000-8000-000000000000";
    case "Int":
    case "Float":
      return 1;
    case "Boolean":
      return true;
    case "Date":
      return "2026-11-25";
    case "DateTime":
      return "2026-11-25T10:00:00.000Z";
    // Taxonomy terms' codes (issue 18): target groups and offers are scalars holding a code.
    case "TargetGroup":
      return "ADULTS";
    case "Offer":
      return "MEAL";
    default:
      return "tekst";
  }
}

interface TextInput {
  operation: "query" | "mutation";
  field: GraphQLField<unknown, unknown>;
  /** Path from the field's arguments to the String, e.g. ["input", "periods", "note"]. */
  path: string[];
  /** Declared in the schema: the command refuses CPR-like numbers itself, more finely. */
  checkedByCommand: boolean;
}

function textInputsOf(operation: TextInput["operation"], field: GraphQLField<unknown, unknown>): TextInput[] {
  const found: TextInput[] = [];
  const walk = (type: GraphQLInputType, path: string[], seen: Set<string>, checkedByCommand: boolean) => {
    const named = getNamedType(type);
    if (named.name === "String") found.push({ operation, field, path, checkedByCommand });
    else if (isInputObjectType(named) && !seen.has(named.name)) {
      for (const inner of Object.values(named.getFields())) {
        walk(inner.type, [...path, inner.name], new Set([...seen, named.name]), inner.extensions?.[CPR_CHECKED_BY_COMMAND] === true);
      }
    }
  };
  for (const arg of field.args) walk(arg.type, [arg.name], new Set(), false);
  return found;
}

const allTextInputs = [
  ...Object.values(schema.getQueryType()!.getFields()).flatMap((field) => textInputsOf("query", field)),
  ...Object.values(schema.getMutationType()!.getFields()).flatMap((field) => textInputsOf("mutation", field)),
];
const checkedByCommand = allTextInputs.filter((input) => input.checkedByCommand);
const freeText = allTextInputs.filter((input) => !input.checkedByCommand && !NOT_FREE_TEXT.has(input.path.at(-1)!));
const name = (input: TextInput) => `${input.operation} ${input.field.name}(${input.path.join(".")})`;

/** Arguments with the CPR-like text at `path` (inside a one-item list where the path crosses one). */
function argumentsWithCpr(input: TextInput): { variables: Record<string, unknown>; formField: string } {
  const variables = Object.fromEntries(input.field.args.map((arg) => [arg.name, minimalValue(arg.type)]));
  let holder: Record<string, unknown> = variables;
  let type: GraphQLInputType | undefined;
  const formPath: string[] = [];
  for (const [index, step] of input.path.entries()) {
    type = index === 0 ? input.field.args.find((arg) => arg.name === step)!.type : (getNamedType(type!) as { getFields(): Record<string, { type: GraphQLInputType }> }).getFields()[step]!.type;
    formPath.push(step);
    const isList = isListType(isNonNullType(type) ? type.ofType : type);
    if (index === input.path.length - 1) {
      holder[step] = isList ? [CPR_LIKE] : CPR_LIKE;
      if (isList) formPath.push("0");
      break;
    }
    const next = holder[step] ?? minimalValue(type);
    holder[step] = next;
    if (isList) {
      holder = (next as Record<string, unknown>[])[0]!;
      formPath.push("0");
    } else holder = next as Record<string, unknown>;
  }
  const relative = formPath[0] === "input" ? formPath.slice(1) : formPath;
  return { variables, formField: relative.join(".") };
}

function documentFor(input: TextInput): string {
  const definitions = input.field.args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(", ");
  const argumentsText = input.field.args.map((arg) => `${arg.name}: $${arg.name}`).join(", ");
  const named = getNamedType(input.field.type);
  const canRefuse = isUnionType(named) && named.getTypes().some((type) => type.name === "CprRefusedError");
  const selection = isLeafType(named) ? "" : canRefuse ? "{ __typename ... on CprRefusedError { code fields } }" : "{ __typename }";
  return `${input.operation} Probe(${definitions}) { result: ${input.field.name}(${argumentsText}) ${selection} }`;
}

describe("a CPR-like number in any free-text input", () => {
  it("finds the text inputs in the schema, and every exception is a secret, cursor or code", () => {
    expect(freeText.length).toBeGreaterThan(80);
    expect(freeText.map(name)).toEqual(
      expect.arrayContaining(["mutation createHandover(input.purpose)", "mutation createHandover(input.personalData.note)", "query centres(filter.text)"]),
    );
    // A field that leaves the check to its command is a deliberate, listed choice.
    expect(checkedByCommand.map(name)).toEqual(["mutation importAreaSurveyBaseline(input.csv)"]);
    const exceptions = [...new Set(allTextInputs.filter((input) => !freeText.includes(input) && !input.checkedByCommand).map((input) => input.path.at(-1)!))].sort();
    expect(exceptions).toEqual([...NOT_FREE_TEXT].filter((key) => exceptions.includes(key)).sort());
    expect(exceptions).not.toContain("note");
  });

  it.each(freeText.map((input) => [name(input), input] as const))("%s is refused with CPR_NUMBER_REFUSED naming the field", async (_name, input) => {
    const { variables, formField } = argumentsWithCpr(input);
    const response = await fetch(`${app.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", [CSRF_HEADER]: "1" },
      body: JSON.stringify({ query: documentFor(input), variables }),
    });
    const body = (await response.json()) as { data?: { result?: { __typename: string; code?: string; fields?: string[] } | null }; errors?: { extensions?: Record<string, unknown> }[] };
    const result = body.data?.result;
    if (result && result.__typename && result.__typename !== "Query") {
      expect(result).toEqual({ __typename: "CprRefusedError", code: "CPR_NUMBER_REFUSED", fields: [formField] });
    } else {
      expect(body.errors?.[0]?.extensions, JSON.stringify(body)).toMatchObject({ code: "CPR_NUMBER_REFUSED", fields: [formField] });
    }
    expect(JSON.stringify(body)).not.toContain("010203");
  });

  // The documents here stay plain strings on purpose: the variables are deliberately of the wrong
  // type, or built from the schema at run time, which a typed document would not accept.
  it("is not echoed when the variables fail GraphQL's own type check either", async () => {
    const response = await fetch(`${app.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", [CSRF_HEADER]: "1" },
      body: JSON.stringify({
        query: `mutation ($input: CreateHandoverInput!) { createHandover(input: $input) { __typename } }`,
        variables: { input: { purpose: CPR_LIKE, consent: { purpose: CPR_LIKE }, helpCategories: ["NO_SUCH_CATEGORY 010203-1234"] } },
      }),
    });
    const body = await response.text();
    expect(body).toContain("got an invalid value");
    expect(body).not.toContain("010203");
    expect(body).not.toContain("Borgeren");
  });

  it("lets the same call through the guard without the number (it reaches authorization instead)", async () => {
    const response = await fetch(`${app.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", [CSRF_HEADER]: "1" },
      body: JSON.stringify({
        query: `mutation ($input: AreaInput!) { createArea(input: $input) { __typename } }`,
        variables: { input: minimalValue((schema.getType("AreaInput") as GraphQLInputType)) },
      }),
    });
    const body = (await response.json()) as { data?: { createArea?: { __typename: string } }; errors?: { extensions?: Record<string, unknown> }[] };
    const outcome = body.data?.createArea?.__typename ?? body.errors?.[0]?.extensions?.["code"];
    expect(outcome).not.toBe("CprRefusedError");
    expect(outcome).not.toBe("CPR_NUMBER_REFUSED");
    expect(outcome).toMatch(/NotAuthenticated|NOT_AUTHENTICATED|Forbidden|FORBIDDEN/);
  });
});
