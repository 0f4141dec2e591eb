// A service's own weekly hours (issue 19): when its office, phone or drop-in is open. Saving
// replaces all rows; the directory shows them and searches by them.
import { useState, type FormEvent } from "react";
import { useMutationResult } from "../../graphql.ts";
import { useT } from "../../i18n/i18n.tsx";
import { parseTime, timeInputValue } from "../../i18n/zoned-time.ts";
import { Alert } from "../../ui/Alert.tsx";
import { Button } from "../../ui/Button.tsx";
import { Card } from "../../ui/Card.tsx";
import { SelectField } from "../../ui/SelectField.tsx";
import { TextField } from "../../ui/TextField.tsx";
import { weekdayName } from "../directory/labels.ts";
import { SavedNote } from "./AdminPage.tsx";
import { SetServiceOpeningPeriodsMutation } from "./documents.ts";

type Period = { weekday: number; startMinute: number; endMinute: number; note?: string | null };
type Row = { key: number; weekday: string; start: string; end: string; note: string };

let nextKey = 0;
const rowOf = (period?: Period): Row => ({
  key: nextKey++,
  weekday: String(period?.weekday ?? 1),
  start: period ? timeInputValue(period.startMinute) : "",
  end: period ? timeInputValue(period.endMinute) : "",
  note: period?.note ?? "",
});

export function ServiceHoursEditor({ serviceId, periods }: { serviceId: string; periods: readonly Period[] }) {
  const t = useT();
  const save = useMutationResult(SetServiceOpeningPeriodsMutation, "SetServiceOpeningPeriodsSuccess");
  const [rows, setRows] = useState<Row[]>(() => periods.map(rowOf));
  const [missing, setMissing] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const update = (key: number, changes: Partial<Row>) => setRows((current) => current.map((row) => (row.key === key ? { ...row, ...changes } : row)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const errors: Record<string, string> = {};
    const values = rows.map((row, index) => {
      const startMinute = parseTime(row.start);
      const endMinute = parseTime(row.end);
      if (startMinute === null) errors[`periods.${index}.startMinute`] = t("adminProfile.hours.timeMissing");
      if (endMinute === null) errors[`periods.${index}.endMinute`] = t("adminProfile.hours.timeMissing");
      return { weekday: Number(row.weekday), startMinute: startMinute ?? 0, endMinute: endMinute ?? 0, note: row.note.trim() || null };
    });
    setMissing(errors);
    if (Object.keys(errors).length > 0) return;
    if ((await save.run({ input: { serviceId, periods: values } })).ok) setSaved(true);
  };
  const errorFor = (field: string) => missing[field] ?? save.fieldError(field);

  return (
    <Card title={t("adminProfile.serviceHours.title")}>
      <p>{t("adminProfile.serviceHours.intro")}</p>
      <SavedNote show={saved}>{t("adminProfile.serviceHours.saved")}</SavedNote>
      <form noValidate onSubmit={(event) => void submit(event)} className="stack admin-form">
        {save.error && Object.keys(save.error.fieldErrors).length === 0 && <Alert tone="error">{save.error.message}</Alert>}
        {rows.length === 0 && <p>{t("adminProfile.serviceHours.empty")}</p>}
        <ol className="plain-list stack">
          {rows.map((row, index) => (
            <li key={row.key}>
              <fieldset className="admin-row">
                <legend className="visually-hidden">{t("adminProfile.hours.periodNumber", { number: index + 1 })}</legend>
                <SelectField
                  id={`service-period-${index}-weekday`}
                  label={t("adminProfile.hours.weekday")}
                  value={row.weekday}
                  onChange={(event) => update(row.key, { weekday: event.target.value })}
                  options={[1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ value: String(weekday), label: weekdayName(t, weekday) }))}
                  error={errorFor(`periods.${index}.weekday`)}
                />
                <TextField id={`service-period-${index}-start`} type="time" className="admin-row__short" label={t("adminProfile.hours.from")} value={row.start} onChange={(event) => update(row.key, { start: event.target.value })} error={errorFor(`periods.${index}.startMinute`)} />
                <TextField id={`service-period-${index}-end`} type="time" className="admin-row__short" label={t("adminProfile.hours.to")} value={row.end} onChange={(event) => update(row.key, { end: event.target.value })} error={errorFor(`periods.${index}.endMinute`)} />
                <TextField id={`service-period-${index}-note`} optional label={t("adminProfile.serviceHours.note")} hint={t("adminProfile.serviceHours.noteHint")} value={row.note} onChange={(event) => update(row.key, { note: event.target.value })} error={errorFor(`periods.${index}.note`)} />
                <Button variant="quiet" onClick={() => setRows((current) => current.filter((candidate) => candidate.key !== row.key))}>
                  {t("adminProfile.hours.remove")}
                  <span className="visually-hidden"> {t("adminProfile.hours.periodNumber", { number: index + 1 })}</span>
                </Button>
              </fieldset>
            </li>
          ))}
        </ol>
        <div className="cluster">
          <Button variant="secondary" onClick={() => setRows((current) => [...current, rowOf()])}>
            {t("adminProfile.hours.add")}
          </Button>
          <Button type="submit" busy={save.running}>
            {t("adminProfile.serviceHours.save")}
          </Button>
        </div>
      </form>
    </Card>
  );
}
