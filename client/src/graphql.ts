import { initGraphQLTada, type TadaDocumentNode } from "gql.tada";
import type { DocumentNode } from "@0no-co/graphql.web";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  CombinedError,
  createRequest,
  useClient,
  useQuery as useUrqlQuery,
  type AnyVariables,
  type OperationResult,
  type RequestPolicy,
  type UseQueryArgs,
} from "urql";
import { graphQLClient } from "./graphql-client.tsx";
import type { introspection } from "./graphql-env.d.ts";
import type { MessageKey } from "./i18n/da.ts";
import { useLanguage, useT, type Language, type MessageParams, type Translate } from "./i18n/i18n.tsx";

export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: { DateTime: string; Date: string; TargetGroup: string; Offer: string };
}>();

export { readFragment } from "gql.tada";
export type { FragmentOf, ResultOf, VariablesOf } from "gql.tada";

/**
 * Spread into every mutation's result union next to `__typename` and the success fields:
 * `createHandover(input: $input) { __typename ... on CreateHandoverSuccess { … } ...MutationErrorFields }`.
 * `@_unmask` keeps the fields readable without readFragment, which useMutationResult relies on.
 */
export const MutationErrorFields = graphql(`
  fragment MutationErrorFields on Error @_unmask {
    code
    message
    messageDa
    ... on ValidationError {
      issues {
        field
        message
        messageDa
      }
    }
    ... on CprRefusedError {
      fields
    }
  }
`);

export type GraphQLErrorPayload = {
  message: string;
  path?: readonly (string | number)[];
  extensions?: Record<string, unknown>;
};

export type RequestErrorKind = "network" | "http" | "graphql";

/** A request that did not produce data: no connection, a non-GraphQL HTTP failure, or GraphQL `errors`. */
export class RequestError extends Error {
  override readonly name = "RequestError";
  readonly kind: RequestErrorKind;
  readonly status: number | undefined;
  readonly errors: readonly GraphQLErrorPayload[];

  constructor(
    kind: RequestErrorKind,
    message: string,
    details: { status?: number; errors?: readonly GraphQLErrorPayload[]; cause?: unknown } = {},
  ) {
    super(message, { cause: details.cause });
    this.kind = kind;
    this.status = details.status;
    this.errors = details.errors ?? [];
  }
}

/** urql's CombinedError in our terms: GraphQL `errors`, an HTTP answer that was no GraphQL, or no answer at all. */
function fromCombinedError(error: CombinedError): RequestError {
  const status = (error.response as Response | undefined)?.status;
  if (error.graphQLErrors.length > 0) {
    return new RequestError("graphql", error.graphQLErrors.map((graphQLError) => graphQLError.message).join("\n"), {
      status,
      errors: error.graphQLErrors,
      cause: error,
    });
  }
  if (status !== undefined) return new RequestError("http", `HTTP ${status} without a GraphQL response`, { status, cause: error });
  return new RequestError("network", "The request to /graphql failed", { cause: error.networkError ?? error });
}

/** The data of a finished operation, or the RequestError it failed with. */
function dataOrThrow<Data>(result: OperationResult<Data>): Data {
  if (result.error) throw fromCombinedError(result.error);
  if (result.data == null) throw new RequestError("http", "A response without data");
  return result.data;
}

export type RequestOptions = { signal?: AbortSignal; additionalTypenames?: string[] };

/** Variables may be left out when the operation has none (or only optional ones). */
export type RequestArgs<Variables, Options = RequestOptions> = {} extends Variables
  ? [variables?: Variables, options?: Options]
  : [variables: Variables, options?: Options];

function operationKind(document: DocumentNode): "query" | "mutation" {
  const operation = document.definitions.find((definition) => definition.kind === "OperationDefinition");
  return operation?.operation === "mutation" ? "mutation" : "query";
}

/**
 * Runs one query or mutation through the session's urql client, outside a component's render
 * (pages of a list, downloads, form submissions); a mutation's result refreshes the cached
 * queries that show its types. Throws RequestError, or the AbortError of `signal`.
 */
export function request<Data, Variables extends AnyVariables>(
  document: TadaDocumentNode<Data, Variables>,
  ...[variables, options]: RequestArgs<Variables>
): Promise<Data> {
  const client = graphQLClient();
  const kind = operationKind(document);
  const operation = client.createRequestOperation(kind, createRequest(document, (variables ?? {}) as Variables), {
    requestPolicy: "network-only",
    additionalTypenames: options?.additionalTypenames,
  });
  const signal = options?.signal;
  return new Promise<Data>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    let settled = false;
    const onAbort = () => {
      settled = true;
      subscription.unsubscribe();
      reject(signal?.reason);
    };
    const subscription = client.executeRequestOperation<Data, Variables>(operation).subscribe((result) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener("abort", onAbort);
      // The query stays shared with any screen showing it; only this request's interest ends.
      queueMicrotask(() => subscription.unsubscribe());
      try {
        resolve(dataOrThrow(result));
      } catch (error) {
        reject(error);
      }
    });
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

function toRequestError(error: unknown): RequestError {
  if (error instanceof RequestError) return error;
  if (error instanceof CombinedError) return fromCombinedError(error);
  return new RequestError("network", String(error), { cause: error });
}

function requestErrorText(error: unknown): { key: MessageKey; params?: MessageParams } {
  const requestError = toRequestError(error);
  if (requestError.kind === "network") return { key: "errors.network" };
  // BUSY (HTTP 503) is the server's typed "try again shortly": nothing was saved.
  if (requestError.errors?.some((error) => error.extensions?.["code"] === "BUSY")) return { key: "errors.busy" };
  if (requestError.kind === "http") return { key: "errors.http", params: { status: requestError.status ?? "?" } };
  // GraphQL errors are masked by the server, so their text is not meant for people.
  return { key: "errors.unexpected" };
}

/** A message for people about a failed request, in the reader's language. */
export function requestErrorMessage(error: unknown, t: Translate): string {
  const { key, params } = requestErrorText(error);
  return t(key, params);
}

export type QueryOptions = {
  skip?: boolean;
  /** Types the answer may hold none of yet (an empty list), so a mutation creating one still refreshes it. */
  additionalTypenames?: string[];
  /** "cache-first" for answers that change only through this client's own mutations. */
  requestPolicy?: RequestPolicy;
};

export type QueryResult<Data> = {
  /** The last data received; kept while a refetch or new variables are loading. */
  data: Data | undefined;
  error: RequestError | undefined;
  loading: boolean;
  /**
   * Asks the server again; resolves once the answer is in. For a retry, a live update or a
   * navigation: after this client's own mutation the document cache reloads the query by itself.
   */
  refetch: () => Promise<void>;
};

/**
 * urql's useQuery with the result our screens read: runs when mounted and whenever its variables
 * change (compared by value), shows cached data at once, and reloads when a mutation's result
 * holds one of the types in its answer (or in `additionalTypenames`).
 */
export function useQuery<Data, Variables extends AnyVariables>(
  document: TadaDocumentNode<Data, Variables>,
  ...[variables, options]: RequestArgs<Variables, QueryOptions>
): QueryResult<Data> {
  const client = useClient();
  const typenames = options?.additionalTypenames?.join(",") ?? "";
  const context = useMemo(() => (typenames ? { additionalTypenames: typenames.split(",") } : undefined), [typenames]);
  const [result] = useUrqlQuery<Data, Variables>({
    query: document,
    variables: (variables ?? {}) as Variables,
    pause: options?.skip ?? false,
    requestPolicy: options?.requestPolicy,
    context,
  } as UseQueryArgs<Variables, Data>);
  const variablesKey = JSON.stringify(variables ?? {});
  const refetch = useCallback(async () => {
    await client.query(document, JSON.parse(variablesKey) as Variables, { ...context, requestPolicy: "network-only" }).toPromise();
  }, [client, document, variablesKey, context]);
  const error = useMemo(() => (result.error ? fromCombinedError(result.error) : undefined), [result.error]);
  return { data: result.data, error, loading: result.fetching, refetch };
}

type ValidationIssue = {
  field?: string | null;
  message: string;
  messageDa: string;
};

/** The shape every member of the schema's `Error` interface has (see MutationErrorFields). */
type ErrorPayload = {
  __typename: string;
  code: string;
  message: string;
  messageDa: string;
  issues?: readonly ValidationIssue[] | null;
  /** CprRefusedError: the fields whose text looked like a CPR number. */
  fields?: readonly string[] | null;
};

export type MutationError = {
  /** The GraphQL type, e.g. "ValidationError", or "RequestError" when no result arrived. */
  typename: string;
  /** The server's stable error code, e.g. "VISIT_CONFLICT"; "REQUEST_FAILED" when no result arrived. */
  code: string;
  /** A message for people, in the reader's language. */
  message: string;
  /** Messages keyed by input field name with the leading "input." removed, e.g. "purpose" or "consent.fields". */
  fieldErrors: Record<string, string>;
  /** Validation messages that belong to no single field. */
  formErrors: string[];
  /** The error member as the server sent it, for errors that carry more (e.g. the visits a closure covers). */
  payload?: unknown;
};

export type MutationOutcome<Success> = { ok: true; value: Success } | { ok: false; error: MutationError };

type Payload<Data> = Data[keyof Data];
type TypenameOf<Member> = Member extends { __typename?: infer Name } ? Name : never;
/** The `__typename`s a mutation document can return, e.g. "SignOutSuccess" | "ValidationError" | …. */
export type PayloadTypename<Data> = Extract<TypenameOf<Payload<Data>>, string>;
export type MutationSuccess<Data, Typename extends string> = Extract<Payload<Data>, { __typename: Typename }>;

// Kept language-neutral so a message follows the reader when they switch language.
type StoredError =
  | { source: "result"; payload: ErrorPayload }
  | { source: "unexpected"; typename: string }
  | { source: "request"; error: unknown };

function pick(language: Language, texts: { message: string; messageDa: string }): string {
  return language === "da" ? texts.messageDa : texts.message;
}

/** ["input", "consent", "fields"] or "input.consent.fields" → "consent.fields". */
export function issueFieldName(path: string | readonly (string | number)[] | null | undefined): string {
  const parts = typeof path === "string" ? path.split(".") : (path ?? []).map(String);
  if (parts[0] === "input") parts.shift();
  return parts.join(".");
}

function isErrorPayload(payload: unknown): payload is ErrorPayload {
  return (
    typeof payload === "object" &&
    payload !== null &&
    typeof (payload as ErrorPayload).code === "string" &&
    typeof (payload as ErrorPayload).messageDa === "string"
  );
}

function describe(stored: StoredError, language: Language, t: Translate): MutationError {
  if (stored.source === "request") {
    const { key, params } = requestErrorText(stored.error);
    return { typename: "RequestError", code: "REQUEST_FAILED", message: t(key, params), fieldErrors: {}, formErrors: [] };
  }
  if (stored.source === "unexpected") {
    const message = t("errors.unexpectedResult", { typename: stored.typename });
    return { typename: stored.typename, code: "UNEXPECTED_RESULT", message, fieldErrors: {}, formErrors: [] };
  }
  const { payload } = stored;
  const fieldErrors: Record<string, string> = {};
  const formErrors: string[] = [];
  for (const issue of payload.issues ?? []) {
    const field = issueFieldName(issue.field);
    const text = pick(language, issue);
    if (!field) formErrors.push(text);
    else fieldErrors[field] ??= text;
  }
  for (const field of payload.fields ?? []) fieldErrors[issueFieldName(field)] ??= pick(language, payload);
  return { typename: payload.__typename, code: payload.code, message: pick(language, payload), fieldErrors, formErrors, payload };
}

export type MutationResultState<Data, Variables, Typename extends string> = {
  /** Runs the mutation; resolves to the success member of the union or a described error, never rejects. */
  run: (...args: RequestArgs<Variables>) => Promise<MutationOutcome<MutationSuccess<Data, Typename>>>;
  running: boolean;
  success: MutationSuccess<Data, Typename> | null;
  error: MutationError | null;
  /** The message for one input field, for a field's `error` prop. */
  fieldError: (name: string) => string | undefined;
  reset: () => void;
};

/**
 * Runs a mutation whose single root field returns a `…Result` union and turns the answer into
 * success (the member named `expectedTypename`) or a translated error with field messages.
 * The document must select `__typename` and spread MutationErrorFields.
 */
export function useMutationResult<Data, Variables extends AnyVariables, Typename extends PayloadTypename<Data>>(
  document: TadaDocumentNode<Data, Variables>,
  expectedTypename: Typename,
  /** Types the mutation changes without returning them (e.g. a count), whose queries must reload. */
  options: { additionalTypenames?: string[] } = {},
): MutationResultState<Data, Variables, Typename> {
  type Success = MutationSuccess<Data, Typename>;
  const { language } = useLanguage();
  const t = useT();
  const [running, setRunning] = useState(false);
  const [success, setSuccess] = useState<Success | null>(null);
  const [storedError, setStoredError] = useState<StoredError | null>(null);
  const languageRef = useRef(language);
  const translateRef = useRef(t);
  useEffect(() => {
    languageRef.current = language;
    translateRef.current = t;
  }, [language, t]);

  const typenames = options.additionalTypenames?.join(",");
  const run = useCallback(
    async (...args: RequestArgs<Variables>): Promise<MutationOutcome<Success>> => {
      setRunning(true);
      setSuccess(null);
      setStoredError(null);
      let stored: StoredError;
      try {
        const [variables, requestOptions] = args;
        const additionalTypenames = typenames?.split(",");
        const data = await request(document, ...([variables, { ...requestOptions, additionalTypenames }] as RequestArgs<Variables>));
        const payload: unknown = Object.values(data as object)[0];
        const typename = (payload as { __typename?: string } | null)?.__typename;
        if (typename === expectedTypename) {
          setSuccess(payload as Success);
          return { ok: true, value: payload as Success };
        }
        stored = isErrorPayload(payload)
          ? { source: "result", payload }
          : { source: "unexpected", typename: typename ?? "null" };
      } catch (error) {
        stored = { source: "request", error };
      } finally {
        setRunning(false);
      }
      setStoredError(stored);
      return { ok: false, error: describe(stored, languageRef.current, translateRef.current) };
    },
    [document, expectedTypename, typenames],
  );

  const error = useMemo(() => (storedError ? describe(storedError, language, t) : null), [storedError, language, t]);
  const fieldError = useCallback((name: string) => error?.fieldErrors[name], [error]);
  const reset = useCallback(() => {
    setSuccess(null);
    setStoredError(null);
  }, []);

  return { run, running, success, error, fieldError, reset };
}
