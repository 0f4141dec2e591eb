// /initiativer/ny and /initiativer/:id/rediger: coordinators and organisation admins create and
// edit initiatives — status, owner, centres, the action plan's three weights, and the effect
// template (what measures it, baseline and target). The server checks who may save what.
import { useState, type FormEvent } from "react";
import { useLocation, useParams } from "wouter";
import { useMutationResult, useQuery, type ResultOf } from "../../graphql.ts";
import { useLanguage, useT } from "../../i18n/i18n.tsx";
import { Link, useDocumentTitle } from "../../page-navigation.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { Button } from "../../ui/Button.tsx";
import { CheckboxGroup, RadioGroup } from "../../ui/ChoiceGroup.tsx";
import { ErrorSummary } from "../../ui/ErrorSummary.tsx";
import { PageHeading } from "../../ui/PageHeading.tsx";
import { SelectField } from "../../ui/SelectField.tsx";
import { LoadingRegion } from "../../ui/Spinner.tsx";
import { TextArea } from "../../ui/TextArea.tsx";
import { TextField } from "../../ui/TextField.tsx";
import { useViewer } from "../accounts/viewer.tsx";
import { InitiativeEditorQuery, InitiativesQuery, SaveInitiativeMutation } from "./documents.ts";
import { asWeight, InitiativeClassification, type InitiativeKind } from "./InitiativeClassification.tsx";
import "../admin-profile/admin-profile.css";
import "./steering.css";

type Initiative = ResultOf<typeof InitiativesQuery>["initiatives"][number];
type Options = ResultOf<typeof InitiativeEditorQuery>;
type Status = "IDEA" | "PLANNED" | "RUNNING" | "EVALUATED";
type MeasureKind = "FIGURE" | "SURVEY_QUESTION";
type MeasureDraft = { kind: MeasureKind; figureKey: string; surveyPosition: string; baselineValue: string; targetValue: string };

const STATUSES: readonly Status[] = ["IDEA", "PLANNED", "RUNNING", "EVALUATED"];
const MAX_MEASURES = 8;
const decimalText = (value: number | null | undefined) => (value === null || value === undefined ? "" : String(value).replace(".", ","));
/** "3,5" or "3.5" → 3.5; empty → null; anything else → NaN. */
const parseDecimal = (text: string) => (text.trim() === "" ? null : Number(text.trim().replace(",", ".")));

export function InitiativeEditPage() {
  const t = useT();
  // why: one page for /initiativer/ny (no id) and /initiativer/:id/rediger.
  const id: string | undefined = useParams()["id"];
  const isNew = id === undefined;
  const { me } = useViewer();
  const options = useQuery(InitiativeEditorQuery, {}, { skip: !me });
  const catalogue = useQuery(InitiativesQuery, {}, { skip: isNew });
  const initiative = catalogue.data?.initiatives.find((candidate) => candidate.id === id) ?? null;
  const title = isNew ? t("steering.form.newTitle") : t("steering.form.editTitle", { title: initiative?.title ?? "" });
  useDocumentTitle(title);

  const mayEdit = me && (me.isCoordinator || me.isPlatformAdmin || me.administeredOrganisations.length > 0);
  if (me === null || (me && !mayEdit)) {
    return (
      <>
        <PageHeading>{title}</PageHeading>
        <Alert tone="warning">{t("steering.form.notAllowed")}</Alert>
      </>
    );
  }
  const isLoading = !options.data || (!isNew && !catalogue.data);
  return (
    <>
      <p>
        <Link to="/initiativer">{t("steering.form.back")}</Link>
      </p>
      <PageHeading lead={t("steering.form.lead")}>{title}</PageHeading>
      <LoadingRegion busy={isLoading && !options.error && !catalogue.error}>
        {(options.error || catalogue.error) && <Alert tone="error">{t("insights.loadError")}</Alert>}
        {!isLoading && !isNew && !initiative && <Alert tone="warning">{t("steering.form.notFound")}</Alert>}
        {!isLoading && options.data && (isNew || initiative) && <InitiativeForm initiative={initiative} options={options.data} />}
      </LoadingRegion>
    </>
  );
}

function draftOf(initiative: Initiative | null, options: Options) {
  return {
    title: initiative?.title ?? "",
    description: initiative?.description ?? "",
    kind: (initiative?.kind ?? "CITIZEN_FACING") as InitiativeKind,
    status: (initiative?.status ?? "IDEA") as Status,
    ownerOrganisationId: initiative?.ownerOrganisation.id ?? options.initiativeEditorOptions.organisations[0]?.id ?? "",
    centreIds: initiative?.centres.map((centre) => centre.id) ?? [],
    quickEffect: asWeight(initiative?.quickEffect ?? 2),
    maturity: asWeight(initiative?.maturity ?? 2),
    resourceDraw: asWeight(initiative?.resourceDraw ?? 2),
    evaluationText: initiative?.evaluationText ?? "",
    measures: (initiative?.measures ?? []).map(
      (measure): MeasureDraft => ({
        kind: measure.kind,
        figureKey: measure.figureKey ?? "",
        surveyPosition: measure.surveyPosition === null ? "" : String(measure.surveyPosition),
        baselineValue: decimalText(measure.baselineValue),
        targetValue: decimalText(measure.targetValue),
      }),
    ),
  };
}

function InitiativeForm({ initiative, options }: { initiative: Initiative | null; options: Options }) {
  const t = useT();
  const { language } = useLanguage();
  const [, navigate] = useLocation();
  const save = useMutationResult(SaveInitiativeMutation, "SaveInitiativeSuccess");
  const [values, setValues] = useState(() => draftOf(initiative, options));
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const set = <K extends keyof typeof values>(key: K, value: (typeof values)[K]) => setValues((previous) => ({ ...previous, [key]: value }));
  const setMeasure = (index: number, change: Partial<MeasureDraft>) =>
    set("measures", values.measures.map((measure, at) => (at === index ? { ...measure, ...change } : measure)));
  const { organisations, centres, commonQuestions } = options.initiativeEditorOptions;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    const measures = values.measures.map((measure, index) => {
      const baselineValue = parseDecimal(measure.baselineValue);
      const targetValue = parseDecimal(measure.targetValue);
      if (baselineValue !== null && Number.isNaN(baselineValue)) errors[`measures.${index}.baselineValue`] = t("steering.form.notANumber");
      if (targetValue === null || Number.isNaN(targetValue)) errors[`measures.${index}.targetValue`] = t("steering.form.targetMissing");
      return {
        kind: measure.kind,
        figureKey: measure.kind === "FIGURE" ? measure.figureKey || null : null,
        surveyPosition: measure.kind === "SURVEY_QUESTION" && measure.surveyPosition ? Number(measure.surveyPosition) : null,
        baselineValue: baselineValue !== null && !Number.isNaN(baselineValue) ? baselineValue : null,
        targetValue: targetValue ?? 0,
      };
    });
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0) return;
    const outcome = await save.run({
      input: {
        id: initiative?.id ?? null,
        title: values.title,
        description: values.description,
        kind: values.kind,
        status: values.status,
        ownerOrganisationId: values.ownerOrganisationId,
        centreIds: values.centreIds,
        quickEffect: values.quickEffect,
        maturity: values.maturity,
        resourceDraw: values.resourceDraw,
        evaluationText: values.evaluationText.trim() || null,
        measures,
      },
    });
    if (outcome.ok) navigate(`/initiativer#initiative-${outcome.value.initiative.id}`);
  };

  const error = (field: string) => localErrors[field] ?? save.fieldError(field);
  const allErrors = { ...(save.error?.fieldErrors ?? {}), ...localErrors };
  const summary = Object.entries(allErrors).map(([field, message]) => ({ message, fieldId: `initiative-${field.replace(/\./g, "-")}` }));
  const ownerOptions = organisations.some((organisation) => organisation.id === values.ownerOrganisationId) || !initiative
    ? organisations
    : [{ id: initiative.ownerOrganisation.id, name: initiative.ownerOrganisation.name }, ...organisations];

  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="stack">
      <ErrorSummary title={t("errors.summaryTitle")} errors={summary} />
      {save.error && summary.length === 0 && <Alert tone="error">{save.error.message}</Alert>}
      <TextField id="initiative-title" label={t("steering.form.title")} value={values.title} onChange={(event) => set("title", event.target.value)} error={error("title")} />
      <TextArea id="initiative-description" rows={4} label={t("steering.form.description")} hint={t("steering.form.noPersonalData")} value={values.description} onChange={(event) => set("description", event.target.value)} error={error("description")} />
      <RadioGroup
        id="initiative-status"
        name="initiative-status"
        inline
        legend={t("steering.form.status")}
        hint={t("steering.form.statusHint")}
        options={STATUSES.map((value) => ({ value, label: t(`steering.status.${value}`) }))}
        value={values.status}
        onChange={(value) => set("status", STATUSES.find((status) => status === value) ?? "IDEA")}
        error={error("status")}
      />
      <CheckboxGroup
        id="initiative-centreIds"
        name="initiative-centreIds"
        optional
        legend={t("steering.form.centres")}
        hint={t("steering.form.centresHint")}
        options={centres.map((centre) => ({ value: centre.id, label: centre.name }))}
        value={values.centreIds}
        onChange={(next) => set("centreIds", next)}
        error={error("centreIds")}
      />
      <InitiativeClassification idPrefix="initiative" values={values} organisations={ownerOptions} onChange={(change) => setValues((previous) => ({ ...previous, ...change }))} error={error} />
      <fieldset className="admin-fieldset stack">
        <legend>{t("steering.form.effectTemplate")}</legend>
        <p className="meta">{t("steering.form.effectHint")}</p>
        {values.measures.length === 0 && <p>{t("steering.form.noMeasures")}</p>}
        {values.measures.map((measure, index) => {
          const field = (name: string) => `initiative-measures-${index}-${name}`;
          return (
            <fieldset key={index} className="admin-fieldset stack">
              <legend>{t("steering.form.measure", { number: index + 1 })}</legend>
              <SelectField
                id={field("kind")}
                label={t("steering.form.measureKind")}
                options={(["FIGURE", "SURVEY_QUESTION"] as const).map((value) => ({ value, label: t(`steering.form.measureKind.${value}`) }))}
                value={measure.kind}
                onChange={(event) => setMeasure(index, { kind: event.target.value === "SURVEY_QUESTION" ? "SURVEY_QUESTION" : "FIGURE" })}
              />
              {measure.kind === "FIGURE" ? (
                <SelectField
                  id={field("figureKey")}
                  label={t("steering.form.figure")}
                  placeholder={t("steering.form.choose")}
                  options={options.figureDefinitions.map((figure) => ({ value: figure.key, label: language === "da" ? figure.nameDa : figure.nameEn }))}
                  value={measure.figureKey}
                  onChange={(event) => setMeasure(index, { figureKey: event.target.value })}
                  error={error(`measures.${index}.figureKey`)}
                />
              ) : (
                <SelectField
                  id={field("surveyPosition")}
                  label={t("steering.form.question")}
                  placeholder={t("steering.form.choose")}
                  options={commonQuestions.map((question) => ({ value: String(question.position), label: `${question.position}. ${language === "da" ? question.textDa : question.textEn}` }))}
                  value={measure.surveyPosition}
                  onChange={(event) => setMeasure(index, { surveyPosition: event.target.value })}
                  error={error(`measures.${index}.surveyPosition`)}
                />
              )}
              <div className="admin-row">
                <TextField id={field("baselineValue")} optional inputMode="decimal" cprGuard={false} className="admin-row__short" label={t("steering.catalogue.baseline")} value={measure.baselineValue} onChange={(event) => setMeasure(index, { baselineValue: event.target.value })} error={error(`measures.${index}.baselineValue`)} />
                <TextField id={field("targetValue")} inputMode="decimal" cprGuard={false} className="admin-row__short" label={t("steering.catalogue.target")} value={measure.targetValue} onChange={(event) => setMeasure(index, { targetValue: event.target.value })} error={error(`measures.${index}.targetValue`)} />
              </div>
              <div>
                <Button variant="secondary" onClick={() => set("measures", values.measures.filter((_, at) => at !== index))}>
                  {t("steering.form.removeMeasure", { number: index + 1 })}
                </Button>
              </div>
            </fieldset>
          );
        })}
        {values.measures.length < MAX_MEASURES && (
          <div>
            <Button
              variant="secondary"
              onClick={() => set("measures", [...values.measures, { kind: "FIGURE", figureKey: "", surveyPosition: "", baselineValue: "", targetValue: "" }])}
            >
              {t("steering.form.addMeasure")}
            </Button>
          </div>
        )}
      </fieldset>
      <TextArea id="initiative-evaluationText" optional rows={4} label={t("steering.form.evaluation")} hint={t("steering.form.noPersonalData")} value={values.evaluationText} onChange={(event) => set("evaluationText", event.target.value)} error={error("evaluationText")} />
      <div className="cluster">
        <Button type="submit" busy={save.running}>
          {t("steering.form.save")}
        </Button>
        <Link to="/initiativer">{t("steering.form.cancel")}</Link>
      </div>
    </form>
  );
}
