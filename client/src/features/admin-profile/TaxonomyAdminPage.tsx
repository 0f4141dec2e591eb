// /administration/taksonomi — platform admins keep the lists the directory is built on: target
// groups and what places offer. They add a term (with a code that never changes), rename it, and
// retire or reinstate it; the directory's filters, profiles and figures follow at once, as every
// change answers with the TaxonomyTerm it changed, which reloads each query listing terms.
import { useState, type FormEvent } from "react";
import { useMutationResult, useQuery, type ResultOf } from "../../graphql.ts";
import { useLanguage, useT } from "../../i18n/i18n.tsx";
import { useDocumentTitle } from "../../page-navigation.tsx";
import { Badge } from "../../ui/Badge.tsx";
import { Button } from "../../ui/Button.tsx";
import { Card } from "../../ui/Card.tsx";
import { RadioGroup } from "../../ui/ChoiceGroup.tsx";
import { ErrorSummary } from "../../ui/ErrorSummary.tsx";
import { PageHeading } from "../../ui/PageHeading.tsx";
import { TextField } from "../../ui/TextField.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { useViewer } from "../accounts/viewer.tsx";
import { termName, type Vocabulary } from "../directory/taxonomy.ts";
import { AdminPageLoading, BackToAdministration, NotAllowed, SignedInAdminPage } from "./AdminPage.tsx";
import {
  CreateTaxonomyTermMutation,
  ReinstateTaxonomyTermMutation,
  RetireTaxonomyTermMutation,
  TaxonomyAdminQuery,
  UpdateTaxonomyTermMutation,
} from "./documents.ts";
import "./admin-profile.css";

type Term = ResultOf<typeof TaxonomyAdminQuery>["taxonomyTerms"][number];
const VOCABULARIES: readonly Vocabulary[] = ["TARGET_GROUP", "OFFER"];

export function TaxonomyAdminPage() {
  const t = useT();
  useDocumentTitle(t("adminProfile.taxonomy.title"));
  return (
    <SignedInAdminPage title={t("adminProfile.taxonomy.title")}>
      <TaxonomyAdminContent />
    </SignedInAdminPage>
  );
}

function TaxonomyAdminContent() {
  const t = useT();
  const { me } = useViewer();
  const isPlatformAdmin = me?.isPlatformAdmin ?? false;
  const { data, loading, error, refetch } = useQuery(TaxonomyAdminQuery, {}, { skip: !isPlatformAdmin });
  const [status, setStatus] = useState("");

  if (!isPlatformAdmin) return <NotAllowed title={t("adminProfile.taxonomy.title")} message={t("adminProfile.taxonomy.notAllowed")} />;
  // Retry after a failed load; changes reload through the document cache.
  if (!data) return <AdminPageLoading title={t("adminProfile.taxonomy.title")} loading={loading} error={error} retry={() => void refetch()} />;

  return (
    <>
      <BackToAdministration />
      <PageHeading lead={t("adminProfile.taxonomy.lead")}>{t("adminProfile.taxonomy.title")}</PageHeading>
      <p className="admin-saved" role="status">
        {status}
      </p>
      <div className="stack">
        {VOCABULARIES.map((vocabulary) => (
          <VocabularyCard key={vocabulary} vocabulary={vocabulary} terms={data.taxonomyTerms.filter((term) => term.vocabulary === vocabulary)} onChanged={setStatus} />
        ))}
        <AddTermForm onAdded={setStatus} />
      </div>
    </>
  );
}

function VocabularyCard({ vocabulary, terms, onChanged }: { vocabulary: Vocabulary; terms: readonly Term[]; onChanged: (message: string) => void }) {
  const t = useT();
  return (
    <Card title={t(`adminProfile.taxonomy.vocabulary.${vocabulary}`)} as="section">
      <p className="field__hint">{t("adminProfile.taxonomy.retireHint")}</p>
      <ul className="admin-list">
        {terms.map((term) => (
          <TermItem key={term.id} term={term} onChanged={onChanged} />
        ))}
      </ul>
    </Card>
  );
}

function TermItem({ term, onChanged }: { term: Term; onChanged: (message: string) => void }) {
  const t = useT();
  const { language } = useLanguage();
  const [editing, setEditing] = useState(false);
  const retire = useMutationResult(RetireTaxonomyTermMutation, "RetireTaxonomyTermSuccess");
  const reinstate = useMutationResult(ReinstateTaxonomyTermMutation, "ReinstateTaxonomyTermSuccess");
  const name = termName(term, language);
  const toggle = async () => {
    const outcome = term.isRetired ? await reinstate.run({ input: { termId: term.id } }) : await retire.run({ input: { termId: term.id } });
    if (outcome.ok) onChanged(t(term.isRetired ? "adminProfile.taxonomy.reinstated" : "adminProfile.taxonomy.retired", { name }));
  };
  const failure = retire.error ?? reinstate.error;
  return (
    <li className="admin-list__item stack">
      <p>
        <strong>{name}</strong> {term.isRetired && <Badge tone="warning">{t("adminProfile.taxonomy.retiredBadge")}</Badge>}
      </p>
      <p className="meta">
        {t("adminProfile.taxonomy.meta", { code: term.code, other: language === "da" ? term.nameEn : term.nameDa })}
        {" · "}
        {t("adminProfile.taxonomy.usage", { count: term.usageCount })}
      </p>
      {failure && <Alert tone="error">{failure.message}</Alert>}
      {editing ? (
        <RenameForm term={term} onDone={(message) => {
          setEditing(false);
          if (message) onChanged(message);
        }} />
      ) : (
        <div className="cluster">
          <Button variant="secondary" onClick={() => setEditing(true)}>
            {t("adminProfile.taxonomy.rename")}
            <span className="visually-hidden"> – {name}</span>
          </Button>
          <Button variant="secondary" onClick={() => void toggle()} busy={retire.running || reinstate.running}>
            {t(term.isRetired ? "adminProfile.taxonomy.reinstate" : "adminProfile.taxonomy.retire")}
            <span className="visually-hidden"> – {name}</span>
          </Button>
        </div>
      )}
    </li>
  );
}

function RenameForm({ term, onDone }: { term: Term; onDone: (message: string | null) => void }) {
  const t = useT();
  const save = useMutationResult(UpdateTaxonomyTermMutation, "UpdateTaxonomyTermSuccess");
  const [values, setValues] = useState({ nameDa: term.nameDa, nameEn: term.nameEn });
  const idPrefix = `term-${term.code}`;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await save.run({ input: { termId: term.id, ...values } });
    if (outcome.ok) onDone(t("adminProfile.taxonomy.renamed", { name: values.nameDa }));
  };
  const summary = Object.entries(save.error?.fieldErrors ?? {}).map(([field, message]) => ({ message, fieldId: `${idPrefix}-${field}` }));
  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="stack admin-form">
      <ErrorSummary title={t("errors.summaryTitle")} errors={summary} />
      {save.error && summary.length === 0 && <Alert tone="error">{save.error.message}</Alert>}
      <TextField id={`${idPrefix}-nameDa`} label={t("adminProfile.taxonomy.nameDa")} value={values.nameDa} onChange={(event) => setValues({ ...values, nameDa: event.target.value })} error={save.fieldError("nameDa")} />
      <TextField id={`${idPrefix}-nameEn`} label={t("adminProfile.taxonomy.nameEn")} value={values.nameEn} onChange={(event) => setValues({ ...values, nameEn: event.target.value })} error={save.fieldError("nameEn")} />
      <div className="cluster">
        <Button type="submit" busy={save.running}>
          {t("adminProfile.taxonomy.saveNames")}
        </Button>
        <Button variant="secondary" onClick={() => onDone(null)}>
          {t("adminProfile.taxonomy.cancel")}
        </Button>
      </div>
    </form>
  );
}

const EMPTY = { vocabulary: "TARGET_GROUP" as Vocabulary, code: "", nameDa: "", nameEn: "", descriptionDa: "", descriptionEn: "" };

function AddTermForm({ onAdded }: { onAdded: (message: string) => void }) {
  const t = useT();
  const create = useMutationResult(CreateTaxonomyTermMutation, "CreateTaxonomyTermSuccess");
  const [values, setValues] = useState(EMPTY);
  const set = <K extends keyof typeof values>(key: K, value: (typeof values)[K]) => setValues((previous) => ({ ...previous, [key]: value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await create.run({
      input: {
        ...values,
        code: values.code.trim().toUpperCase(),
        descriptionDa: values.descriptionDa.trim() || null,
        descriptionEn: values.descriptionEn.trim() || null,
      },
    });
    if (outcome.ok) {
      setValues({ ...EMPTY, vocabulary: values.vocabulary });
      onAdded(t("adminProfile.taxonomy.added", { name: outcome.value.data.nameDa }));
    }
  };
  const summary = Object.entries(create.error?.fieldErrors ?? {}).map(([field, message]) => ({ message, fieldId: `new-term-${field}` }));
  return (
    <Card title={t("adminProfile.taxonomy.addTitle")} as="section">
      <form noValidate onSubmit={(event) => void submit(event)} className="stack admin-form">
        <ErrorSummary title={t("errors.summaryTitle")} errors={summary} />
        {create.error && summary.length === 0 && <Alert tone="error">{create.error.message}</Alert>}
        <RadioGroup
          id="new-term-vocabulary"
          name="vocabulary"
          legend={t("adminProfile.taxonomy.vocabularyLegend")}
          options={VOCABULARIES.map((vocabulary) => ({ value: vocabulary, label: t(`adminProfile.taxonomy.vocabulary.${vocabulary}`) }))}
          value={values.vocabulary}
          onChange={(value) => set("vocabulary", value === "OFFER" ? "OFFER" : "TARGET_GROUP")}
          error={create.fieldError("vocabulary")}
        />
        <TextField id="new-term-code" label={t("adminProfile.taxonomy.code")} hint={t("adminProfile.taxonomy.codeHint")} autoComplete="off" spellCheck={false} value={values.code} onChange={(event) => set("code", event.target.value)} error={create.fieldError("code")} />
        <TextField id="new-term-nameDa" label={t("adminProfile.taxonomy.nameDa")} value={values.nameDa} onChange={(event) => set("nameDa", event.target.value)} error={create.fieldError("nameDa")} />
        <TextField id="new-term-nameEn" label={t("adminProfile.taxonomy.nameEn")} value={values.nameEn} onChange={(event) => set("nameEn", event.target.value)} error={create.fieldError("nameEn")} />
        <TextField id="new-term-descriptionDa" optional label={t("adminProfile.taxonomy.descriptionDa")} value={values.descriptionDa} onChange={(event) => set("descriptionDa", event.target.value)} error={create.fieldError("descriptionDa")} />
        <TextField id="new-term-descriptionEn" optional label={t("adminProfile.taxonomy.descriptionEn")} value={values.descriptionEn} onChange={(event) => set("descriptionEn", event.target.value)} error={create.fieldError("descriptionEn")} />
        <Button type="submit" busy={create.running}>
          {t("adminProfile.taxonomy.add")}
        </Button>
      </form>
    </Card>
  );
}
