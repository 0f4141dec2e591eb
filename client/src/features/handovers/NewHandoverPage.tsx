import { useCallback, useMemo, useRef, useState, type FormEvent, type ReactNode } from "react";
import { useSearchParams } from "wouter";
import { graphql, MutationErrorFields, useMutationResult, useQuery, type ResultOf } from "../../graphql.ts";
import { useIdempotencyKey } from "../../idempotency.ts";
import { useFormatters } from "../../i18n/format.ts";
import { useLanguage, useT } from "../../i18n/i18n.tsx";
import { useDocumentTitle } from "../../page-navigation.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { Button } from "../../ui/Button.tsx";
import { CheckboxGroup, RadioGroup } from "../../ui/ChoiceGroup.tsx";
import { ErrorSummary, type ErrorSummaryItem } from "../../ui/ErrorSummary.tsx";
import { PageHeading } from "../../ui/PageHeading.tsx";
import { cprMessage } from "../../ui/cpr-hint.ts";
import { TextArea } from "../../ui/TextArea.tsx";
import { SelectField } from "../../ui/SelectField.tsx";
import { TextField } from "../../ui/TextField.tsx";
import { localDateTimeToIso, localNowForInput } from "../../i18n/zoned-time.ts";
import { endOfLocalDayIso, localDatePlusDays } from "./dates.ts";
import { HandoverCreated } from "./HandoverCreated.tsx";
import {
  CONSENT_FIELDS,
  CONSENT_METHODS,
  CONTACT_CHANNELS,
  HELP_CATEGORIES,
  PERSONAL_DATA_INPUT,
  URGENCIES,
  type ConsentField,
  type ConsentMethod,
  type ContactChannel,
  type HandoverKind,
  type HelpCategory,
  type ServiceKind,
  type TargetGroup,
  type Urgency,
} from "./labels.ts";
import { useTaxonomy } from "../directory/taxonomy.ts";
import { consentReadBack, joinList } from "./readBack.ts";
import { GroupRequestFields, type GroupValues } from "./GroupRequestFields.tsx";
import { ProposedServices } from "./ProposedServices.tsx";
import { RecipientStep, type Recipient } from "./RecipientStep.tsx";
import { RequireUnit, type ActiveUnit } from "./RequireUnit.tsx";
import "./handovers.css";

export const CreateHandoverMutation = graphql(
  `
    mutation CreateHandover($input: CreateHandoverInput!) {
      createHandover(input: $input) {
        __typename
        ... on CreateHandoverSuccess {
          data {
            id
            code
            status
            kind
            expiresAt
            toUnit { id name }
            openRequest { serviceKind areaName }
            consent { fields validUntil }
          }
        }
        ... on ConsentMissingError { field }
        ...MutationErrorFields
      }
    }
  `,
  [MutationErrorFields],
);

const AreasQuery = graphql(`
  query HandoverAreas {
    areas { id name }
  }
`);

export type CreatedHandover = Extract<ResultOf<typeof CreateHandoverMutation>["createHandover"], { __typename: "CreateHandoverSuccess" }>["data"];

type ShareMode = "ANONYMOUS" | "CONSENT";
type RecipientMode = "PROPOSED" | "DIRECT" | "GROUP";
type PersonalValues = Record<"firstName" | "phone" | "email" | "note", string>;

type Draft = {
  /** Step 1, the citizen's needs: help categories and own words (wish), plus what helps find services. */
  targetGroups: TargetGroup[];
  areaId: string;
  recipientMode: RecipientMode;
  group: GroupValues;
  recipient: Recipient | null;
  purpose: string;
  helpCategories: HelpCategory[];
  wish: string;
  urgency: Urgency;
  preferredChannel: ContactChannel;
  preferredContactTime: string;
  languageNeeds: string;
  meetingAt: string;
  meetingPlace: string;
  shareMode: ShareMode;
  consentFields: ConsentField[];
  consentPurpose: string;
  consentMethod: ConsentMethod | "";
  consentValidUntil: string;
  readAloud: boolean;
  personal: PersonalValues;
};

type Errors = Record<string, string>;

// Needs first (1-2-3): the citizen's needs, then the services that fit (or a recipient picked
// directly, or an open request to a group), then the rest.
const STEPS = ["needs", "recipient", "wish", "consent", "review"] as const;
type StepIndex = 0 | 1 | 2 | 3 | 4;
const LAST_STEP: StepIndex = 4;

// The id of each field's control, so error summaries can move focus there.
const FIELD_IDS: Record<string, string> = {
  toUnitId: "handover-recipient",
  "toGroup.serviceKind": "handover-group-kind",
  "toGroup.areaId": "handover-group-area",
  "toGroup.radiusKm": "handover-group-radius",
  purpose: "handover-purpose",
  helpCategories: "handover-help",
  wish: "handover-wish",
  urgency: "handover-urgency",
  preferredChannel: "handover-channel",
  preferredContactTime: "handover-contact-time",
  languageNeeds: "handover-language",
  proposedMeetingAt: "handover-meeting-at",
  proposedMeetingPlace: "handover-meeting-place",
  shareMode: "handover-share",
  "consent.fields": "handover-consent-fields",
  "consent.purpose": "handover-consent-purpose",
  "consent.method": "handover-consent-method",
  "consent.validUntil": "handover-consent-until",
  readAloud: "handover-read-aloud",
  "personalData.firstName": "handover-first-name",
  "personalData.phone": "handover-phone",
  "personalData.email": "handover-email",
  "personalData.note": "handover-note",
};

/** The step where a server error about `field` is shown. */
function stepOfField(field: string): StepIndex {
  if (field === "helpCategories" || field === "wish") return 0;
  if (field === "toUnitId" || field === "fromUnitId" || field === "kind" || field === "send" || field.startsWith("toGroup")) return 1;
  if (field.startsWith("consent") || field.startsWith("personalData") || field === "readAloud" || field === "shareMode") return 3;
  return 2;
}

function emptyDraft(): Draft {
  return {
    targetGroups: [],
    areaId: "",
    recipientMode: "PROPOSED",
    group: { serviceKind: "", areaId: "", radiusKm: "15" },
    recipient: null,
    purpose: "",
    helpCategories: [],
    wish: "",
    urgency: "NORMAL",
    preferredChannel: "VIA_SENDER",
    preferredContactTime: "",
    languageNeeds: "",
    meetingAt: "",
    meetingPlace: "",
    shareMode: "ANONYMOUS",
    consentFields: [],
    consentPurpose: "",
    consentMethod: "",
    consentValidUntil: localDatePlusDays(30),
    readAloud: false,
    personal: { firstName: "", phone: "", email: "", note: "" },
  };
}

export function NewHandoverPage() {
  const t = useT();
  const [searchParams] = useSearchParams();
  const isWarmIntroduction = searchParams.get("type") === "WARM_INTRODUCTION";
  const title = t(isWarmIntroduction ? "handovers.new.warmTitle" : "handovers.new.title");
  useDocumentTitle(title);
  return (
    <RequireUnit title={title}>
      {(unit) => (
        <NewHandoverWizard
          unit={unit}
          title={title}
          requestedKind={isWarmIntroduction ? "WARM_INTRODUCTION" : null}
          preselectUnitId={searchParams.get("til")}
          referredFromHandoverId={searchParams.get("henvistFra")}
        />
      )}
    </RequireUnit>
  );
}

function NewHandoverWizard({
  unit,
  title,
  requestedKind,
  preselectUnitId,
  referredFromHandoverId,
}: {
  unit: ActiveUnit;
  title: string;
  requestedKind: HandoverKind | null;
  preselectUnitId: string | null;
  /** Referring on: the handover this unit received and now sends on (it completes as "referred on"). */
  referredFromHandoverId: string | null;
}) {
  const t = useT();
  const { language } = useLanguage();
  const { formatDate, formatDateTime } = useFormatters();
  const taxonomy = useTaxonomy();
  const [step, setStep] = useState<StepIndex>(0);
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [clientErrors, setClientErrors] = useState<Errors>({});
  const [serverErrors, setServerErrors] = useState<Errors>({});
  const [created, setCreated] = useState<CreatedHandover | null>(null);
  const create = useMutationResult(CreateHandoverMutation, "CreateHandoverSuccess");
  const [idempotencyKey, renewIdempotencyKey] = useIdempotencyKey();
  const stepHeading = useRef<HTMLHeadingElement>(null);

  const areas = useQuery(AreasQuery, {});
  // A warm introduction goes to one centre: chosen directly, never proposed or sent to a group.
  const recipientMode: RecipientMode = requestedKind || preselectUnitId ? "DIRECT" : draft.recipientMode;
  const isGroup = recipientMode === "GROUP";
  const kind: HandoverKind =
    requestedKind ?? (!isGroup && unit.kind === "CASEWORKER_TEAM" && draft.recipient?.isCentre ? "WARM_INTRODUCTION" : "BRIDGE");
  const groupAreaName = areas.data?.areas.find((area) => area.id === draft.group.areaId)?.name ?? "";
  const recipientName = isGroup
    ? t("handovers.group.name", { kind: draft.group.serviceKind ? t(`handovers.serviceKind.${draft.group.serviceKind}`) : "–", area: groupAreaName || "–" })
    : (draft.recipient?.name ?? t("handovers.new.theRecipient"));

  const update = useCallback(<Key extends keyof Draft>(key: Key, value: Draft[Key], errorKey: string = key) => {
    setDraft((previous) => ({ ...previous, [key]: value }));
    setServerErrors((previous) => {
      if (!(errorKey in previous)) return previous;
      const { [errorKey]: _removed, ...rest } = previous;
      return rest;
    });
  }, []);
  const updatePersonal = (key: keyof PersonalValues, value: string) => {
    setDraft((previous) => ({ ...previous, personal: { ...previous.personal, [key]: value } }));
    setServerErrors((previous) => {
      const { [`personalData.${key}`]: _removed, ...rest } = previous;
      return rest;
    });
  };
  const selectRecipient = useCallback((recipient: Recipient) => update("recipient", recipient, "toUnitId"), [update]);

  const errorOf = (field: string): string | undefined => clientErrors[field] ?? serverErrors[field];

  const goTo = (next: StepIndex) => {
    setStep(next);
    setClientErrors({});
    // Focus the step's heading so keyboard and screen-reader users start at the new step.
    requestAnimationFrame(() => stepHeading.current?.focus());
  };

  const validate = (index: StepIndex): Errors => {
    const errors: Errors = {};
    if (index === 0 && draft.helpCategories.length === 0) errors["helpCategories"] = t("handovers.new.error.helpCategories");
    if (index === 1 && isGroup) {
      if (!draft.group.serviceKind) errors["toGroup.serviceKind"] = t("handovers.group.error.kind");
      if (!draft.group.areaId) errors["toGroup.areaId"] = t("handovers.group.error.area");
    } else if (index === 1 && !draft.recipient) errors["toUnitId"] = t("handovers.new.error.recipient");
    if (index === 2) {
      if (!draft.purpose.trim()) errors["purpose"] = t("handovers.new.error.purpose");
      if (draft.meetingAt && !localDateTimeToIso(draft.meetingAt)) errors["proposedMeetingAt"] = t("handovers.new.error.meetingAt");
      else if (draft.meetingAt && new Date(localDateTimeToIso(draft.meetingAt)!) <= new Date()) errors["proposedMeetingAt"] = t("handovers.new.error.meetingPast");
    }
    if (index === 3 && draft.shareMode === "CONSENT" && !isGroup) {
      if (draft.consentFields.length === 0) errors["consent.fields"] = t("handovers.new.error.consentFields");
      if (!draft.consentPurpose.trim()) errors["consent.purpose"] = t("handovers.new.error.consentPurpose");
      if (!draft.consentMethod) errors["consent.method"] = t("handovers.new.error.consentMethod");
      const until = endOfLocalDayIso(draft.consentValidUntil);
      if (!until) errors["consent.validUntil"] = t("handovers.new.error.consentUntil");
      else if (new Date(until) <= new Date()) errors["consent.validUntil"] = t("handovers.new.error.consentUntilPast");
      for (const field of draft.consentFields) {
        const key = PERSONAL_DATA_INPUT[field];
        if (!draft.personal[key].trim()) errors[`personalData.${key}`] = t(`handovers.new.error.personal.${field}`);
      }
      if (draft.consentFields.length > 0 && !draft.readAloud) errors["readAloud"] = t("handovers.new.error.readAloud");
    }
    // The CPR guard stops the step itself, so a number never travels on to the review page.
    const freeText: Record<StepIndex, Record<string, string>> = {
      0: { wish: draft.wish },
      1: {},
      2: { purpose: draft.purpose, preferredContactTime: draft.preferredContactTime, languageNeeds: draft.languageNeeds, proposedMeetingPlace: draft.meetingPlace },
      3: { "consent.purpose": draft.consentPurpose, "personalData.firstName": draft.personal.firstName, "personalData.note": draft.personal.note },
      4: {},
    };
    for (const [field, text] of Object.entries(freeText[index])) {
      const refusal = cprMessage(text, language);
      if (refusal) errors[field] = refusal;
    }
    return errors;
  };

  const next = (event: FormEvent) => {
    event.preventDefault();
    const errors = validate(step);
    const pendingServer = Object.keys(serverErrors).filter((field) => stepOfField(field) === step);
    if (Object.keys(errors).length > 0) {
      setClientErrors(errors);
      return;
    }
    if (pendingServer.length > 0) {
      // The server's objection stands until the field is changed.
      setClientErrors(Object.fromEntries(pendingServer.map((field) => [field, serverErrors[field]!])));
      return;
    }
    goTo((step + 1) as StepIndex);
  };

  const submit = async (send: boolean) => {
    for (const index of [0, 1, 2, 3] as const) {
      const errors = validate(index);
      if (Object.keys(errors).length > 0) {
        setStep(index);
        setClientErrors(errors);
        return;
      }
    }
    const withConsent = !isGroup && draft.shareMode === "CONSENT" && draft.consentFields.length > 0;
    const personalData = withConsent
      ? Object.fromEntries(
          CONSENT_FIELDS.map((field) => {
            const key = PERSONAL_DATA_INPUT[field];
            return [key, draft.consentFields.includes(field) ? draft.personal[key].trim() || null : null];
          }),
        )
      : null;
    const outcome = await create.run({
      input: {
        fromUnitId: unit.id,
        toUnitId: isGroup ? null : draft.recipient!.unitId,
        toGroup: isGroup
          ? { serviceKind: draft.group.serviceKind as ServiceKind, areaId: draft.group.areaId, radiusKm: Number(draft.group.radiusKm) || 15 }
          : null,
        kind,
        purpose: draft.purpose,
        helpCategories: draft.helpCategories,
        wish: draft.wish || null,
        urgency: draft.urgency,
        preferredChannel: draft.preferredChannel,
        preferredContactTime: draft.preferredContactTime || null,
        languageNeeds: draft.languageNeeds || null,
        proposedMeetingAt: draft.meetingAt ? localDateTimeToIso(draft.meetingAt) : null,
        proposedMeetingPlace: draft.meetingPlace || null,
        consent: withConsent
          ? {
              fields: draft.consentFields,
              purpose: draft.consentPurpose,
              method: draft.consentMethod as ConsentMethod,
              validUntil: endOfLocalDayIso(draft.consentValidUntil)!,
            }
          : null,
        personalData,
        send,
        idempotencyKey,
        referredFromHandoverId,
      },
    });
    if (outcome.ok) {
      renewIdempotencyKey();
      setCreated(outcome.value.data);
      requestAnimationFrame(() => document.querySelector<HTMLElement>("#main h1")?.focus());
      return;
    }
    const fieldErrors: Errors = { ...outcome.error.fieldErrors };
    if (outcome.error.code === "CONSENT_MISSING") fieldErrors["consent.fields"] ??= outcome.error.message;
    const fields = Object.keys(fieldErrors);
    setServerErrors(fieldErrors);
    if (fields.length > 0) {
      const firstStep = Math.min(...fields.map(stepOfField)) as StepIndex;
      setStep(firstStep);
      setClientErrors(Object.fromEntries(fields.filter((field) => stepOfField(field) === firstStep).map((field) => [field, fieldErrors[field]!])));
    }
  };

  const readBack = useMemo(
    () =>
      consentReadBack(t, language, {
        recipient: recipientName,
        fields: draft.consentFields,
        purpose: draft.consentPurpose,
        validUntil: /^\d{4}-\d{2}-\d{2}$/.test(draft.consentValidUntil) ? draft.consentValidUntil : null,
      }),
    [t, language, recipientName, draft.consentFields, draft.consentPurpose, draft.consentValidUntil],
  );

  if (created) return <HandoverCreated handover={created} onNew={() => { setCreated(null); setDraft(emptyDraft()); setStep(0); create.reset(); }} />;

  const stepNames = STEPS.map((name) => t(`handovers.new.step.${name}`));
  const summaryItems: ErrorSummaryItem[] = Object.entries(clientErrors).map(([field, message]) => ({ message, fieldId: FIELD_IDS[field] }));

  return (
    <>
      <PageHeading lead={t(kind === "WARM_INTRODUCTION" ? "handovers.new.warmLead" : "handovers.new.lead", { unit: unit.name })}>{title}</PageHeading>
      <nav aria-label={t("handovers.new.stepsLabel")}>
        <ol className="wizard-steps">
          {stepNames.map((name, index) => (
            <li key={name} className="wizard-steps__item" aria-current={index === step ? "step" : undefined} data-done={index < step || undefined}>
              <span className="wizard-steps__number" aria-hidden="true">
                {index + 1}
              </span>
              <span>
                {name}
                {index < step && <span className="visually-hidden"> {t("handovers.new.stepDone")}</span>}
              </span>
            </li>
          ))}
        </ol>
      </nav>
      <form className="wizard-step" onSubmit={next} noValidate>
        <h2 ref={stepHeading} tabIndex={-1}>
          {t("handovers.new.stepHeading", { number: step + 1, count: STEPS.length, name: stepNames[step]! })}
        </h2>
        <ErrorSummary title={t("errors.summaryTitle")} errors={summaryItems} />
        {create.error && Object.keys(create.error.fieldErrors).length === 0 && (
          <Alert tone="error" title={t("handovers.new.sendFailed")}>
            <p>{create.error.message}</p>
          </Alert>
        )}

        {step === 0 && (
          <>
            <p>{t("handovers.needs.lead")}</p>
            <CheckboxGroup
              id={FIELD_IDS["helpCategories"]}
              legend={t("handovers.field.helpCategories")}
              hint={t("handovers.field.helpCategoriesHint")}
              name="helpCategories"
              value={draft.helpCategories}
              onChange={(values) => update("helpCategories", values as HelpCategory[])}
              options={HELP_CATEGORIES.map((category) => ({ value: category, label: t(`handovers.help.${category}`) }))}
              error={errorOf("helpCategories")}
              className="choice-group--columns"
            />
            <TextArea
              id={FIELD_IDS["wish"]}
              label={t("handovers.field.wish")}
              hint={t("handovers.field.wishHint")}
              optional
              rows={3}
              value={draft.wish}
              onChange={(event) => update("wish", event.target.value)}
              error={errorOf("wish")}
              maxLength={1000}
            />
            <CheckboxGroup
              id="handover-target-groups"
              legend={t("handovers.needs.targetGroups")}
              hint={t("handovers.needs.targetGroupsHint")}
              optional
              name="targetGroups"
              value={draft.targetGroups}
              onChange={(values) => update("targetGroups", values as TargetGroup[])}
              options={taxonomy.options("TARGET_GROUP", draft.targetGroups)}
              className="choice-group--columns"
            />
            <SelectField
              id="handover-area"
              label={t("handovers.needs.area")}
              hint={t("handovers.needs.areaHint")}
              optional
              value={draft.areaId}
              onChange={(event) => update("areaId", event.target.value)}
              options={[{ value: "", label: t("handovers.needs.noArea") }, ...(areas.data?.areas ?? []).map((area) => ({ value: area.id, label: area.name }))]}
            />
          </>
        )}

        {step === 1 && !requestedKind && !preselectUnitId && (
          <RadioGroup
            id="handover-recipient-mode"
            legend={t("handovers.recipient.mode")}
            name="recipientMode"
            value={recipientMode}
            onChange={(value) => update("recipientMode", value as RecipientMode)}
            options={(["PROPOSED", "DIRECT", "GROUP"] as const).map((mode) => ({
              value: mode,
              label: t(`handovers.recipient.mode.${mode}`),
              hint: t(`handovers.recipient.mode.${mode}Hint`),
            }))}
          />
        )}
        {step === 1 && recipientMode === "PROPOSED" && (
          <ProposedServices
            needs={{ helpCategories: draft.helpCategories, targetGroups: draft.targetGroups, areaId: draft.areaId }}
            fromUnitId={unit.id}
            selected={draft.recipient}
            onSelect={selectRecipient}
            error={errorOf("toUnitId")}
          />
        )}
        {step === 1 && recipientMode === "DIRECT" && (
          <RecipientStep
            kind={requestedKind}
            ownUnitId={unit.id}
            selected={draft.recipient}
            preselectUnitId={preselectUnitId}
            onSelect={selectRecipient}
            error={errorOf("toUnitId")}
          />
        )}
        {step === 1 && isGroup && (
          <GroupRequestFields
            values={draft.group}
            areas={areas.data?.areas ?? []}
            onChange={(group, field) => update("group", group, `toGroup.${field}`)}
            errorOf={errorOf}
          />
        )}

        {step === 2 && (
          <>
            <TextField
              id={FIELD_IDS["purpose"]}
              label={t("handovers.field.purpose")}
              hint={t("handovers.field.purposeHint", { recipient: recipientName })}
              value={draft.purpose}
              onChange={(event) => update("purpose", event.target.value)}
              error={errorOf("purpose")}
              maxLength={500}
            />
            <RadioGroup
              id={FIELD_IDS["urgency"]}
              legend={t("handovers.field.urgency")}
              name="urgency"
              inline
              value={draft.urgency}
              onChange={(value) => update("urgency", value as Urgency)}
              options={URGENCIES.map((urgency) => ({ value: urgency, label: t(`handovers.urgency.${urgency}`) }))}
            />
            <RadioGroup
              id={FIELD_IDS["preferredChannel"]}
              legend={t("handovers.field.channel")}
              hint={t("handovers.field.channelHint")}
              name="preferredChannel"
              value={draft.preferredChannel}
              onChange={(value) => update("preferredChannel", value as ContactChannel)}
              options={CONTACT_CHANNELS.map((channel) => ({ value: channel, label: t(`handovers.channel.${channel}`) }))}
            />
            <TextField
              id={FIELD_IDS["preferredContactTime"]}
              label={t("handovers.field.contactTime")}
              hint={t("handovers.field.contactTimeHint")}
              optional
              value={draft.preferredContactTime}
              onChange={(event) => update("preferredContactTime", event.target.value)}
              error={errorOf("preferredContactTime")}
              maxLength={200}
            />
            <TextField
              id={FIELD_IDS["languageNeeds"]}
              label={t("handovers.field.language")}
              hint={t("handovers.field.languageHint")}
              optional
              value={draft.languageNeeds}
              onChange={(event) => update("languageNeeds", event.target.value)}
              error={errorOf("languageNeeds")}
              maxLength={200}
            />
            <fieldset className="field meeting-fieldset">
              <legend className="field__label">
                {t("handovers.field.meeting")} <span className="field__optional">{t("common.optional")}</span>
              </legend>
              <p className="field__hint">{t("handovers.field.meetingHint")}</p>
              <TextField
                id={FIELD_IDS["proposedMeetingAt"]}
                label={t("handovers.field.meetingAt")}
                type="datetime-local"
                min={localNowForInput()}
                value={draft.meetingAt}
                onChange={(event) => update("meetingAt", event.target.value, "proposedMeetingAt")}
                error={errorOf("proposedMeetingAt")}
              />
              <TextField
                id={FIELD_IDS["proposedMeetingPlace"]}
                label={t("handovers.field.meetingPlace")}
                value={draft.meetingPlace}
                onChange={(event) => update("meetingPlace", event.target.value, "proposedMeetingPlace")}
                error={errorOf("proposedMeetingPlace")}
                maxLength={200}
              />
            </fieldset>
          </>
        )}

        {step === 3 && isGroup && (
          <Alert title={t("handovers.consent.question", { recipient: recipientName })}>
            <p>{t("handovers.group.consent")}</p>
          </Alert>
        )}

        {step === 3 && !isGroup && (
          <>
            <RadioGroup
              id={FIELD_IDS["shareMode"]}
              legend={t("handovers.consent.question", { recipient: recipientName })}
              name="shareMode"
              value={draft.shareMode}
              onChange={(value) => update("shareMode", value as ShareMode)}
              options={[
                { value: "ANONYMOUS", label: t("handovers.consent.anonymous"), hint: t("handovers.consent.anonymousHint") },
                { value: "CONSENT", label: t("handovers.consent.withConsent"), hint: t("handovers.consent.withConsentHint") },
              ]}
            />
            {draft.shareMode === "CONSENT" && (
              <>
                <CheckboxGroup
                  id={FIELD_IDS["consent.fields"]}
                  legend={t("handovers.consent.fields", { recipient: recipientName })}
                  hint={t("handovers.consent.fieldsHint")}
                  name="consentFields"
                  value={draft.consentFields}
                  onChange={(values) => update("consentFields", CONSENT_FIELDS.filter((field) => values.includes(field)), "consent.fields")}
                  options={CONSENT_FIELDS.map((field) => ({ value: field, label: t(`handovers.consentField.${field}`) }))}
                  error={errorOf("consent.fields")}
                />
                <TextField
                  id={FIELD_IDS["consent.purpose"]}
                  label={t("handovers.consent.purpose")}
                  hint={t("handovers.consent.purposeHint")}
                  value={draft.consentPurpose}
                  onChange={(event) => update("consentPurpose", event.target.value, "consent.purpose")}
                  error={errorOf("consent.purpose")}
                  maxLength={300}
                />
                <RadioGroup
                  id={FIELD_IDS["consent.method"]}
                  legend={t("handovers.consent.method")}
                  name="consentMethod"
                  value={draft.consentMethod || null}
                  onChange={(value) => update("consentMethod", value as ConsentMethod, "consent.method")}
                  options={CONSENT_METHODS.map((method) => ({ value: method, label: t(`handovers.consentMethod.${method}`) }))}
                  error={errorOf("consent.method")}
                />
                <TextField
                  id={FIELD_IDS["consent.validUntil"]}
                  label={t("handovers.consent.validUntil")}
                  hint={t("handovers.consent.validUntilHint")}
                  type="date"
                  min={localDatePlusDays(0)}
                  value={draft.consentValidUntil}
                  onChange={(event) => update("consentValidUntil", event.target.value, "consent.validUntil")}
                  error={errorOf("consent.validUntil")}
                  className="field--narrow"
                />
                {draft.consentFields.length > 0 && (
                  <>
                    <section className="read-back" aria-labelledby="read-back-title">
                      <h3 id="read-back-title" className="read-back__title">
                        {t("handovers.readBack.title")}
                      </h3>
                      <p className="read-back__text" lang="da">
                        {readBack}
                      </p>
                    </section>
                    <CheckboxGroup
                      id={FIELD_IDS["readAloud"]}
                      legend={t("handovers.readBack.confirmLegend")}
                      name="readAloud"
                      value={draft.readAloud ? ["yes"] : []}
                      onChange={(values) => update("readAloud", values.includes("yes"))}
                      options={[{ value: "yes", label: t("handovers.readBack.confirm") }]}
                      error={errorOf("readAloud")}
                    />
                    <h3>{t("handovers.consent.personalTitle")}</h3>
                    <p>{t("handovers.consent.personalLead")}</p>
                    {draft.consentFields.includes("FIRST_NAME") && (
                      <TextField
                        id={FIELD_IDS["personalData.firstName"]}
                        label={t("handovers.personalField.FIRST_NAME")}
                        value={draft.personal.firstName}
                        onChange={(event) => updatePersonal("firstName", event.target.value)}
                        error={errorOf("personalData.firstName")}
                        autoComplete="off"
                        maxLength={60}
                        className="field--narrow"
                      />
                    )}
                    {draft.consentFields.includes("PHONE") && (
                      <TextField
                        id={FIELD_IDS["personalData.phone"]}
                        label={t("handovers.personalField.PHONE")}
                        type="tel"
                        value={draft.personal.phone}
                        onChange={(event) => updatePersonal("phone", event.target.value)}
                        error={errorOf("personalData.phone")}
                        autoComplete="off"
                        maxLength={30}
                        className="field--narrow"
                      />
                    )}
                    {draft.consentFields.includes("EMAIL") && (
                      <TextField
                        id={FIELD_IDS["personalData.email"]}
                        label={t("handovers.personalField.EMAIL")}
                        type="email"
                        value={draft.personal.email}
                        onChange={(event) => updatePersonal("email", event.target.value)}
                        error={errorOf("personalData.email")}
                        autoComplete="off"
                        maxLength={200}
                      />
                    )}
                    {draft.consentFields.includes("NOTE") && (
                      <TextArea
                        id={FIELD_IDS["personalData.note"]}
                        label={t("handovers.personalField.NOTE")}
                        hint={t("handovers.consent.noteHint")}
                        rows={3}
                        value={draft.personal.note}
                        onChange={(event) => updatePersonal("note", event.target.value)}
                        error={errorOf("personalData.note")}
                        maxLength={1000}
                      />
                    )}
                  </>
                )}
              </>
            )}
          </>
        )}

        {step === 4 && (
          <Review
            draft={draft}
            kind={kind}
            recipient={isGroup ? recipientName : draft.recipient ? `${draft.recipient.name} (${draft.recipient.description})` : "–"}
            isGroup={isGroup}
            readBack={draft.shareMode === "CONSENT" && !isGroup ? readBack : null}
            onEdit={goTo}
            formatDate={formatDate}
            formatDateTime={formatDateTime}
            listJoin={(items) => joinList(items, language)}
          />
        )}

        <div className="wizard-buttons cluster">
          {step > 0 && (
            <Button variant="secondary" onClick={() => goTo((step - 1) as StepIndex)}>
              {t("handovers.new.back")}
            </Button>
          )}
          {step < LAST_STEP ? (
            <Button type="submit">{t("handovers.new.next")}</Button>
          ) : (
            <>
              <Button busy={create.running} onClick={() => void submit(true)}>
                {t("handovers.new.send")}
              </Button>
              {/* An open request goes out at once: there is no draft of it. */}
              {!isGroup && (
                <Button variant="secondary" busy={create.running} onClick={() => void submit(false)}>
                  {t("handovers.new.saveDraft")}
                </Button>
              )}
            </>
          )}
        </div>
      </form>
    </>
  );
}

function Review({
  draft,
  kind,
  recipient,
  isGroup,
  readBack,
  onEdit,
  formatDate,
  formatDateTime,
  listJoin,
}: {
  draft: Draft;
  kind: HandoverKind;
  /** The recipient in words: the unit with its description, or the open request's group. */
  recipient: string;
  isGroup: boolean;
  readBack: string | null;
  onEdit: (step: StepIndex) => void;
  formatDate: (value: string) => string;
  formatDateTime: (value: string) => string;
  listJoin: (items: string[]) => string;
}) {
  const t = useT();
  const meetingIso = draft.meetingAt ? localDateTimeToIso(draft.meetingAt) : null;
  const row = (label: string, value: ReactNode) => (
    <div className="summary-list__row" key={label}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  const editButton = (step: StepIndex, what: string) => (
    <Button variant="quiet" onClick={() => onEdit(step)}>
      {t("handovers.review.edit")}
      <span className="visually-hidden"> {what}</span>
    </Button>
  );
  const section = (step: StepIndex, id: string, name: string, content: ReactNode) => (
    <section className="review-section" aria-labelledby={id}>
      <div className="review-section__header">
        <h3 id={id}>{name}</h3>
        {editButton(step, name)}
      </div>
      {content}
    </section>
  );
  const withConsent = !isGroup && draft.shareMode === "CONSENT" && draft.consentFields.length > 0;
  return (
    <>
      <p>{t("handovers.review.lead")}</p>
      {section(0, "review-needs", t("handovers.new.step.needs"), (
        <dl className="summary-list">
          {row(t("handovers.field.helpCategories"), listJoin(draft.helpCategories.map((category) => t(`handovers.help.${category}`))))}
          {draft.wish && row(t("handovers.field.wish"), draft.wish)}
        </dl>
      ))}
      {section(1, "review-recipient", t("handovers.new.step.recipient"), (
        <dl className="summary-list">
          {row(t("handovers.review.recipient"), recipient)}
          {row(t("handovers.review.kind"), t(`handovers.kind.${kind}`))}
        </dl>
      ))}
      {section(2, "review-wish", t("handovers.new.step.wish"), (
        <dl className="summary-list">
          {row(t("handovers.field.purpose"), draft.purpose)}
          {row(t("handovers.field.urgency"), t(`handovers.urgency.${draft.urgency}`))}
          {row(t("handovers.field.channel"), t(`handovers.channel.${draft.preferredChannel}`))}
          {draft.preferredContactTime && row(t("handovers.field.contactTime"), draft.preferredContactTime)}
          {draft.languageNeeds && row(t("handovers.field.language"), draft.languageNeeds)}
          {(meetingIso || draft.meetingPlace) &&
            row(t("handovers.field.meeting"), [meetingIso ? formatDateTime(meetingIso) : null, draft.meetingPlace || null].filter(Boolean).join(", "))}
        </dl>
      ))}
      {section(
        3,
        "review-consent",
        t("handovers.new.step.consent"),
        withConsent ? (
          <dl className="summary-list">
            {row(t("handovers.review.shared"), listJoin(draft.consentFields.map((field) => t(`handovers.consentField.${field}`))))}
            {row(t("handovers.consent.purpose"), draft.consentPurpose)}
            {row(t("handovers.consent.method"), draft.consentMethod ? t(`handovers.consentMethod.${draft.consentMethod}`) : "–")}
            {row(t("handovers.consent.validUntil"), formatDate(draft.consentValidUntil))}
            {readBack && row(t("handovers.readBack.title"), readBack)}
          </dl>
        ) : (
          <p>{t("handovers.review.anonymous")}</p>
        ),
      )}
    </>
  );
}
