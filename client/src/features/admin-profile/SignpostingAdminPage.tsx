// /administration/henvisning — platform admins list offers outside the platform (clubs,
// associations) so caseworkers can point citizens onward: "signposting only" entries without an
// inbox. Each is edited like any service; removing one takes it out of the directory.
import { useState, type FormEvent } from "react";
import { useMutationResult, useQuery, type ResultOf } from "../../graphql.ts";
import { useLanguage, useT } from "../../i18n/i18n.tsx";
import { Link, useDocumentTitle } from "../../page-navigation.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { Button } from "../../ui/Button.tsx";
import { Card } from "../../ui/Card.tsx";
import { CheckboxGroup } from "../../ui/ChoiceGroup.tsx";
import { ErrorSummary } from "../../ui/ErrorSummary.tsx";
import { PageHeading } from "../../ui/PageHeading.tsx";
import { TextArea } from "../../ui/TextArea.tsx";
import { TextField } from "../../ui/TextField.tsx";
import { useViewer } from "../accounts/viewer.tsx";
import { ageRange } from "../directory/labels.ts";
import { termName, useTaxonomy } from "../directory/taxonomy.ts";
import { AdminPageLoading, BackToAdministration, NotAllowed, SignedInAdminPage } from "./AdminPage.tsx";
import { AgeLimitsFields, ageLimitInput, ageLimitProblems, type AgeLimitValues } from "./AgeLimitsFields.tsx";
import { CreateSignpostingServiceMutation, DeleteSignpostingServiceMutation, SignpostingAdminQuery } from "./documents.ts";
import "./admin-profile.css";

type Entry = ResultOf<typeof SignpostingAdminQuery>["services"]["edges"][number]["node"];

export function SignpostingAdminPage() {
  const t = useT();
  useDocumentTitle(t("adminProfile.signposting.title"));
  return (
    <SignedInAdminPage title={t("adminProfile.signposting.title")}>
      <SignpostingAdminContent />
    </SignedInAdminPage>
  );
}

function SignpostingAdminContent() {
  const t = useT();
  const { me } = useViewer();
  const isPlatformAdmin = me?.isPlatformAdmin ?? false;
  // A new entry answers with its Service, which reloads the list even when it was empty.
  const { data, loading, error, refetch } = useQuery(SignpostingAdminQuery, {}, { skip: !isPlatformAdmin, additionalTypenames: ["Service"] });
  const [status, setStatus] = useState("");

  if (!isPlatformAdmin) return <NotAllowed title={t("adminProfile.signposting.title")} message={t("adminProfile.signposting.notAllowed")} />;
  // Retry after a failed load; changes reload through the document cache.
  if (!data) return <AdminPageLoading title={t("adminProfile.signposting.title")} loading={loading} error={error} retry={() => void refetch()} />;
  const entries = data.services.edges.map((edge) => edge.node);
  return (
    <>
      <BackToAdministration />
      <PageHeading lead={t("adminProfile.signposting.lead")}>{t("adminProfile.signposting.title")}</PageHeading>
      <p className="admin-saved" role="status">
        {status}
      </p>
      <div className="stack">
        <Card title={t("adminProfile.signposting.listTitle")}>
          {entries.length === 0 ? (
            <p>{t("adminProfile.signposting.none")}</p>
          ) : (
            <ul className="admin-list">
              {entries.map((entry) => (
                <EntryItem key={entry.id} entry={entry} onRemoved={setStatus} />
              ))}
            </ul>
          )}
        </Card>
        <AddEntryForm onAdded={setStatus} />
      </div>
    </>
  );
}

function EntryItem({ entry, onRemoved }: { entry: Entry; onRemoved: (message: string) => void }) {
  const t = useT();
  const { language } = useLanguage();
  // The answer holds no Service, only that the entry is gone.
  const remove = useMutationResult(DeleteSignpostingServiceMutation, "DeleteSignpostingServiceSuccess", { additionalTypenames: ["Service"] });
  const groups = entry.targetGroupTerms.map((term) => termName(term, language)).join(", ");
  const ages = ageRange(t, entry.minAge, entry.maxAge);
  const onRemove = async () => {
    const outcome = await remove.run({ input: { serviceId: entry.id } });
    if (outcome.ok) onRemoved(t("adminProfile.signposting.removed", { name: entry.name }));
  };
  return (
    <li className="admin-list__item stack">
      <p>
        <strong>{entry.name}</strong>
      </p>
      <p className="meta">
        {t("directory.services.operator", { name: entry.operatorName })} · {groups}
        {ages && ` · ${ages}`}
      </p>
      {(entry.phone || entry.website) && <p className="meta">{[entry.phone, entry.website].filter(Boolean).join(" · ")}</p>}
      {remove.error && <Alert tone="error">{remove.error.message}</Alert>}
      <div className="cluster">
        <Link to={`/administration/tilbud/${entry.id}`}>
          {t("adminProfile.signposting.edit")}
          <span className="visually-hidden"> – {entry.name}</span>
        </Link>
        <Button variant="secondary" onClick={() => void onRemove()} busy={remove.running}>
          {t("adminProfile.signposting.remove")}
          <span className="visually-hidden"> – {entry.name}</span>
        </Button>
      </div>
    </li>
  );
}

const EMPTY = { name: "", operatorName: "", description: "", phone: "", email: "", website: "", street: "", postalCode: "", city: "" };
const CONTACT_FIELDS = ["phone", "email", "website", "street", "postalCode", "city"] as const;

function AddEntryForm({ onAdded }: { onAdded: (message: string) => void }) {
  const t = useT();
  const taxonomy = useTaxonomy();
  const create = useMutationResult(CreateSignpostingServiceMutation, "CreateSignpostingServiceSuccess");
  const [values, setValues] = useState(EMPTY);
  const [targetGroups, setTargetGroups] = useState<string[]>([]);
  const [ages, setAges] = useState<AgeLimitValues>({ minAge: "", maxAge: "" });
  const [ageErrors, setAgeErrors] = useState<Partial<Record<"minAge" | "maxAge", string>>>({});
  const set = (key: keyof typeof EMPTY, value: string) => setValues((previous) => ({ ...previous, [key]: value }));
  const errorFor = (field: string) => ageErrors[field as "minAge" | "maxAge"] ?? create.fieldError(field);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = ageLimitProblems(ages, t);
    setAgeErrors(problems);
    if (Object.keys(problems).length > 0) return;
    const contact = Object.fromEntries(CONTACT_FIELDS.map((field) => [field, values[field].trim() || null]));
    const outcome = await create.run({
      input: { name: values.name, operatorName: values.operatorName, description: values.description, targetGroups, ...ageLimitInput(ages), ...contact },
    });
    if (outcome.ok) {
      setValues(EMPTY);
      setTargetGroups([]);
      setAges({ minAge: "", maxAge: "" });
      onAdded(t("adminProfile.signposting.added", { name: outcome.value.data.name }));
    }
  };
  const summary = Object.entries({ ...(create.error?.fieldErrors ?? {}), ...ageErrors }).map(([field, message]) => ({ message, fieldId: `signpost-${field.split(".")[0]}` }));
  return (
    <Card title={t("adminProfile.signposting.addTitle")}>
      <form noValidate onSubmit={(event) => void submit(event)} className="stack admin-form">
        <ErrorSummary title={t("errors.summaryTitle")} errors={summary} />
        {create.error && summary.length === 0 && <Alert tone="error">{create.error.message}</Alert>}
        <TextField id="signpost-name" label={t("adminProfile.signposting.name")} value={values.name} onChange={(event) => set("name", event.target.value)} error={errorFor("name")} />
        <TextField id="signpost-operatorName" label={t("adminProfile.signposting.operator")} hint={t("adminProfile.signposting.operatorHint")} value={values.operatorName} onChange={(event) => set("operatorName", event.target.value)} error={errorFor("operatorName")} />
        <TextArea id="signpost-description" label={t("adminProfile.profile.description")} value={values.description} onChange={(event) => set("description", event.target.value)} error={errorFor("description")} />
        <CheckboxGroup
          id="signpost-targetGroups"
          name="targetGroups"
          legend={t("adminProfile.profile.targetGroups")}
          options={taxonomy.options("TARGET_GROUP")}
          value={targetGroups}
          onChange={setTargetGroups}
          error={errorFor("targetGroups")}
        />
        <AgeLimitsFields idPrefix="signpost" values={ages} onChange={setAges} errorFor={errorFor} />
        <fieldset className="admin-fieldset">
          <legend>{t("adminProfile.profile.contactLegend")}</legend>
          {CONTACT_FIELDS.map((field) => (
            <TextField key={field} id={`signpost-${field}`} optional label={t(`adminProfile.profile.${field}`)} value={values[field]} onChange={(event) => set(field, event.target.value)} error={errorFor(field)} />
          ))}
        </fieldset>
        <Button type="submit" busy={create.running}>
          {t("adminProfile.signposting.add")}
        </Button>
      </form>
    </Card>
  );
}
