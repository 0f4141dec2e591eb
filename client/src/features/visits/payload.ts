// For mutations whose error members carry data the form needs (the booking in the way, the
// occurrences of a series that are taken), the form reads the raw payload; this turns its
// error member into the same shape useMutationResult gives.
import { issueFieldName, requestErrorMessage, type MutationError } from "../../graphql.ts";
import type { Language, Translate } from "../../i18n/i18n.tsx";

type Issue = { field?: string | null; message: string; messageDa: string };
type ErrorLike = { __typename: string; code?: string; message?: string; messageDa?: string; issues?: readonly Issue[] | null; fields?: readonly string[] | null };

export function describePayload(payload: ErrorLike, language: Language): MutationError {
  const pick = (texts: { message: string; messageDa: string }) => (language === "da" ? texts.messageDa : texts.message);
  const fieldErrors: Record<string, string> = {};
  const formErrors: string[] = [];
  for (const issue of payload.issues ?? []) {
    const field = issueFieldName(issue.field);
    if (field) fieldErrors[field] ??= pick(issue);
    else formErrors.push(pick(issue));
  }
  const message = payload.message !== undefined && payload.messageDa !== undefined ? pick({ message: payload.message, messageDa: payload.messageDa }) : payload.__typename;
  for (const field of payload.fields ?? []) fieldErrors[issueFieldName(field)] ??= message;
  return { typename: payload.__typename, code: payload.code ?? "UNKNOWN", message, fieldErrors, formErrors };
}

export function requestFailure(error: unknown, t: Translate): MutationError {
  return { typename: "RequestError", code: "REQUEST_FAILED", message: requestErrorMessage(error, t), fieldErrors: {}, formErrors: [] };
}
