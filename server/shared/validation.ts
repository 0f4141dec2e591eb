// Turns zod failures into a ValidationError with Danish and English messages per field.
// Mutations declare their rules with `validate:` in the schema (the zod plugin, registered in
// server/graphql/builder.ts, calls validationErrorFrom); parseInput is for the few paths that
// do not come through GraphQL, or rules that need what the command read first.
import type { z } from "zod";
import { CPR_REFUSED_MESSAGE, findCprLikeNumber } from "./cpr-guard.ts";
import { DomainError, ValidationError, type ValidationIssue } from "./errors.ts";

export function describeIssue(issue: z.core.$ZodIssue): { da: string; en: string } {
  switch (issue.code) {
    case "too_small":
      return issue.origin === "string"
        ? Number(issue.minimum) <= 1
          ? { da: "Feltet skal udfyldes.", en: "This field is required." }
          : { da: `Skal være mindst ${issue.minimum} tegn.`, en: `Must be at least ${issue.minimum} characters.` }
        : { da: `Skal være mindst ${issue.minimum}.`, en: `Must be at least ${issue.minimum}.` };
    case "too_big":
      return issue.origin === "string"
        ? { da: `Må højst være ${issue.maximum} tegn.`, en: `Must be at most ${issue.maximum} characters.` }
        : { da: `Må højst være ${issue.maximum}.`, en: `Must be at most ${issue.maximum}.` };
    case "invalid_format":
      return issue.format === "email"
        ? { da: "Skriv en gyldig e-mailadresse.", en: "Enter a valid e-mail address." }
        : { da: "Formatet er ikke gyldigt.", en: "The format is not valid." };
    case "invalid_value":
      return { da: "Vælg en af de mulige værdier.", en: "Choose one of the allowed values." };
    case "custom":
      return { da: issue.params?.["da"] ?? "Værdien er ikke gyldig.", en: issue.message };
    default:
      return { da: "Værdien er ikke gyldig.", en: "The value is not valid." };
  }
}

/**
 * One ValidationError for every zod issue. Fields are named relative to the mutation's single
 * `input` argument, as the forms name them ("endMinute", "windows.0.endMinute"); another
 * argument is named by itself ("from"); a value with no path is "input".
 */
export function validationErrorFrom(issues: readonly z.core.$ZodIssue[]): ValidationError {
  return new ValidationError(
    issues.map((issue): ValidationIssue => {
      const text = describeIssue(issue);
      const path = issue.path[0] === "input" ? issue.path.slice(1) : issue.path;
      return { field: path.map(String).join(".") || "input", message: text.en, messageDa: text.da };
    }),
  );
}

/** Parses input with a zod schema or throws ValidationError naming each field. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.infer<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw validationErrorFrom(result.error.issues);
}

export class CprRefusedError extends DomainError {
  readonly fields: string[];
  constructor(fields: string[]) {
    // Top-level errors (queries) name the fields too; mutations return `fields` in their union.
    super("CPR_NUMBER_REFUSED", CPR_REFUSED_MESSAGE, { fields });
    this.fields = fields;
  }
}

/** Refuses free text holding a CPR-like number. The number itself is never echoed. */
export function refuseCprNumbers(fields: Record<string, string | null | undefined>): void {
  const offending = Object.entries(fields)
    .filter(([, value]) => typeof value === "string" && findCprLikeNumber(value))
    .map(([field]) => field);
  if (offending.length > 0) throw new CprRefusedError(offending);
}

/**
 * The value a `validate: { schema }` declaration handed to the resolver, typed as that schema's
 * output. The zod plugin passes the parsed value on (trimmed, defaults filled in) but types it
 * as the GraphQL input, so a resolver names the schema it declared to read what it produced.
 */
export function parsedBy<Schema extends z.ZodType>(_schema: Schema, value: unknown): z.output<Schema> {
  return value as z.output<Schema>;
}
