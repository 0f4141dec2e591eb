// The centre's public profile: what the directory, the centre page and the centre card show.
import { useState, type FormEvent } from "react";
import { useMutationResult } from "../../graphql.ts";
import type { MessageKey } from "../../i18n/da.ts";
import { useT } from "../../i18n/i18n.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { Button } from "../../ui/Button.tsx";
import { Card } from "../../ui/Card.tsx";
import { CheckboxGroup, RadioGroup } from "../../ui/ChoiceGroup.tsx";
import { ErrorSummary } from "../../ui/ErrorSummary.tsx";
import { TextArea } from "../../ui/TextArea.tsx";
import { TextField } from "../../ui/TextField.tsx";
import { ACCESSIBILITY_FEATURES, LANGUAGES, languageName } from "../directory/labels.ts";
import { useTaxonomy } from "../directory/taxonomy.ts";
import { SavedNote } from "./AdminPage.tsx";
import { AgeLimitsFields, ageLimitInput, ageLimitProblems, ageLimitValues } from "./AgeLimitsFields.tsx";
import { UpdateCentreProfileMutation } from "./documents.ts";

type Profile = {
  id: string;
  name: string;
  description: string;
  street: string;
  postalCode: string;
  city: string;
  phone?: string | null;
  email?: string | null;
  website?: string | null;
  askFor?: string | null;
  targetGroups: readonly string[];
  offers: readonly string[];
  accessibility: readonly string[];
  languages: readonly string[];
  isAnonymousWelcome: boolean;
  minAge?: number | null;
  maxAge?: number | null;
};


export function CentreProfileForm({ centre }: { centre: Profile }) {
  const t = useT();
  const save = useMutationResult(UpdateCentreProfileMutation, "UpdateCentreProfileSuccess");
  const taxonomy = useTaxonomy();
  const [saved, setSaved] = useState(false);
  const [ageErrors, setAgeErrors] = useState<Partial<Record<"minAge" | "maxAge", string>>>({});
  const [values, setValues] = useState(() => ({
    name: centre.name,
    description: centre.description,
    street: centre.street,
    postalCode: centre.postalCode,
    city: centre.city,
    phone: centre.phone ?? "",
    email: centre.email ?? "",
    website: centre.website ?? "",
    askFor: centre.askFor ?? "",
    targetGroups: [...centre.targetGroups],
    offers: [...centre.offers],
    accessibility: [...centre.accessibility],
    languages: [...centre.languages],
    isAnonymousWelcome: centre.isAnonymousWelcome,
    ages: ageLimitValues(centre),
  }));
  const set = <K extends keyof typeof values>(key: K, value: (typeof values)[K]) => {
    setSaved(false);
    setValues((previous) => ({ ...previous, [key]: value }));
  };
  const languageOptions = [...new Set([...LANGUAGES, ...values.languages])];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const problems = ageLimitProblems(values.ages, t);
    setAgeErrors(problems);
    if (Object.keys(problems).length > 0) return;
    const outcome = await save.run({
      input: {
        centreId: centre.id,
        name: values.name,
        description: values.description,
        street: values.street,
        postalCode: values.postalCode,
        city: values.city,
        phone: values.phone.trim() || null,
        email: values.email.trim() || null,
        website: values.website.trim() || null,
        askFor: values.askFor.trim() || null,
        targetGroups: values.targetGroups,
        offers: values.offers,
        accessibility: values.accessibility as (typeof ACCESSIBILITY_FEATURES)[number][],
        languages: values.languages,
        isAnonymousWelcome: values.isAnonymousWelcome,
        ...ageLimitInput(values.ages),
      },
    });
    if (outcome.ok) setSaved(true);
  };

  const fieldErrors = { ...(save.error?.fieldErrors ?? {}), ...ageErrors };
  const summary = Object.entries(fieldErrors).map(([field, message]) => ({ message, fieldId: `profile-${field.split(".")[0]}` }));

  return (
    <Card title={<span id="profil">{t("adminProfile.profile.title")}</span>}>
      <form noValidate onSubmit={(event) => void submit(event)} className="stack admin-form">
        <ErrorSummary title={t("errors.summaryTitle")} errors={summary} />
        {save.error && summary.length === 0 && <Alert tone="error">{save.error.message}</Alert>}
        {save.error?.formErrors.map((message) => <Alert key={message} tone="error">{message}</Alert>)}
        <TextField id="profile-name" label={t("adminProfile.profile.name")} value={values.name} onChange={(event) => set("name", event.target.value)} error={save.fieldError("name")} />
        <TextArea
          id="profile-description"
          label={t("adminProfile.profile.description")}
          hint={t("adminProfile.profile.descriptionHint")}
          value={values.description}
          onChange={(event) => set("description", event.target.value)}
          error={save.fieldError("description")}
        />
        <fieldset className="admin-fieldset">
          <legend>{t("adminProfile.profile.addressLegend")}</legend>
          <TextField id="profile-street" label={t("adminProfile.profile.street")} autoComplete="off" value={values.street} onChange={(event) => set("street", event.target.value)} error={save.fieldError("street")} />
          <div className="admin-row">
            <TextField id="profile-postalCode" label={t("adminProfile.profile.postalCode")} inputMode="numeric" className="admin-row__short" value={values.postalCode} onChange={(event) => set("postalCode", event.target.value)} error={save.fieldError("postalCode")} />
            <TextField id="profile-city" label={t("adminProfile.profile.city")} value={values.city} onChange={(event) => set("city", event.target.value)} error={save.fieldError("city")} />
          </div>
        </fieldset>
        <fieldset className="admin-fieldset">
          <legend>{t("adminProfile.profile.contactLegend")}</legend>
          <TextField id="profile-phone" type="tel" optional label={t("adminProfile.profile.phone")} value={values.phone} onChange={(event) => set("phone", event.target.value)} error={save.fieldError("phone")} />
          <TextField id="profile-email" type="email" optional label={t("adminProfile.profile.email")} value={values.email} onChange={(event) => set("email", event.target.value)} error={save.fieldError("email")} />
          <TextField id="profile-website" type="url" optional label={t("adminProfile.profile.website")} hint={t("adminProfile.profile.websiteHint")} value={values.website} onChange={(event) => set("website", event.target.value)} error={save.fieldError("website")} />
          <TextArea id="profile-askFor" rows={2} optional label={t("adminProfile.profile.askFor")} hint={t("adminProfile.profile.askForHint")} value={values.askFor} onChange={(event) => set("askFor", event.target.value)} error={save.fieldError("askFor")} />
        </fieldset>
        <CheckboxGroup
          id="profile-targetGroups"
          name="targetGroups"
          legend={t("adminProfile.profile.targetGroups")}
          hint={t("adminProfile.profile.targetGroupsHint")}
          options={taxonomy.options("TARGET_GROUP", centre.targetGroups)}
          value={values.targetGroups}
          onChange={(next) => set("targetGroups", next)}
          error={save.fieldError("targetGroups")}
        />
        <CheckboxGroup
          id="profile-offers"
          name="offers"
          legend={t("adminProfile.profile.offers")}
          optional
          options={taxonomy.options("OFFER", centre.offers)}
          value={values.offers}
          onChange={(next) => set("offers", next)}
          error={save.fieldError("offers")}
        />
        <CheckboxGroup
          id="profile-accessibility"
          name="accessibility"
          legend={t("adminProfile.profile.accessibility")}
          optional
          options={ACCESSIBILITY_FEATURES.map((value) => ({ value, label: t(`directory.accessibility.${value}` satisfies MessageKey) }))}
          value={values.accessibility}
          onChange={(next) => set("accessibility", next)}
          error={save.fieldError("accessibility")}
        />
        <CheckboxGroup
          id="profile-languages"
          name="languages"
          inline
          legend={t("adminProfile.profile.languages")}
          hint={t("adminProfile.profile.languagesHint")}
          options={languageOptions.map((value) => ({ value, label: languageName(t, value) }))}
          value={values.languages}
          onChange={(next) => set("languages", next)}
          error={save.fieldError("languages")}
        />
        <AgeLimitsFields idPrefix="profile" values={values.ages} onChange={(ages) => set("ages", ages)} errorFor={(field) => ageErrors[field] ?? save.fieldError(field)} />
        <RadioGroup
          id="profile-isAnonymousWelcome"
          name="isAnonymousWelcome"
          inline
          legend={t("adminProfile.profile.anonymous")}
          hint={t("adminProfile.profile.anonymousHint")}
          options={[
            { value: "yes", label: t("adminProfile.yes") },
            { value: "no", label: t("adminProfile.no") },
          ]}
          value={values.isAnonymousWelcome ? "yes" : "no"}
          onChange={(value) => set("isAnonymousWelcome", value === "yes")}
          error={save.fieldError("isAnonymousWelcome")}
        />
        <div className="cluster">
          <Button type="submit" busy={save.running}>
            {t("adminProfile.profile.save")}
          </Button>
          <SavedNote show={saved}>{t("adminProfile.saved")}</SavedNote>
        </div>
      </form>
    </Card>
  );
}

