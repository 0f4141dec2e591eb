// /administration/tilbud/:serviceId — a service's admins keep its profile, intake status,
// typical waiting time and response window up to date.
import { useState, type FormEvent } from "react";
import { useParams } from "wouter";
import { useMutationResult, useQuery, type ResultOf } from "../../graphql.ts";
import type { MessageKey } from "../../i18n/da.ts";
import { useT } from "../../i18n/i18n.tsx";
import { useDocumentTitle } from "../../page-navigation.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { Button } from "../../ui/Button.tsx";
import { Card } from "../../ui/Card.tsx";
import { CheckboxGroup, RadioGroup } from "../../ui/ChoiceGroup.tsx";
import { ErrorSummary } from "../../ui/ErrorSummary.tsx";
import { PageHeading } from "../../ui/PageHeading.tsx";
import { TextArea } from "../../ui/TextArea.tsx";
import { TextField } from "../../ui/TextField.tsx";
import { LANGUAGES, languageName } from "../directory/labels.ts";
import { useTaxonomy } from "../directory/taxonomy.ts";
import { AgeLimitsFields, ageLimitInput, ageLimitProblems, ageLimitValues } from "./AgeLimitsFields.tsx";
import { AdminPageLoading, BackToAdministration, NotAllowed, SavedNote, SignedInAdminPage } from "./AdminPage.tsx";
import { ServiceAdminQuery, UpdateServiceProfileMutation } from "./documents.ts";
import { VerificationCard } from "./VerificationCard.tsx";
import { ServiceHoursEditor } from "./ServiceHoursEditor.tsx";
import "./admin-profile.css";

type AdminService = NonNullable<ResultOf<typeof ServiceAdminQuery>["service"]>;
type Intake = "OPEN" | "WAITING_LIST" | "CLOSED";
const INTAKES: readonly Intake[] = ["OPEN", "WAITING_LIST", "CLOSED"];

export function ServiceAdminPage() {
  const t = useT();
  return (
    <SignedInAdminPage title={t("adminProfile.service.title")}>
      <ServiceAdminContent />
    </SignedInAdminPage>
  );
}

function ServiceAdminContent() {
  const t = useT();
  const { serviceId } = useParams<{ serviceId: string }>();
  const { data, loading, error, refetch } = useQuery(ServiceAdminQuery, { id: serviceId });
  const service = data?.service ?? null;
  useDocumentTitle(service ? t("adminProfile.service.titleNamed", { name: service.name }) : t("adminProfile.service.title"));

  if (!data) {
    // Retry after a failed load; changes reload through the document cache.
    return <AdminPageLoading title={t("adminProfile.service.title")} loading={loading} error={error} retry={() => void refetch()} />;
  }
  if (!service) return <NotAllowed title={t("adminProfile.service.title")} message={t("adminProfile.service.notFound")} />;
  if (!data.units.some((unit) => unit.id === service.unitId)) {
    return <NotAllowed title={t("adminProfile.service.titleNamed", { name: service.name })} message={t("adminProfile.service.notAllowed")} />;
  }
  return (
    <>
      <BackToAdministration />
      <PageHeading lead={t("adminProfile.service.lead")}>{t("adminProfile.service.titleNamed", { name: service.name })}</PageHeading>
      <div className="stack">
        <VerificationCard target={{ serviceId: service.id }} verification={service} />
        <ServiceProfileForm service={service} />
        <ServiceHoursEditor serviceId={service.id} periods={service.openingPeriods} />
      </div>
    </>
  );
}

const numberOrNull = (value: string) => (value.trim() === "" ? null : Number(value));

function ServiceProfileForm({ service }: { service: AdminService }) {
  const t = useT();
  const save = useMutationResult(UpdateServiceProfileMutation, "UpdateServiceProfileSuccess");
  const taxonomy = useTaxonomy();
  const [saved, setSaved] = useState(false);
  const [values, setValues] = useState(() => ({
    name: service.name,
    description: service.description,
    street: service.street ?? "",
    postalCode: service.postalCode ?? "",
    city: service.city ?? "",
    phone: service.phone ?? "",
    email: service.email ?? "",
    website: service.website ?? "",
    intakeStatus: service.intakeStatus as Intake,
    typicalWaitDays: service.typicalWaitDays == null ? "" : String(service.typicalWaitDays),
    responseWindowDays: String(service.responseWindowDays),
    isAnonymousWelcome: service.isAnonymousWelcome,
    targetGroups: [...service.targetGroups] as string[],
    languages: [...service.languages] as string[],
    ages: ageLimitValues(service),
  }));
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const set = <K extends keyof typeof values>(key: K, value: (typeof values)[K]) => {
    setSaved(false);
    setValues((previous) => ({ ...previous, [key]: value }));
  };
  const languageOptions = [...new Set([...LANGUAGES, ...values.languages])];
  const errorFor = (field: string) => localErrors[field] ?? save.fieldError(field);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const errors: Record<string, string> = {};
    const wait = numberOrNull(values.typicalWaitDays);
    const window = numberOrNull(values.responseWindowDays);
    if (wait !== null && (!Number.isInteger(wait) || wait < 0)) errors["typicalWaitDays"] = t("adminProfile.service.wholeDays");
    if (window === null || !Number.isInteger(window) || window < 1 || window > 60) errors["responseWindowDays"] = t("adminProfile.service.windowRange");
    Object.assign(errors, ageLimitProblems(values.ages, t));
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0) return;
    const outcome = await save.run({
      input: {
        serviceId: service.id,
        name: values.name,
        description: values.description,
        street: values.street.trim() || null,
        postalCode: values.postalCode.trim() || null,
        city: values.city.trim() || null,
        phone: values.phone.trim() || null,
        email: values.email.trim() || null,
        website: values.website.trim() || null,
        intakeStatus: values.intakeStatus,
        typicalWaitDays: wait,
        responseWindowDays: window,
        isAnonymousWelcome: values.isAnonymousWelcome,
        targetGroups: values.targetGroups,
        languages: values.languages,
        ...ageLimitInput(values.ages),
      },
    });
    if (outcome.ok) setSaved(true);
  };
  const summary = Object.entries({ ...(save.error?.fieldErrors ?? {}), ...localErrors }).map(([field, message]) => ({ message, fieldId: `service-${field}` }));

  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="stack admin-form">
      <ErrorSummary title={t("errors.summaryTitle")} errors={summary} />
      {save.error && summary.length === 0 && <Alert tone="error">{save.error.message}</Alert>}
      {service.isSignpostingOnly ? (
        // An offer outside the platform takes no handovers: intake and response window do not apply.
        <Alert tone="info">{t("adminProfile.service.signpostingOnly")}</Alert>
      ) : (
      <Card title={t("adminProfile.service.intakeTitle")}>
        <div className="stack">
          <RadioGroup
            id="service-intakeStatus"
            name="intakeStatus"
            legend={t("adminProfile.service.intake")}
            hint={t("adminProfile.service.intakeHint")}
            options={INTAKES.map((value) => ({ value, label: t(`directory.intake.${value}` satisfies MessageKey) }))}
            value={values.intakeStatus}
            onChange={(value) => set("intakeStatus", INTAKES.find((intake) => intake === value) ?? "OPEN")}
            error={errorFor("intakeStatus")}
          />
          <TextField id="service-typicalWaitDays" type="number" min={0} inputMode="numeric" optional className="admin-row__short" label={t("adminProfile.service.wait")} hint={t("adminProfile.service.waitHint")} value={values.typicalWaitDays} onChange={(event) => set("typicalWaitDays", event.target.value)} error={errorFor("typicalWaitDays")} />
          <TextField id="service-responseWindowDays" type="number" min={1} max={60} inputMode="numeric" className="admin-row__short" label={t("adminProfile.service.window")} hint={t("adminProfile.service.windowHint")} value={values.responseWindowDays} onChange={(event) => set("responseWindowDays", event.target.value)} error={errorFor("responseWindowDays")} />
        </div>
      </Card>
      )}
      <Card title={t("adminProfile.service.profileTitle")}>
        <div className="stack">
          <TextField id="service-name" label={t("adminProfile.profile.name")} value={values.name} onChange={(event) => set("name", event.target.value)} error={errorFor("name")} />
          <TextArea id="service-description" label={t("adminProfile.profile.description")} value={values.description} onChange={(event) => set("description", event.target.value)} error={errorFor("description")} />
          <TextField id="service-street" optional label={t("adminProfile.profile.street")} value={values.street} onChange={(event) => set("street", event.target.value)} error={errorFor("street")} />
          <div className="admin-row">
            <TextField id="service-postalCode" optional inputMode="numeric" className="admin-row__short" label={t("adminProfile.profile.postalCode")} value={values.postalCode} onChange={(event) => set("postalCode", event.target.value)} error={errorFor("postalCode")} />
            <TextField id="service-city" optional label={t("adminProfile.profile.city")} value={values.city} onChange={(event) => set("city", event.target.value)} error={errorFor("city")} />
          </div>
          <TextField id="service-phone" type="tel" optional label={t("adminProfile.profile.phone")} value={values.phone} onChange={(event) => set("phone", event.target.value)} error={errorFor("phone")} />
          <TextField id="service-email" type="email" optional label={t("adminProfile.profile.email")} value={values.email} onChange={(event) => set("email", event.target.value)} error={errorFor("email")} />
          <TextField id="service-website" type="url" optional label={t("adminProfile.profile.website")} hint={t("adminProfile.profile.websiteHint")} value={values.website} onChange={(event) => set("website", event.target.value)} error={errorFor("website")} />
          <CheckboxGroup
            id="service-targetGroups"
            name="targetGroups"
            legend={t("adminProfile.profile.targetGroups")}
            options={taxonomy.options("TARGET_GROUP", service.targetGroups)}
            value={values.targetGroups}
            onChange={(next) => set("targetGroups", next)}
            error={errorFor("targetGroups")}
          />
          <CheckboxGroup
            id="service-languages"
            name="languages"
            inline
            legend={t("adminProfile.profile.languages")}
            options={languageOptions.map((value) => ({ value, label: languageName(t, value) }))}
            value={values.languages}
            onChange={(next) => set("languages", next)}
            error={errorFor("languages")}
          />
          <AgeLimitsFields idPrefix="service" values={values.ages} onChange={(ages) => set("ages", ages)} errorFor={errorFor} />
          <RadioGroup
            id="service-isAnonymousWelcome"
            name="isAnonymousWelcome"
            inline
            legend={t("adminProfile.service.anonymous")}
            options={[
              { value: "yes", label: t("adminProfile.yes") },
              { value: "no", label: t("adminProfile.no") },
            ]}
            value={values.isAnonymousWelcome ? "yes" : "no"}
            onChange={(value) => set("isAnonymousWelcome", value === "yes")}
            error={errorFor("isAnonymousWelcome")}
          />
        </div>
      </Card>
      <div className="cluster">
        <Button type="submit" busy={save.running}>
          {t("adminProfile.service.save")}
        </Button>
        <SavedNote show={saved}>{t("adminProfile.saved")}</SavedNote>
      </div>
    </form>
  );
}
