import { useState, type FormEvent } from "react";
import { graphql, MutationErrorFields, requestErrorMessage, useMutationResult, useQuery } from "../../graphql.ts";
import { useFormatters } from "../../i18n/format.ts";
import { useT } from "../../i18n/i18n.tsx";
import { Link, useDocumentTitle } from "../../router.tsx";
import { Alert } from "../../ui/Alert.tsx";
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
    expiresAt
    user { id name }
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

type PasswordLink = { url: string; expiresAt: string; user: { id: string; name: string } };

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
          onCreated={(created) => {
            setLink(created);
            void refetch();
          }}
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
      <p>{t("accounts.admin.linkBody", { expires: formatDateTime(link.expiresAt) })}</p>
      <TextField label={t("accounts.admin.linkLabel")} value={link.url} readOnly onFocus={(event) => event.target.select()} />
    </Alert>
  );
}

function CreateUserForm({ units, onCreated }: { units: readonly { id: string; name: string }[]; onCreated: (link: PasswordLink) => void }) {
  const t = useT();
  const createUser = useMutationResult(CreateUserMutation, "CreateUserSuccess");
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [unitId, setUnitId] = useState("");
  const [role, setRole] = useState<"MEMBER" | "UNIT_ADMIN">("MEMBER");
  const [missing, setMissing] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const isMissing = !name.trim() || !email.trim() || !unitId;
    setMissing(isMissing);
    if (isMissing) return;
    const outcome = await createUser.run({ input: { name: name.trim(), email: email.trim(), unitId, role } });
    if (!outcome.ok) return;
    setName("");
    setEmail("");
    onCreated(outcome.value.passwordLink);
  };

  return (
    <form noValidate onSubmit={onSubmit} className="narrow-page">
      <h2>{t("accounts.admin.createTitle")}</h2>
      {missing && <Alert tone="error">{t("accounts.admin.createMissing")}</Alert>}
      {createUser.error && !missing && <Alert tone="error">{createUser.error.message}</Alert>}
      <TextField
        label={t("accounts.admin.createName")}
        name="name"
        autoComplete="off"
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={createUser.fieldError("name")}
      />
      <TextField
        label={t("accounts.admin.createEmail")}
        name="email"
        type="email"
        autoComplete="off"
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        error={createUser.fieldError("email")}
      />
      <SelectField
        label={t("accounts.admin.createUnit")}
        name="unitId"
        placeholder={t("accounts.admin.createUnitPlaceholder")}
        options={units.map((unit) => ({ value: unit.id, label: unit.name }))}
        value={unitId}
        onChange={(event) => setUnitId(event.target.value)}
        error={createUser.fieldError("unitId")}
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
