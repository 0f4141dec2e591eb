// Optional age limits of a centre or service: the directory's age filter admits a citizen whose
// age lies within them. Empty means no limit on that side.
import { useT, type Translate } from "../../i18n/i18n.tsx";
import { TextField } from "../../ui/TextField.tsx";

export type AgeLimitValues = { minAge: string; maxAge: string };

export const ageLimitValues = (entry: { minAge?: number | null; maxAge?: number | null }): AgeLimitValues => ({
  minAge: entry.minAge == null ? "" : String(entry.minAge),
  maxAge: entry.maxAge == null ? "" : String(entry.maxAge),
});

/** The limits as the API takes them: a whole number of years, or null for "no limit". */
export const ageLimitInput = (values: AgeLimitValues) => ({
  minAge: values.minAge.trim() === "" ? null : Number(values.minAge),
  maxAge: values.maxAge.trim() === "" ? null : Number(values.maxAge),
});

/** Local checks before saving: whole years 0–120, the lower not above the upper. */
export function ageLimitProblems(values: AgeLimitValues, t: Translate): Partial<Record<"minAge" | "maxAge", string>> {
  const problems: Partial<Record<"minAge" | "maxAge", string>> = {};
  const valid = (text: string) => text.trim() === "" || (/^\d{1,3}$/.test(text.trim()) && Number(text) <= 120);
  if (!valid(values.minAge)) problems.minAge = t("adminProfile.ages.invalid");
  if (!valid(values.maxAge)) problems.maxAge = t("adminProfile.ages.invalid");
  const { minAge, maxAge } = ageLimitInput(values);
  if (!problems.minAge && !problems.maxAge && minAge !== null && maxAge !== null && minAge > maxAge) problems.maxAge = t("adminProfile.ages.order");
  return problems;
}

export function AgeLimitsFields({
  idPrefix,
  values,
  onChange,
  errorFor,
}: {
  idPrefix: string;
  values: AgeLimitValues;
  onChange: (values: AgeLimitValues) => void;
  errorFor: (field: "minAge" | "maxAge") => string | null | undefined;
}) {
  const t = useT();
  return (
    <fieldset className="admin-fieldset">
      <legend>{t("adminProfile.ages.legend")}</legend>
      <p className="field__hint">{t("adminProfile.ages.hint")}</p>
      <div className="admin-row">
        {(["minAge", "maxAge"] as const).map((field) => (
          <TextField
            key={field}
            id={`${idPrefix}-${field}`}
            className="admin-row__short"
            inputMode="numeric"
            optional
            label={t(field === "minAge" ? "adminProfile.ages.min" : "adminProfile.ages.max")}
            value={values[field]}
            onChange={(event) => onChange({ ...values, [field]: event.target.value })}
            error={errorFor(field)}
          />
        ))}
      </div>
    </fieldset>
  );
}
