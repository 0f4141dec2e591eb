// The parts of an initiative both its form and the "accept an idea" form ask for: its kind, the
// owner organisation and the action plan's three weights (quick effect, maturity, resource draw).
import { useT } from "../../i18n/i18n.tsx";
import { RadioGroup } from "../../ui/ChoiceGroup.tsx";
import { SelectField } from "../../ui/SelectField.tsx";
// why: the same boxed fieldsets and rows as the administration forms.
import "../admin-profile/admin-profile.css";

export type Weight = 1 | 2 | 3;
export type InitiativeKind = "CITIZEN_FACING" | "COLLABORATION";
export interface Classification {
  kind: InitiativeKind;
  ownerOrganisationId: string;
  quickEffect: Weight;
  maturity: Weight;
  resourceDraw: Weight;
}

const WEIGHTS: readonly Weight[] = [1, 2, 3];
const WEIGHT_FIELDS = ["quickEffect", "maturity", "resourceDraw"] as const;

/** 1, 2 or 3; anything else reads as the middle. */
export const asWeight = (value: number): Weight => (value === 1 || value === 3 ? value : 2);

export function InitiativeClassification({
  idPrefix,
  values,
  organisations,
  onChange,
  error,
}: {
  idPrefix: string;
  values: Classification;
  organisations: readonly { id: string; name: string }[];
  onChange: (change: Partial<Classification>) => void;
  /** The error of an input field, by its name relative to the initiative ("quickEffect"). */
  error: (field: string) => string | undefined;
}) {
  const t = useT();
  return (
    <>
      <RadioGroup
        id={`${idPrefix}-kind`}
        name={`${idPrefix}-kind`}
        legend={t("steering.form.kind")}
        options={(["CITIZEN_FACING", "COLLABORATION"] as const).map((value) => ({ value, label: t(`steering.kind.${value}`) }))}
        value={values.kind}
        onChange={(value) => onChange({ kind: value === "COLLABORATION" ? "COLLABORATION" : "CITIZEN_FACING" })}
        error={error("kind") ?? null}
      />
      <SelectField
        id={`${idPrefix}-ownerOrganisationId`}
        label={t("steering.form.owner")}
        options={organisations.map((organisation) => ({ value: organisation.id, label: organisation.name }))}
        value={values.ownerOrganisationId}
        onChange={(event) => onChange({ ownerOrganisationId: event.target.value })}
        error={error("ownerOrganisationId")}
      />
      <fieldset className="admin-fieldset stack">
        <legend>{t("steering.form.weights")}</legend>
        {WEIGHT_FIELDS.map((field) => (
          <RadioGroup
            key={field}
            id={`${idPrefix}-${field}`}
            name={`${idPrefix}-${field}`}
            inline
            legend={t(`steering.catalogue.${field}`)}
            options={WEIGHTS.map((weight) => ({ value: String(weight), label: t(`steering.weight.${weight}`) }))}
            value={String(values[field])}
            onChange={(next) => onChange({ [field]: asWeight(Number(next)) })}
            error={error(field) ?? null}
          />
        ))}
      </fieldset>
    </>
  );
}
