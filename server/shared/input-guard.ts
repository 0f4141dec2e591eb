// Input that cannot be stored, checked once for every argument of every field before any
// resolver runs: control characters (newline, carriage return and tab are allowed in text),
// lone surrogates, strings longer than any field of the product takes, malformed ids, and
// dates outside a plausible range. The answer is a ValidationError naming the argument path,
// never a database error. Modules keep their own, stricter rules; this is the floor under them.
// The same pass refuses a CPR-like number in every free-text input (hard rule: no CPR numbers),
// so a new text field is guarded without anyone remembering to list it.
import type { Context } from "../graphql/context.ts";
import { findCprLikeNumber } from "./cpr-guard.ts";
import { ValidationError, type LocalizedText, type ValidationIssue } from "./errors.ts";
import { CprRefusedError } from "./validation.ts";

/** Longer than any free-text field the product accepts (modules set their own, lower limits). */
export const MAX_STRING_LENGTH = 10_000;
/** Ids are UUIDs or hex digests: letters, digits, dash and underscore. */
const ID_PATTERN = /^[A-Za-z0-9_-]{1,100}$/;
// C0 controls except tab (09), newline (0A) and carriage return (0D), and DEL.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** No date the product stores lies outside these years (calendar dates and instants alike). */
export const EARLIEST_PLAUSIBLE = "2000-01-01";
export const LATEST_PLAUSIBLE = "2100-12-31";

/**
 * Dates of particular arguments, in days relative to today (the injectable clock). Keys are
 * "<field>.<argument path>" as in the issue's field name, e.g. "recordVisitorTally.input.date".
 */
export const PLAUSIBLE_DAYS: Record<string, { pastDays: number; futureDays: number }> = {
  // A tally is counted on the day or caught up on afterwards, never years later or ahead.
  "recordVisitorTally.input.date": { pastDays: 400, futureDays: 0 },
  "recordActivityHeld.input.date": { pastDays: 400, futureDays: 0 },
};

const TEXT = {
  control: { da: "indeholder tegn, der ikke kan gemmes (kontroltegn).", en: "contains characters that cannot be stored (control characters)." },
  surrogate: { da: "indeholder ugyldige tegn.", en: "contains invalid characters." },
  long: { da: `er for lang (højst ${MAX_STRING_LENGTH} tegn).`, en: `is too long (at most ${MAX_STRING_LENGTH} characters).` },
  id: { da: "er ikke et gyldigt id.", en: "is not a valid id." },
  date: { da: "ligger uden for det mulige tidsrum.", en: "is outside the plausible range." },
} satisfies Record<string, LocalizedText>;

/** Describes a problem with one text value, or null when it can be stored. */
export function textProblem(value: string, kind: "text" | "id"): LocalizedText | null {
  if (kind === "id") return ID_PATTERN.test(value) ? null : TEXT.id;
  if (value.length > MAX_STRING_LENGTH) return TEXT.long;
  if (CONTROL_CHARACTER.test(value)) return TEXT.control;
  if (LONE_SURROGATE.test(value)) return TEXT.surrogate;
  return null;
}

const issue = (field: string, text: LocalizedText): ValidationIssue => ({
  field,
  message: `${field} ${text.en}`,
  messageDa: `${field} ${text.da}`,
});

/** A minimal view of graphql-js input types, so this file needs no graphql import. */
export type InputShape =
  | { kind: "scalar"; name: string; cprCheckedByCommand?: boolean }
  | { kind: "list"; of: InputShape }
  | { kind: "object"; fields: () => Record<string, InputShape> }
  | { kind: "other" };

const DAY_MS = 86_400_000;

/**
 * String inputs that are not free text, by their name, and so are not searched for CPR-like
 * numbers: secrets and one-time codes are never stored or shown as typed (a password or PIN
 * is hashed; refusing one would only tell a guesser about its shape), paging cursors and
 * idempotency keys are opaque strings the server or client made, and the rest are codes
 * with a fixed format checked by their own rules. Every other String input is free text.
 */
export const NOT_FREE_TEXT = new Set(["password", "token", "pin", "code", "idempotencyKey", "after", "before", "consentVersion", "locale", "fromMonth", "toMonth"]);

/**
 * Set in a String input field's `extensions` when its command refuses CPR-like numbers itself
 * with a finer answer (a CSV import names each refused line). The guard then leaves the field
 * to it; tests/security/cpr-everywhere.test.ts lists every such field by name.
 */
export const CPR_CHECKED_BY_COMMAND = "cprCheckedByCommand";

/**
 * Throws ValidationError listing every argument that cannot be stored, and then
 * CprRefusedError naming every free-text field (relative to `input`, with list indexes, as
 * the forms name them) that holds a CPR-like number. The number itself is never echoed.
 */
export function guardArguments(fieldName: string, args: Record<string, unknown>, shapes: Record<string, InputShape>, context: Pick<Context, "clock">): void {
  const issues: ValidationIssue[] = [];
  const cprFields: string[] = [];
  const today = context.clock.now();
  const visit = (value: unknown, shape: InputShape, path: string, formPath: string, name: string) => {
    if (value === null || value === undefined) return;
    if (shape.kind === "list") {
      if (Array.isArray(value)) value.forEach((item, index) => visit(item, shape.of, path, `${formPath}.${index}`, name));
      return;
    }
    if (shape.kind === "object") {
      const fields = shape.fields();
      for (const [fieldName, fieldValue] of Object.entries(value as Record<string, unknown>)) {
        const fieldShape = fields[fieldName];
        if (fieldShape) visit(fieldValue, fieldShape, `${path}.${fieldName}`, `${formPath}.${fieldName}`, fieldName);
      }
      return;
    }
    if (shape.kind !== "scalar") return;
    if (typeof value === "string") {
      if (shape.name === "Date") {
        if (!plausibleDay(value, `${fieldName}.${path}`, today)) issues.push(issue(path, TEXT.date));
        return;
      }
      const problem = textProblem(value, shape.name === "ID" ? "id" : "text");
      if (problem) issues.push(issue(path, problem));
      else if (shape.name === "String" && !shape.cprCheckedByCommand && !NOT_FREE_TEXT.has(name) && findCprLikeNumber(value)) cprFields.push(formPath.replace(/^input\./, ""));
    } else if (value instanceof Date) {
      const day = value.toISOString().slice(0, 10);
      if (!plausibleDay(day, `${fieldName}.${path}`, today)) issues.push(issue(path, TEXT.date));
    }
  };
  for (const [name, value] of Object.entries(args)) {
    const shape = shapes[name];
    if (shape) visit(value, shape, name, name, name);
  }
  if (issues.length > 0) throw new ValidationError(issues);
  if (cprFields.length > 0) throw new CprRefusedError(cprFields);
}

function plausibleDay(day: string, key: string, today: Date): boolean {
  if (day < EARLIEST_PLAUSIBLE || day > LATEST_PLAUSIBLE) return false;
  const window = PLAUSIBLE_DAYS[key];
  if (!window) return true;
  const earliest = new Date(today.getTime() - window.pastDays * DAY_MS).toISOString().slice(0, 10);
  // A day ahead of UTC covers Copenhagen's evening.
  const latest = new Date(today.getTime() + (window.futureDays + 1) * DAY_MS).toISOString().slice(0, 10);
  return day >= earliest && day <= latest;
}
