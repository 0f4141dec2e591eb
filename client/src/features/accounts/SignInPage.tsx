import { useEffect, useState, type FormEvent } from "react";
import { useLocation, useSearchParams } from "wouter";
import { graphql, MutationErrorFields, useMutationResult } from "../../graphql.ts";
import { useT } from "../../i18n/i18n.tsx";
import { Link, useDocumentTitle } from "../../page-navigation.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { Button } from "../../ui/Button.tsx";
import { ErrorSummary, type ErrorSummaryItem } from "../../ui/ErrorSummary.tsx";
import { PageHeading } from "../../ui/PageHeading.tsx";
import { TextField } from "../../ui/TextField.tsx";
import { safeNextPath, startPathFor } from "./roles.ts";
import { forgetRememberedEmail, readRememberedEmail } from "./rememberedEmail.ts";
import { useViewer, ViewerFields } from "./viewer.tsx";

const SignInMutation = graphql(
  `
    mutation SignIn($input: SignInInput!) {
      signIn(input: $input) {
        __typename
        ... on SignInSuccess {
          me {
            ...ViewerFields
          }
        }
        ...MutationErrorFields
      }
    }
  `,
  [MutationErrorFields, ViewerFields],
);

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type FieldErrors = { email?: string; password?: string };

export function SignInPage() {
  const t = useT();
  useDocumentTitle(t("accounts.signIn.title"));
  const { me, sessionChanged } = useViewer();
  const [searchParams] = useSearchParams();
  const [, navigate] = useLocation();
  const next = safeNextPath(searchParams.get("next"));
  // A person who just chose a password arrives with their e-mail filled in (never via the URL).
  const [remembered] = useState(readRememberedEmail);
  useEffect(forgetRememberedEmail, []);
  const [email, setEmail] = useState(remembered ?? "");
  const [password, setPassword] = useState("");
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const signIn = useMutationResult(SignInMutation, "SignInSuccess");

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors: FieldErrors = {};
    const trimmed = email.trim();
    if (!trimmed) errors.email = t("accounts.signIn.emailMissing");
    else if (!EMAIL_PATTERN.test(trimmed)) errors.email = t("accounts.signIn.emailInvalid");
    if (!password) errors.password = t("accounts.signIn.passwordMissing");
    setFieldErrors(errors);
    if (errors.email || errors.password) {
      signIn.reset();
      return;
    }
    const outcome = await signIn.run({ input: { email: trimmed, password } });
    if (!outcome.ok) return;
    await sessionChanged();
    navigate(next ?? startPathFor(outcome.value.me), { replace: true });
  };

  if (me && !signIn.running && !signIn.success) {
    return (
      <>
        <PageHeading>{t("accounts.signIn.title")}</PageHeading>
        <p>{t("accounts.signIn.alreadySignedIn", { name: me.user.name })}</p>
        <p>
          <Link to={next ?? startPathFor(me)}>{t("accounts.signIn.continue")}</Link>
        </p>
      </>
    );
  }

  const summary: ErrorSummaryItem[] = [
    ...(fieldErrors.email ? [{ message: fieldErrors.email, fieldName: "email" }] : []),
    ...(fieldErrors.password ? [{ message: fieldErrors.password, fieldName: "password" }] : []),
  ];
  const failure = signIn.error;

  return (
    <div className="narrow-page">
      <PageHeading lead={t("accounts.signIn.lead")}>{t("accounts.signIn.title")}</PageHeading>
      {remembered && !failure && <Alert tone="success">{t("accounts.signIn.passwordSaved")}</Alert>}
      <form noValidate onSubmit={onSubmit}>
        <ErrorSummary title={t("errors.summaryTitle")} errors={summary} />
        {failure && (
          <Alert tone="error" title={t("accounts.signIn.failedTitle")}>
            <p>{failure.message}</p>
            {failure.code === "INVALID_CREDENTIALS" && <p>{t("accounts.signIn.invalidHelp")}</p>}
            {failure.code === "ACCOUNT_LOCKED" && <p>{t("accounts.signIn.lockedHelp")}</p>}
            {failure.code === "RATE_LIMITED" && <p>{t("accounts.signIn.rateLimitedHelp")}</p>}
          </Alert>
        )}
        <TextField
          label={t("accounts.signIn.email")}
          hint={t("accounts.signIn.emailHint")}
          name="email"
          type="email"
          autoComplete="username"
          inputMode="email"
          spellCheck={false}
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={fieldErrors.email ?? signIn.fieldError("email")}
        />
        <TextField
          label={t("accounts.signIn.password")}
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={fieldErrors.password ?? signIn.fieldError("password")}
        />
        <Button type="submit" busy={signIn.running}>
          {t("accounts.signIn.submit")}
        </Button>
      </form>
      <h2>{t("accounts.signIn.forgotTitle")}</h2>
      <p>{t("accounts.signIn.forgotBody")}</p>
    </div>
  );
}
