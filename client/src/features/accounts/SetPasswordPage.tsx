import { useEffect, useState, type FormEvent } from "react";
import { graphql, MutationErrorFields, useMutationResult } from "../../graphql.ts";
import { useT } from "../../i18n/i18n.tsx";
import { Link, useDocumentTitle } from "../../page-navigation.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { Button, buttonClassName } from "../../ui/Button.tsx";
import { ErrorSummary, type ErrorSummaryItem } from "../../ui/ErrorSummary.tsx";
import { PageHeading } from "../../ui/PageHeading.tsx";
import { TextField } from "../../ui/TextField.tsx";
import { rememberEmail } from "./rememberedEmail.ts";

const SetPasswordMutation = graphql(
  `
    mutation SetPassword($input: SetPasswordInput!) {
      setPassword(input: $input) {
        __typename
        ... on SetPasswordSuccess {
          email
        }
        ...MutationErrorFields
      }
    }
  `,
  [MutationErrorFields],
);

const MINIMUM_LENGTH = 12;

/**
 * The token lives in the URL fragment (#token=…), which browsers never send to a server, so it
 * stays out of request logs. We read it once and then drop it from the address bar and history.
 */
function readTokenFromHash(): string | null {
  const hash = window.location.hash.replace(/^#/, "");
  const token = new URLSearchParams(hash).get("token");
  return token && token.trim() ? token.trim() : null;
}

type FieldErrors = { password?: string; repeat?: string };

export function SetPasswordPage() {
  const t = useT();
  useDocumentTitle(t("accounts.setPassword.title"));
  const [token] = useState(readTokenFromHash);
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const setPasswordResult = useMutationResult(SetPasswordMutation, "SetPasswordSuccess");

  useEffect(() => {
    if (window.location.hash) window.history.replaceState(null, "", `${window.location.pathname}${window.location.search}`);
  }, []);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!token) return;
    const errors: FieldErrors = {};
    if (password.length < MINIMUM_LENGTH) errors.password = t("accounts.setPassword.tooShort", { count: password.length });
    if (repeat !== password) errors.repeat = t("accounts.setPassword.mismatch");
    setFieldErrors(errors);
    if (errors.password || errors.repeat) {
      setPasswordResult.reset();
      return;
    }
    const outcome = await setPasswordResult.run({ input: { token, password } });
    if (outcome.ok) rememberEmail(outcome.value.email);
  };

  if (setPasswordResult.success) {
    return (
      <div className="narrow-page">
        <PageHeading>{t("accounts.setPassword.savedTitle")}</PageHeading>
        <Alert tone="success">
          <p>{t("accounts.setPassword.savedBody", { email: setPasswordResult.success.email })}</p>
        </Alert>
        <p>
          <Link to="/log-ind" className={buttonClassName("primary")}>
            {t("accounts.setPassword.goToSignIn")}
          </Link>
        </p>
      </div>
    );
  }

  const serverError = setPasswordResult.error;
  const tokenError = serverError ? serverError.fieldErrors["token"] : undefined;
  const passwordError = fieldErrors.password ?? setPasswordResult.fieldError("password");
  const summary: ErrorSummaryItem[] = [
    ...(passwordError ? [{ message: passwordError, fieldName: "password" }] : []),
    ...(fieldErrors.repeat ? [{ message: fieldErrors.repeat, fieldName: "repeat" }] : []),
  ];

  return (
    <div className="narrow-page">
      <PageHeading lead={t("accounts.setPassword.lead")}>{t("accounts.setPassword.title")}</PageHeading>
      {!token ? (
        <Alert tone="error" title={t("accounts.setPassword.noToken")}>
          <p>{t("accounts.setPassword.noTokenBody")}</p>
        </Alert>
      ) : (
        <>
          <h2>{t("accounts.setPassword.rulesTitle")}</h2>
          <ul>
            <li>{t("accounts.setPassword.ruleLength")}</li>
            <li>{t("accounts.setPassword.ruleUnique")}</li>
            <li>{t("accounts.setPassword.ruleSpaces")}</li>
          </ul>
          <form noValidate onSubmit={onSubmit}>
            <ErrorSummary title={t("errors.summaryTitle")} errors={summary} />
            {serverError && !passwordError && (
              <Alert tone="error">
                <p>{tokenError ? t("accounts.setPassword.tokenProblem") : serverError.message}</p>
              </Alert>
            )}
            <TextField
              label={t("accounts.setPassword.password")}
              hint={t("accounts.setPassword.passwordHint")}
              name="password"
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              error={passwordError}
            />
            <TextField
              label={t("accounts.setPassword.repeat")}
              name="repeat"
              type="password"
              autoComplete="new-password"
              value={repeat}
              onChange={(event) => setRepeat(event.target.value)}
              error={fieldErrors.repeat}
            />
            <Button type="submit" busy={setPasswordResult.running}>
              {t("accounts.setPassword.submit")}
            </Button>
          </form>
        </>
      )}
    </div>
  );
}
