// Expected failures. Each has a stable code and a message in Danish and English that never
// contains personal data. Mutations return them as members of their result union; queries
// surface them as GraphQL errors with `extensions.code` (they extend GraphQLError, so Yoga
// does not mask them).
import { ERROR_SUMMARY_TITLE } from "./error-wording.ts";
import { GraphQLError } from "graphql";

export const ERROR_CODES = [
  "VALIDATION_FAILED",
  "NOT_AUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "ILLEGAL_TRANSITION",
  "CPR_NUMBER_REFUSED",
  "CONSENT_MISSING",
  "RATE_LIMITED",
  "INVALID_CREDENTIALS",
  "ACCOUNT_LOCKED",
  "VISIT_CONFLICT",
  "SURVEY_CLOSED",
  "BUSY",
  "CITIZEN_ACCESS_DENIED",
  "SHIFT_FULL",
  "NOT_KEY_HOLDER",
  "CLOSURE_HAS_VISITS",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface LocalizedText {
  da: string;
  en: string;
}

export class DomainError extends GraphQLError {
  readonly code: ErrorCode;
  readonly messageDa: string;
  constructor(code: ErrorCode, text: LocalizedText, extensions: Record<string, unknown> = {}) {
    super(text.en, { extensions: { code, messageDa: text.da, ...extensions } });
    this.code = code;
    this.messageDa = text.da;
  }
}

export interface ValidationIssue {
  /** Input field path, e.g. ["input", "endMinute"] → "endMinute" for the client form. */
  field: string;
  message: string;
  messageDa: string;
}

export class ValidationError extends DomainError {
  readonly issues: ValidationIssue[];
  constructor(issues: ValidationIssue[]) {
    super("VALIDATION_FAILED", {
      da: `${ERROR_SUMMARY_TITLE.da}: ${issues.map((issue) => issue.messageDa).join(" ")}`,
      en: `${ERROR_SUMMARY_TITLE.en}: ${issues.map((issue) => issue.message).join(" ")}`,
    });
    this.issues = issues;
    // Top-level errors (queries) name the fields too; mutations return `issues` in their union.
    (this.extensions as Record<string, unknown>)["fields"] = issues.map((issue) => issue.field);
  }
  static single(field: string, text: LocalizedText): ValidationError {
    return new ValidationError([{ field, message: text.en, messageDa: text.da }]);
  }
}

export class NotAuthenticatedError extends DomainError {
  constructor() {
    super("NOT_AUTHENTICATED", {
      da: "Du er ikke logget ind. Log ind og prøv igen.",
      en: "You are not signed in. Sign in and try again.",
    });
  }
}

export class ForbiddenError extends DomainError {
  constructor(text: LocalizedText = {
    da: "Du har ikke adgang til dette. Spørg din enheds administrator, hvis du mener, du burde have det.",
    en: "You do not have access to this. Ask your unit's administrator if you think you should.",
  }) {
    super("FORBIDDEN", text);
  }
}

export class NotFoundError extends DomainError {
  constructor(what: LocalizedText) {
    super("NOT_FOUND", { da: `${what.da} blev ikke fundet.`, en: `${what.en} was not found.` });
  }
}

export class ConflictError extends DomainError {
  constructor(text: LocalizedText) {
    super("CONFLICT", text);
  }
}

export class IllegalTransitionError extends DomainError {
  readonly currentStatus: string;
  constructor(currentStatus: string, action: string) {
    super("ILLEGAL_TRANSITION", {
      da: `Handlingen "${action}" er ikke mulig, når status er ${currentStatus}.`,
      en: `The action "${action}" is not possible while the status is ${currentStatus}.`,
    });
    this.currentStatus = currentStatus;
  }
}

export class RateLimitedError extends DomainError {
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    super("RATE_LIMITED", {
      da: `For mange forsøg. Vent ${minutes} min. og prøv igen.`,
      en: `Too many attempts. Wait ${minutes} min. and try again.`,
    });
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/**
 * The database is too busy to answer in time (no connection free, a transaction could not
 * start, or a write kept colliding with others). Nothing was changed; trying again shortly is
 * safe. HTTP 503 with Retry-After when it reaches the top level of a GraphQL response.
 */
export class BusyError extends DomainError {
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds = 2) {
    super(
      "BUSY",
      {
        da: "Systemet har travlt lige nu, og intet blev gemt. Vent et øjeblik og prøv igen.",
        en: "The system is busy right now and nothing was saved. Wait a moment and try again.",
      },
      { retryable: true, retryAfterSeconds, http: { status: 503, headers: { "Retry-After": String(retryAfterSeconds) } } },
    );
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
