// The citizen's age as a search criterion (centres and services alike): whole years; an entry
// whose age limits do not admit it is left out.
import { useT } from "../../i18n/i18n.tsx";
import { TextField } from "../../ui/TextField.tsx";

export function AgeFilterField({ id, value, onChange, error }: { id: string; value: string; onChange: (value: string) => void; error?: string | undefined }) {
  const t = useT();
  return (
    <TextField
      id={id}
      label={t("directory.search.age")}
      hint={t("directory.search.ageHint")}
      name="age"
      inputMode="numeric"
      optional
      value={value}
      onChange={(event) => onChange(event.target.value)}
      error={error}
    />
  );
}
