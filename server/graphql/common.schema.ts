// Scalars, the Error interface and the error types every mutation can return.
import { GraphQLError, Kind } from "graphql";
import {
  ConflictError,
  DomainError,
  ERROR_CODES,
  ForbiddenError,
  IllegalTransitionError,
  NotAuthenticatedError,
  NotFoundError,
  RateLimitedError,
  ValidationError,
} from "../shared/errors.ts";
import { CprRefusedError } from "../shared/validation.ts";
import { builder } from "./builder.ts";

builder.queryType({});
builder.mutationType({});
// builder.subscriptionType is declared by the handovers module, the first to publish live updates.

builder.scalarType("DateTime", {
  description: "An instant as an ISO 8601 string in UTC, e.g. 2026-11-25T09:00:00.000Z.",
  serialize: (value) => value.toISOString(),
  parseValue: (value) => {
    const date = typeof value === "string" ? new Date(value) : new Date(Number.NaN);
    if (Number.isNaN(date.getTime())) throw new GraphQLError("DateTime must be an ISO 8601 string.");
    return date;
  },
});

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
/** yyyy-mm-dd that names a day on the calendar: 2026-02-30 has the shape but no day. */
export function isCalendarDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
const NOT_A_DATE = "Date must be an existing calendar date, yyyy-mm-dd.";
builder.scalarType("Date", {
  description: "A calendar date in Europe/Copenhagen, yyyy-mm-dd.",
  serialize: (value) => value,
  parseValue: (value) => {
    if (typeof value !== "string" || !isCalendarDate(value)) throw new GraphQLError(NOT_A_DATE);
    return value;
  },
  parseLiteral: (node) => {
    if (node.kind !== Kind.STRING || !isCalendarDate(node.value)) throw new GraphQLError(NOT_A_DATE);
    return node.value;
  },
});

export const ErrorCodeEnum = builder.enumType("ErrorCode", { values: ERROR_CODES });

export const ErrorInterface = builder.interfaceRef<DomainError>("Error").implement({
  description: "An expected failure. `message` is English, `messageDa` Danish; neither contains personal data.",
  fields: (t) => ({
    code: t.field({ type: ErrorCodeEnum, resolve: (error) => error.code }),
    message: t.exposeString("message"),
    messageDa: t.exposeString("messageDa"),
  }),
});

builder.objectType(DomainError, { name: "BaseError", interfaces: [ErrorInterface] });

const ValidationIssueRef = builder
  .objectRef<{ field: string; message: string; messageDa: string }>("ValidationIssue")
  .implement({
    description: "One problem with one input field.",
    fields: (t) => ({
      field: t.exposeString("field", { description: "Input field name, dotted for nested fields." }),
      message: t.exposeString("message"),
      messageDa: t.exposeString("messageDa"),
    }),
  });

builder.objectType(ValidationError, {
  name: "ValidationError",
  interfaces: [ErrorInterface],
  fields: (t) => ({ issues: t.field({ type: [ValidationIssueRef], resolve: (error) => error.issues }) }),
});
builder.objectType(CprRefusedError, {
  name: "CprRefusedError",
  description: "Free text held what looks like a CPR number. The number is never echoed.",
  interfaces: [ErrorInterface],
  fields: (t) => ({ fields: t.stringList({ resolve: (error) => error.fields }) }),
});
builder.objectType(NotAuthenticatedError, { name: "NotAuthenticatedError", interfaces: [ErrorInterface] });
builder.objectType(ForbiddenError, { name: "ForbiddenError", interfaces: [ErrorInterface] });
builder.objectType(NotFoundError, { name: "NotFoundError", interfaces: [ErrorInterface] });
builder.objectType(ConflictError, { name: "ConflictError", interfaces: [ErrorInterface] });
builder.objectType(RateLimitedError, {
  name: "RateLimitedError",
  interfaces: [ErrorInterface],
  fields: (t) => ({ retryAfterSeconds: t.exposeInt("retryAfterSeconds") }),
});
builder.objectType(IllegalTransitionError, {
  name: "IllegalTransitionError",
  interfaces: [ErrorInterface],
  fields: (t) => ({ currentStatus: t.exposeString("currentStatus") }),
});

/** The errors any mutation can return; list domain-specific ones after these. */
export const COMMON_MUTATION_ERRORS = [
  ValidationError,
  CprRefusedError,
  NotAuthenticatedError,
  ForbiddenError,
  NotFoundError,
  ConflictError,
] as const;

/** The errors option of a mutation that fails only in the common ways (its result is named by the builder). */
export const MUTATION_ERRORS = { types: [...COMMON_MUTATION_ERRORS] };

builder.queryField("health", (t) =>
  t.string({
    description: "Always \"ok\"; lets a client check that the API answers.",
    authScopes: { public: true },
    resolve: () => "ok",
  }),
);
