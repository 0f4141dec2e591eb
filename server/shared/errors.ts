// Expected failures. Each has a stable code and a message in Danish and English that never
// contains personal data. Mutations return them as members of their result union; queries
// surface them as GraphQL errors with `extensions.code` (they extend GraphQLError, so Yoga
// does not mask them).
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
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface LocalizedText {
  da: string;
  en: string;
}

export class DomainError extends GraphQLError {
  readonly code: ErrorCode;
  readonly messageDa: string;
  constructor(code: ErrorCode, text: LocalizedText) {
    super(text.en, { extensions: { code, messageDa: text.da } });
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
      da: `Tjek venligst: ${issues.map((issue) => issue.messageDa).join(" ")}`,
      en: `Please check: ${issues.map((issue) => issue.message).join(" ")}`,
    });
    this.issues = issues;
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
