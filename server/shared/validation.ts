// Turns zod failures into a ValidationError with Danish and English messages per field,
// and runs the CPR guard over free text. Used by every command before it writes anything.
import type { z } from "zod";
import { CPR_REFUSED_MESSAGE, findCprLikeNumber } from "./cpr-guard.ts";
import { DomainError, ValidationError, type ValidationIssue } from "./errors.ts";

function describeIssue(issue: z.core.$ZodIssue): { da: string; en: string } {
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

/** Parses input with a zod schema or throws ValidationError naming each field. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.infer<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ValidationError(
    result.error.issues.map((issue): ValidationIssue => {
      const text = describeIssue(issue);
      return { field: issue.path.map(String).join(".") || "input", message: text.en, messageDa: text.da };
    }),
  );
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
