import { useState, type FormEvent } from "react";
import { graphql, MutationErrorFields, requestErrorMessage, useMutationResult, useQuery } from "../../graphql.ts";
import { useIdempotencyKey } from "../../idempotency.ts";
import { useFormatters } from "../../i18n/format.ts";
import { useT } from "../../i18n/i18n.tsx";
import { Link, useDocumentTitle } from "../../page-navigation.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { ErrorSummary } from "../../ui/ErrorSummary.tsx";
import { Badge } from "../../ui/Badge.tsx";
import { Button } from "../../ui/Button.tsx";
import { RadioGroup } from "../../ui/ChoiceGroup.tsx";
import { EmptyState } from "../../ui/EmptyState.tsx";
import { PageHeading } from "../../ui/PageHeading.tsx";
import { SelectField } from "../../ui/SelectField.tsx";
import { LoadingRegion } from "../../ui/Spinner.tsx";
import { TextField } from "../../ui/TextField.tsx";
import { AdminUnitLinks } from "../admin-profile/AdminUnitLinks.tsx";
import { viewerRoles } from "./roles.ts";
import { useViewer } from "./viewer.tsx";

const AdministrationQuery = graphql(`
  query Administration {
    units { id name kind }
    users(first: 50) {
      pageInfo { hasNextPage }
      edges {
        node {
          id
          name
          email
          hasPassword
          isActive
          lockedUntil
          memberships { id role unit { id name } }
        }
      }
    }
  }
`);

const PasswordLinkFields = graphql(`
  fragment PasswordLinkFields on PasswordLink @_unmask {
    url
    isEmailed
    expiresAt
    user { id name email }
  }
`);

const IssuePasswordResetMutation = graphql(
  `
    mutation IssuePasswordReset($input: UserIdInput!) {
      issuePasswordReset(input: $input) {
        __typename
        ... on IssuePasswordResetSuccess { passwordLink { ...PasswordLinkFields } }
        ...MutationErrorFields
      }
    }
  `,
  [MutationErrorFields, PasswordLinkFields],
);

const CreateUserMutation = graphql(
  `
    mutation CreateUser($input: CreateUserInput!) {
      createUser(input: $input) {
        __typename
        ... on CreateUserSuccess { passwordLink { ...PasswordLinkFields } }
        ...MutationErrorFields
      }
    }
  `,
  [MutationErrorFields, PasswordLinkFields],
);

type PasswordLink = { url: string | null; isEmailed: boolean; expiresAt: string; user: { id: string; name: string; email: string | null } };

export function AdministrationPage() {
  const t = useT();
  useDocumentTitle(t("accounts.admin.title"));
  const { me } = useViewer();
  const isAdmin = viewerRoles(me).isAdmin;

  return (
    <>
      <PageHeading lead={t("accounts.admin.lead")}>{t("accounts.admin.title")}</PageHeading>
      {me === null && (
        <p>
          <Link to="/log-ind?next=/administration">{t("accounts.admin.signInFirst")}</Link>
        </p>
      )}
      {me && !isAdmin && <Alert tone="warning">{t("accounts.admin.notAllowed")}</Alert>}
      {me && isAdmin && <AdminUnitLinks />}
      {me && isAdmin && <AdministrationContent />}
    </>
  );
}

function AdministrationContent() {
  const t = useT();
  const { formatDateTime } = useFormatters();
  const { data, loading, error, refetch } = useQuery(AdministrationQuery);
  const issueReset = useMutationResult(IssuePasswordResetMutation, "IssuePasswordResetSuccess");
  const [link, setLink] = useState<PasswordLink | null>(null);

  const onIssue = async (userId: string) => {
    const outcome = await issueReset.run({ input: { userId } });
    if (outcome.ok) setLink(outcome.value.passwordLink);
  };

  const users = data?.users.edges.map((edge) => edge.node) ?? [];
  return (
    <>
      {link && <PasswordLinkNotice link={link} />}
      {issueReset.error && <Alert tone="error">{issueReset.error.message}</Alert>}

      <h2>{t("accounts.admin.usersTitle")}</h2>
      <LoadingRegion busy={loading}>
        {error && (
          <Alert tone="error">
            <p>{t("accounts.admin.loadFailed", { message: requestErrorMessage(error, t) })}</p>
            {/* Retry after a failed load; changes reload through the document cache. */}
            <Button variant="secondary" onClick={() => void refetch()}>
              {t("common.retry")}
            </Button>
          </Alert>
        )}
        {data?.users.pageInfo.hasNextPage && <p>{t("accounts.admin.firstOnly", { count: users.length })}</p>}
        {data && users.length === 0 && <EmptyState title={t("accounts.admin.usersEmpty")} headingLevel={3} />}
        {users.length > 0 && (
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t("accounts.admin.usersTitle")}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("accounts.admin.name")}</th>
                  <th scope="col">{t("accounts.admin.email")}</th>
                  <th scope="col">{t("accounts.admin.units")}</th>
                  <th scope="col">{t("accounts.admin.status")}</th>
                  <th scope="col">{t("accounts.admin.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {users.map((user) => (
                  <tr key={user.id}>
                    <th scope="row">{user.name}</th>
                    <td>{user.email}</td>
                    <td>
                      {user.memberships
                        .map((membership) => `${membership.unit.name} (${t(`accounts.admin.role.${membership.role}`)})`)
                        .join(", ")}
                    </td>
                    <td>
                      {user.isActive === false ? (
                        <Badge tone="neutral">{t("accounts.admin.statusInactive")}</Badge>
                      ) : user.lockedUntil ? (
                        <Badge tone="danger">{t("accounts.admin.statusLocked", { time: formatDateTime(user.lockedUntil) })}</Badge>
                      ) : user.hasPassword === false ? (
                        <Badge tone="warning">{t("accounts.admin.statusNoPassword")}</Badge>
                      ) : (
                        <Badge tone="success">{t("accounts.admin.statusActive")}</Badge>
                      )}
                    </td>
                    <td>
                      {user.isActive !== false && (
                        <Button variant="secondary" onClick={() => void onIssue(user.id)} busy={issueReset.running}>
                          {t("accounts.admin.issueLink", { name: user.name })}
                        </Button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </LoadingRegion>

      {data && data.units.length > 0 && (
        <CreateUserForm
          units={data.units}
          // The new User in the answer reloads the list above.
          onCreated={setLink}
        />
      )}
    </>
  );
}

function PasswordLinkNotice({ link }: { link: PasswordLink }) {
  const t = useT();
  const { formatDateTime } = useFormatters();
  return (
    <Alert tone="success" title={t("accounts.admin.linkTitle", { name: link.user.name })}>
      {link.isEmailed && link.user.email && <p>{t("accounts.admin.linkEmailed", { email: link.user.email, expires: formatDateTime(link.expiresAt) })}</p>}
      {/* Only where no real mail server carries it (development); in production the server sends null. */}
      {link.url && (
        <>
          <p>{link.isEmailed ? t("accounts.admin.linkDevelopment") : t("accounts.admin.linkBody", { expires: formatDateTime(link.expiresAt) })}</p>
          <TextField label={t("accounts.admin.linkLabel")} value={link.url} readOnly onFocus={(event) => event.target.select()} />
        </>
      )}
    </Alert>
  );
}

function CreateUserForm({ units, onCreated }: { units: readonly { id: string; name: string }[]; onCreated: (link: PasswordLink) => void }) {
  const t = useT();
  const createUser = useMutationResult(CreateUserMutation, "CreateUserSuccess");
  const [idempotencyKey, renewIdempotencyKey] = useIdempotencyKey();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [unitId, setUnitId] = useState("");
  const [role, setRole] = useState<"MEMBER" | "UNIT_ADMIN">("MEMBER");
  const [missing, setMissing] = useState<Record<string, string>>({});

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // Each empty field gets its own message, linked from the summary, like every other form.
    const found: Record<string, string> = {};
    if (!name.trim()) found["name"] = t("accounts.admin.createNameMissing");
    if (!email.trim()) found["email"] = t("accounts.admin.createEmailMissing");
    if (!unitId) found["unitId"] = t("accounts.admin.createUnitMissing");
    setMissing(found);
    if (Object.keys(found).length > 0) return;
    const outcome = await createUser.run({ input: { name: name.trim(), email: email.trim(), unitId, role, idempotencyKey } });
    if (!outcome.ok) return;
    renewIdempotencyKey();
    setName("");
    setEmail("");
    onCreated(outcome.value.passwordLink);
  };
  const fieldError = (field: string) => missing[field] ?? createUser.fieldError(field);
  const summary = (["name", "email", "unitId"] as const)
    .map((field) => ({ field, message: fieldError(field) }))
    .filter((item): item is { field: "name" | "email" | "unitId"; message: string } => Boolean(item.message))
    .map((item) => ({ message: item.message, fieldId: `create-user-${item.field}` }));

  return (
    <form noValidate onSubmit={onSubmit} className="narrow-page">
      <h2>{t("accounts.admin.createTitle")}</h2>
      <ErrorSummary title={t("errors.summaryTitle")} errors={summary} />
      {createUser.error && summary.length === 0 && <Alert tone="error">{createUser.error.message}</Alert>}
      <TextField
        id="create-user-name"
        label={t("accounts.admin.createName")}
        name="name"
        autoComplete="off"
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={fieldError("name")}
      />
      <TextField
        id="create-user-email"
        label={t("accounts.admin.createEmail")}
        name="email"
        type="email"
        autoComplete="off"
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        error={fieldError("email")}
      />
      <SelectField
        id="create-user-unitId"
        label={t("accounts.admin.createUnit")}
        name="unitId"
        placeholder={t("accounts.admin.createUnitPlaceholder")}
        options={units.map((unit) => ({ value: unit.id, label: unit.name }))}
        value={unitId}
        onChange={(event) => setUnitId(event.target.value)}
        error={fieldError("unitId")}
      />
      <RadioGroup
        legend={t("accounts.admin.createRole")}
        name="role"
        value={role}
        onChange={(value) => setRole(value === "UNIT_ADMIN" ? "UNIT_ADMIN" : "MEMBER")}
        options={[
          { value: "MEMBER", label: t("accounts.admin.role.MEMBER"), hint: t("accounts.admin.roleMemberHint") },
          { value: "UNIT_ADMIN", label: t("accounts.admin.role.UNIT_ADMIN"), hint: t("accounts.admin.roleAdminHint") },
        ]}
      />
      <Button type="submit" busy={createUser.running}>
        {t("accounts.admin.createSubmit")}
      </Button>
    </form>
  );
}
