// An open request to a group: "any housing-support team in this area". Every service of the kind
// near the area is told; the first to take it becomes the recipient.
import { useT } from "../../i18n/i18n.tsx";
import { SelectField } from "../../ui/SelectField.tsx";
import { TextField } from "../../ui/TextField.tsx";
import { SERVICE_KINDS, type ServiceKind } from "./labels.ts";

export type GroupValues = { serviceKind: ServiceKind | ""; areaId: string; radiusKm: string };
type GroupField = keyof GroupValues;

export function GroupRequestFields({
  values,
  areas,
  onChange,
  errorOf,
}: {
  values: GroupValues;
  areas: readonly { id: string; name: string }[];
  onChange: (values: GroupValues, field: GroupField) => void;
  errorOf: (field: string) => string | undefined;
}) {
  const t = useT();
  const set = (field: GroupField, value: string) => onChange({ ...values, [field]: value }, field);
  return (
    <>
      <SelectField
        id="handover-group-kind"
        label={t("handovers.group.kind")}
        placeholder={t("handovers.group.chooseKind")}
        value={values.serviceKind}
        onChange={(event) => set("serviceKind", event.target.value)}
        options={SERVICE_KINDS.map((kind) => ({ value: kind, label: t(`handovers.serviceKind.${kind}`) }))}
        error={errorOf("toGroup.serviceKind")}
      />
      <SelectField
        id="handover-group-area"
        label={t("handovers.group.area")}
        placeholder={t("handovers.group.chooseArea")}
        value={values.areaId}
        onChange={(event) => set("areaId", event.target.value)}
        options={areas.map((area) => ({ value: area.id, label: area.name }))}
        error={errorOf("toGroup.areaId")}
      />
      <TextField
        id="handover-group-radius"
        label={t("handovers.group.radius")}
        hint={t("handovers.group.radiusHint")}
        type="number"
        inputMode="numeric"
        min={1}
        max={200}
        value={values.radiusKm}
        onChange={(event) => set("radiusKm", event.target.value)}
        error={errorOf("toGroup.radiusKm")}
        className="field--narrow"
      />
    </>
  );
}
