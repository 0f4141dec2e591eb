// /administration/enhed/:unitId — who works in a unit the viewer administers: change roles,
// remove members (after confirming), add an existing user or create a new one, deactivate or
// reactivate accounts and issue a one-time set-password link.
import { useState, type FormEvent } from "react";
import { useParams } from "wouter";
import { useMutationResult, useQuery, type ResultOf } from "../../graphql.ts";
import { useIdempotencyKey } from "../../idempotency.ts";
import { useFormatters } from "../../i18n/format.ts";
import { useT } from "../../i18n/i18n.tsx";
import { useDocumentTitle } from "../../page-navigation.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { Badge } from "../../ui/Badge.tsx";
import { Button } from "../../ui/Button.tsx";
import { Card } from "../../ui/Card.tsx";
import { RadioGroup } from "../../ui/ChoiceGroup.tsx";
import { Dialog } from "../../ui/Dialog.tsx";
import { EmptyState } from "../../ui/EmptyState.tsx";
import { PageHeading } from "../../ui/PageHeading.tsx";
import { LoadingRegion } from "../../ui/Spinner.tsx";
import { TextField } from "../../ui/TextField.tsx";
import { useViewer } from "../accounts/viewer.tsx";
import { AdminPageLoading, BackToAdministration, NotAllowed, SavedNote, SignedInAdminPage } from "./AdminPage.tsx";
import {
  AddMembershipMutation,
  ChangeMembershipRoleMutation,
  CreateUserMutation,
  DeactivateUserMutation,
  IssuePasswordResetMutation,
  ReactivateUserMutation,
  RemoveMembershipMutation,
  UnitMembersQuery,
} from "./documents.ts";
import "./admin-profile.css";

type Data = ResultOf<typeof UnitMembersQuery>;
type Unit = Data["units"][number];
type Member = NonNullable<Unit["members"]>[number];
type Role = "MEMBER" | "UNIT_ADMIN";
type PasswordLink = { url: string | null; isEmailed: boolean; expiresAt: string; user: { id: string; name: string } };
type Pending = { action: "remove" | "deactivate"; member: Member } | null;

export function UnitMembersPage() {
  const t = useT();
  return (
    <SignedInAdminPage title={t("adminProfile.members.title")}>
      <UnitMembersContent />
    </SignedInAdminPage>
  );
}

function UnitMembersContent() {
  const t = useT();
  const { unitId } = useParams<{ unitId: string }>();
  const { data, loading, error, refetch } = useQuery(UnitMembersQuery);
  const unit = data?.units.find((candidate) => candidate.id === unitId) ?? null;
  useDocumentTitle(unit ? t("adminProfile.members.titleNamed", { name: unit.name }) : t("adminProfile.members.title"));

  if (!data) {
    // Retry after a failed load; changes reload through the document cache.
    return <AdminPageLoading title={t("adminProfile.members.title")} loading={loading} error={error} retry={() => void refetch()} />;
  }
  if (!unit) return <NotAllowed title={t("adminProfile.members.title")} message={t("adminProfile.members.notAllowed")} />;
  const users = data.users.edges.map((edge) => edge.node);
  return (
    <>
      <BackToAdministration />
      <PageHeading lead={t("adminProfile.members.lead", { organisation: unit.organisation.name })}>{t("adminProfile.members.titleNamed", { name: unit.name })}</PageHeading>
      <LoadingRegion busy={loading}>
        <Members unit={unit} users={users} />
      </LoadingRegion>
    </>
  );
}

/** Every change answers with the Membership or User it changed, which reloads the members query. */
function Members({ unit, users }: { unit: Unit; users: readonly Member["user"][] }) {
  const t = useT();
  const { formatDateTime } = useFormatters();
  const { me } = useViewer();
  const changeRole = useMutationResult(ChangeMembershipRoleMutation, "ChangeMembershipRoleSuccess");
  const removeMember = useMutationResult(RemoveMembershipMutation, "RemoveMembershipSuccess");
  const deactivate = useMutationResult(DeactivateUserMutation, "DeactivateUserSuccess");
  const reactivate = useMutationResult(ReactivateUserMutation, "ReactivateUserSuccess");
  const issueReset = useMutationResult(IssuePasswordResetMutation, "IssuePasswordResetSuccess");
  const [pending, setPending] = useState<Pending>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [link, setLink] = useState<PasswordLink | null>(null);
  const members = [...(unit.members ?? [])].sort((a, b) => a.user.name.localeCompare(b.user.name, "da"));
  const errors = [changeRole.error, removeMember.error, deactivate.error, reactivate.error, issueReset.error].filter(Boolean);

  const done = (message: string) => setNotice(message);
  const onRole = async (member: Member, role: Role) => {
    setNotice(null);
    const outcome = await changeRole.run({ input: { unitId: unit.id, userId: member.user.id, role } });
    if (outcome.ok) done(t("adminProfile.members.roleChanged", { name: member.user.name, role: t(`adminProfile.role.${role}`) }));
  };
  const onReactivate = async (member: Member) => {
    setNotice(null);
    const outcome = await reactivate.run({ input: { userId: member.user.id } });
    if (outcome.ok) done(t("adminProfile.members.reactivated", { name: member.user.name }));
  };
  const onIssue = async (member: Member) => {
    setNotice(null);
    setLink(null);
    const outcome = await issueReset.run({ input: { userId: member.user.id } });
    if (outcome.ok) setLink(outcome.value.passwordLink);
  };
  const onConfirm = async () => {
    if (!pending) return;
    const { action, member } = pending;
    const outcome =
      action === "remove"
        ? await removeMember.run({ input: { unitId: unit.id, userId: member.user.id } })
        : await deactivate.run({ input: { userId: member.user.id } });
    if (outcome.ok) {
      setPending(null);
      done(t(action === "remove" ? "adminProfile.members.removed" : "adminProfile.members.deactivated", { name: member.user.name, unit: unit.name }));
    }
  };

  return (
    <div className="stack">
      {link && <PasswordLinkNotice link={link} />}
      <SavedNote show={notice !== null}>{notice}</SavedNote>
      {errors.map((error) => error && !pending && <Alert key={error.message} tone="error">{error.message}</Alert>)}
      <section aria-labelledby="members-title">
        <h2 id="members-title">{t("adminProfile.members.listTitle")}</h2>
        {members.length === 0 ? (
          <EmptyState title={t("adminProfile.members.empty")} headingLevel={3} />
        ) : (
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="members-title">
            <table className="admin-members">
              <thead>
                <tr>
                  <th scope="col">{t("adminProfile.members.name")}</th>
                  <th scope="col">{t("adminProfile.members.email")}</th>
                  <th scope="col">{t("adminProfile.members.role")}</th>
                  <th scope="col">{t("adminProfile.members.status")}</th>
                  <th scope="col">{t("adminProfile.members.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {members.map((member) => {
                  const isSelf = member.user.id === me?.user.id;
                  const otherRole: Role = member.role === "UNIT_ADMIN" ? "MEMBER" : "UNIT_ADMIN";
                  return (
                    <tr key={member.id}>
                      <th scope="row">
                        {member.user.name}
                        {isSelf && <> ({t("adminProfile.members.you")})</>}
                      </th>
                      <td>{member.user.email}</td>
                      <td>{t(`adminProfile.role.${member.role}`)}</td>
                      <td>
                        {member.user.isActive === false ? (
                          <Badge tone="neutral">{t("adminProfile.members.statusInactive")}</Badge>
                        ) : member.user.lockedUntil ? (
                          <Badge tone="danger">{t("adminProfile.members.statusLocked", { time: formatDateTime(member.user.lockedUntil) })}</Badge>
                        ) : member.user.hasPassword === false ? (
                          <Badge tone="warning">{t("adminProfile.members.statusNoPassword")}</Badge>
                        ) : (
                          <Badge tone="success">{t("adminProfile.members.statusActive")}</Badge>
                        )}
                      </td>
                      <td>
                        <div className="admin-actions">
                          <Button variant="secondary" busy={changeRole.running} onClick={() => void onRole(member, otherRole)}>
                            {t(otherRole === "UNIT_ADMIN" ? "adminProfile.members.makeAdmin" : "adminProfile.members.makeMember")}
                            <span className="visually-hidden"> {member.user.name}</span>
                          </Button>
                          {member.user.isActive !== false && (
                            <Button variant="secondary" busy={issueReset.running} onClick={() => void onIssue(member)}>
                              {t("adminProfile.members.issueLink")}
                              <span className="visually-hidden"> {member.user.name}</span>
                            </Button>
                          )}
                          {!isSelf && member.user.isActive !== false && (
                            <Button variant="quiet" onClick={() => { deactivate.reset(); setPending({ action: "deactivate", member }); }}>
                              {t("adminProfile.members.deactivate")}
                              <span className="visually-hidden"> {member.user.name}</span>
                            </Button>
                          )}
                          {member.user.isActive === false && (
                            <Button variant="secondary" busy={reactivate.running} onClick={() => void onReactivate(member)}>
                              {t("adminProfile.members.reactivate")}
                              <span className="visually-hidden"> {member.user.name}</span>
                            </Button>
                          )}
                          <Button variant="danger" onClick={() => { removeMember.reset(); setPending({ action: "remove", member }); }}>
                            {t("adminProfile.members.remove")}
                            <span className="visually-hidden"> {member.user.name}</span>
                          </Button>
                        </div>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <AddExistingUser unit={unit} users={users} onAdded={(name) => done(t("adminProfile.members.added", { name, unit: unit.name }))} />
      <CreateUser
        unit={unit}
        onCreated={(created) => {
          setLink(created);
          done(t("adminProfile.members.created", { name: created.user.name }));
        }}
      />

      <Dialog
        open={pending !== null}
        onClose={() => setPending(null)}
        title={
          pending?.action === "remove"
            ? t("adminProfile.members.confirmRemoveTitle", { name: pending.member.user.name, unit: unit.name })
            : t("adminProfile.members.confirmDeactivateTitle", { name: pending?.member.user.name ?? "" })
        }
        actions={
          <>
            <Button variant="danger" busy={removeMember.running || deactivate.running} onClick={() => void onConfirm()}>
              {pending?.action === "remove" ? t("adminProfile.members.confirmRemove") : t("adminProfile.members.confirmDeactivate")}
            </Button>
            <Button variant="secondary" onClick={() => setPending(null)}>
              {t("adminProfile.cancel")}
            </Button>
          </>
        }
      >
        <p>{pending?.action === "remove" ? t("adminProfile.members.confirmRemoveBody") : t("adminProfile.members.confirmDeactivateBody")}</p>
        {pending?.action === "remove" && removeMember.error && <Alert tone="error">{removeMember.error.message}</Alert>}
        {pending?.action === "deactivate" && deactivate.error && <Alert tone="error">{deactivate.error.message}</Alert>}
      </Dialog>
    </div>
  );
}

function PasswordLinkNotice({ link }: { link: PasswordLink }) {
  const t = useT();
  const { formatDateTime } = useFormatters();
  return (
    <Alert tone="success" title={t("adminProfile.members.linkTitle", { name: link.user.name })}>
      {link.url ? (
        // Only where no real mail server carries the link (development); in production the server sends null.
        <>
          <p>{link.isEmailed ? t("adminProfile.members.linkDevelopment") : t("adminProfile.members.linkBody", { expires: formatDateTime(link.expiresAt) })}</p>
          <TextField label={t("adminProfile.members.linkLabel")} value={link.url} readOnly onFocus={(event) => event.target.select()} />
        </>
      ) : (
        <p>{t("adminProfile.members.linkEmailed", { expires: formatDateTime(link.expiresAt) })}</p>
      )}
    </Alert>
  );
}

function RoleChoice({ name, value, onChange }: { name: string; value: Role; onChange: (role: Role) => void }) {
  const t = useT();
  return (
    <RadioGroup
      legend={t("adminProfile.members.role")}
      name={name}
      inline
      value={value}
      onChange={(next) => onChange(next === "UNIT_ADMIN" ? "UNIT_ADMIN" : "MEMBER")}
      options={[
        { value: "MEMBER", label: t("adminProfile.role.MEMBER") },
        { value: "UNIT_ADMIN", label: t("adminProfile.role.UNIT_ADMIN") },
      ]}
    />
  );
}

function AddExistingUser({ unit, users, onAdded }: { unit: Unit; users: readonly Member["user"][]; onAdded: (name: string) => void }) {
  const t = useT();
  const add = useMutationResult(AddMembershipMutation, "AddMembershipSuccess");
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("MEMBER");
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const wanted = email.trim().toLowerCase();
    if (!wanted) return setProblem(t("adminProfile.members.emailMissing"));
    const user = users.find((candidate) => candidate.email?.toLowerCase() === wanted);
    if (!user) return setProblem(t("adminProfile.members.emailUnknown"));
    if (unit.members?.some((member) => member.user.id === user.id)) return setProblem(t("adminProfile.members.alreadyMember", { name: user.name }));
    setProblem(null);
    const outcome = await add.run({ input: { unitId: unit.id, userId: user.id, role } });
    if (outcome.ok) {
      setEmail("");
      onAdded(user.name);
    }
  };

  return (
    <Card title={t("adminProfile.members.addTitle")}>
      <form noValidate onSubmit={(event) => void submit(event)} className="stack admin-form">
        <p>{t("adminProfile.members.addIntro")}</p>
        {add.error && <Alert tone="error">{add.error.message}</Alert>}
        <TextField id="add-member-email" type="email" autoComplete="off" label={t("adminProfile.members.email")} value={email} onChange={(event) => setEmail(event.target.value)} error={problem ?? add.fieldError("userId")} />
        <RoleChoice name="addRole" value={role} onChange={setRole} />
        <Button type="submit" busy={add.running}>
          {t("adminProfile.members.addSubmit")}
        </Button>
      </form>
    </Card>
  );
}

function CreateUser({ unit, onCreated }: { unit: Unit; onCreated: (link: PasswordLink) => void }) {
  const t = useT();
  const create = useMutationResult(CreateUserMutation, "CreateUserSuccess");
  const [idempotencyKey, renewIdempotencyKey] = useIdempotencyKey();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("MEMBER");
  const [missing, setMissing] = useState<Record<string, string>>({});

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!name.trim()) errors["name"] = t("adminProfile.members.nameMissing");
    if (!email.trim()) errors["email"] = t("adminProfile.members.emailMissing");
    setMissing(errors);
    if (Object.keys(errors).length > 0) return;
    const outcome = await create.run({ input: { name: name.trim(), email: email.trim(), unitId: unit.id, role, idempotencyKey } });
    if (outcome.ok) {
      renewIdempotencyKey();
      setName("");
      setEmail("");
      onCreated(outcome.value.passwordLink);
    }
  };

  return (
    <Card title={t("adminProfile.members.createTitle")}>
      <form noValidate onSubmit={(event) => void submit(event)} className="stack admin-form">
        <p>{t("adminProfile.members.createIntro", { unit: unit.name })}</p>
        {create.error && Object.keys(create.error.fieldErrors).length === 0 && <Alert tone="error">{create.error.message}</Alert>}
        <TextField id="create-member-name" autoComplete="off" label={t("adminProfile.members.name")} value={name} onChange={(event) => setName(event.target.value)} error={missing["name"] ?? create.fieldError("name")} />
        <TextField id="create-member-email" type="email" autoComplete="off" label={t("adminProfile.members.email")} value={email} onChange={(event) => setEmail(event.target.value)} error={missing["email"] ?? create.fieldError("email")} />
        <RoleChoice name="createRole" value={role} onChange={setRole} />
        <Button type="submit" busy={create.running}>
          {t("adminProfile.members.createSubmit")}
        </Button>
      </form>
    </Card>
  );
}
