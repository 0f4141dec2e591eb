// The weekly opening hours as an editable table. Saving replaces all periods at once
// (setOpeningPeriods); the server's issues ("periods.2.endMinute") are shown at that row and field.
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { useMutationResult } from "../../graphql.ts";
import { useT } from "../../i18n/i18n.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { Button } from "../../ui/Button.tsx";
import { Card } from "../../ui/Card.tsx";
import { EmptyState } from "../../ui/EmptyState.tsx";
import { ErrorSummary } from "../../ui/ErrorSummary.tsx";
import { weekdayName } from "../directory/labels.ts";
import { SavedNote } from "./AdminPage.tsx";
import { SetOpeningPeriodsMutation } from "./documents.ts";
import { parseTime, timeInputValue } from "../../i18n/zoned-time.ts";
import { WEEKDAYS } from "./time.ts";

type Staffing = "STAFFED" | "VOLUNTEERS";
type Period = { weekday: number; startMinute: number; endMinute: number; isOvernight: boolean; staffing: Staffing; note?: string | null };
type Row = { key: number; weekday: string; start: string; end: string; overnight: boolean; staffing: Staffing; note: string | null };
type FieldName = "weekday" | "startMinute" | "endMinute" | "isOvernight" | "staffing";

let nextKey = 1;

function toRows(periods: readonly Period[]): Row[] {
  return [...periods]
    .sort((a, b) => a.weekday - b.weekday || a.startMinute - b.startMinute)
    .map((period) => ({
      key: nextKey++,
      weekday: String(period.weekday),
      start: timeInputValue(period.startMinute),
      end: timeInputValue(period.endMinute),
      overnight: period.isOvernight,
      staffing: period.staffing,
      note: period.note ?? null,
    }));
}

const controlId = (index: number, field: FieldName) => `hours-${index}-${field}`;

export function OpeningHoursEditor({ centreId, periods }: { centreId: string; periods: readonly Period[] }) {
  const t = useT();
  const save = useMutationResult(SetOpeningPeriodsMutation, "SetOpeningPeriodsSuccess");
  const [rows, setRows] = useState<Row[]>(() => toRows(periods));
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const [focusRow, setFocusRow] = useState<number | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (focusRow === null) return;
    document.getElementById(controlId(focusRow, "weekday"))?.focus();
    setFocusRow(null);
  }, [focusRow]);

  const errorFor = (index: number, field: FieldName) => localErrors[`periods.${index}.${field}`] ?? save.fieldError(`periods.${index}.${field}`);

  const update = (key: number, change: Partial<Row>) => {
    setSaved(false);
    setRows((previous) => previous.map((row) => (row.key === key ? { ...row, ...change } : row)));
  };
  const addRow = () => {
    setSaved(false);
    save.reset();
    setLocalErrors({});
    const last = rows[rows.length - 1];
    setRows((previous) => [...previous, { key: nextKey++, weekday: last?.weekday ?? "1", start: "", end: "", overnight: false, staffing: "STAFFED", note: null }]);
    setFocusRow(rows.length);
  };
  const removeRow = (key: number) => {
    setSaved(false);
    save.reset();
    setLocalErrors({});
    setRows((previous) => previous.filter((row) => row.key !== key));
    addButton.current?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    save.reset();
    const errors: Record<string, string> = {};
    const input = rows.map((row, index) => {
      const startMinute = parseTime(row.start);
      let endMinute = parseTime(row.end);
      if (startMinute === null) errors[`periods.${index}.startMinute`] = t("adminProfile.hours.timeMissing");
      if (endMinute === null) errors[`periods.${index}.endMinute`] = t("adminProfile.hours.timeMissing");
      // Midnight as the end of a day that does not pass midnight is 24:00.
      if (endMinute === 0 && !row.overnight) endMinute = 1440;
      return {
        weekday: Number(row.weekday),
        startMinute: startMinute ?? 0,
        endMinute: endMinute ?? 0,
        isOvernight: row.overnight,
        staffing: row.staffing,
        note: row.note,
      };
    });
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0) return;
    const outcome = await save.run({ input: { centreId, periods: input } });
    if (outcome.ok) {
      setRows(toRows(outcome.value.data.openingPeriods));
      setSaved(true);
    }
  };

  const summary = rows.flatMap((_, index) =>
    (["weekday", "startMinute", "endMinute", "isOvernight", "staffing"] as const).flatMap((field) => {
      const message = errorFor(index, field);
      return message ? [{ message: t("adminProfile.hours.rowError", { number: index + 1, message }), fieldId: controlId(index, field) }] : [];
    }),
  );
  const showGeneralError = save.error && summary.length === 0;

  return (
    <Card title={<span id="aabningstider">{t("adminProfile.hours.title")}</span>}>
      <p>{t("adminProfile.hours.intro")}</p>
      <form noValidate onSubmit={(event) => void submit(event)} className="stack">
        <ErrorSummary title={t("adminProfile.hours.errorTitle")} errors={summary} />
        {showGeneralError && <Alert tone="error">{save.error?.message}</Alert>}
        {rows.length === 0 ? (
          <EmptyState title={t("adminProfile.hours.empty")} headingLevel={3} />
        ) : (
          <div className="table-scroll admin-hours">
            <table className="admin-hours__table">
              <caption className="visually-hidden">{t("adminProfile.hours.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("adminProfile.hours.period")}</th>
                  <th scope="col">{t("adminProfile.hours.weekday")}</th>
                  <th scope="col">{t("adminProfile.hours.from")}</th>
                  <th scope="col">{t("adminProfile.hours.to")}</th>
                  <th scope="col">{t("adminProfile.hours.overnight")}</th>
                  <th scope="col">{t("adminProfile.hours.staffing")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("adminProfile.hours.actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row, index) => {
                  const number = index + 1;
                  const cell = (field: FieldName, label: string, control: (props: { id: string; "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode) => {
                    const id = controlId(index, field);
                    const error = errorFor(index, field);
                    return (
                      <td className={error ? "admin-hours__cell admin-hours__cell--error" : "admin-hours__cell"}>
                        <label className="admin-hours__label" htmlFor={id}>
                          {label}
                          <span className="visually-hidden"> {t("adminProfile.hours.cellSuffix", { number })}</span>
                        </label>
                        {error && (
                          <p className="field__error" id={`${id}-error`}>
                            <span className="visually-hidden">{t("common.errorPrefix")} </span>
                            {error}
                          </p>
                        )}
                        {control({ id, "aria-invalid": error ? true : undefined, "aria-describedby": error ? `${id}-error` : undefined })}
                      </td>
                    );
                  };
                  return (
                    <tr key={row.key}>
                      <th scope="row" className="admin-hours__number">
                        {t("adminProfile.hours.periodNumber", { number })}
                      </th>
                      {cell("weekday", t("adminProfile.hours.weekday"), (props) => (
                        <select {...props} className="field__control field__control--select" value={row.weekday} onChange={(event) => update(row.key, { weekday: event.target.value })}>
                          {WEEKDAYS.map((weekday) => (
                            <option key={weekday} value={String(weekday)}>
                              {weekdayName(t, weekday)}
                            </option>
                          ))}
                        </select>
                      ))}
                      {cell("startMinute", t("adminProfile.hours.from"), (props) => (
                        <input {...props} type="time" className="field__control admin-hours__time" value={row.start} onChange={(event) => update(row.key, { start: event.target.value })} />
                      ))}
                      {cell("endMinute", t("adminProfile.hours.to"), (props) => (
                        <input {...props} type="time" className="field__control admin-hours__time" value={row.end} onChange={(event) => update(row.key, { end: event.target.value })} />
                      ))}
                      {cell("isOvernight", t("adminProfile.hours.overnight"), (props) => (
                        <input {...props} type="checkbox" className="admin-hours__checkbox" checked={row.overnight} onChange={(event) => update(row.key, { overnight: event.target.checked })} />
                      ))}
                      {cell("staffing", t("adminProfile.hours.staffing"), (props) => (
                        <select {...props} className="field__control field__control--select" value={row.staffing} onChange={(event) => update(row.key, { staffing: event.target.value === "VOLUNTEERS" ? "VOLUNTEERS" : "STAFFED" })}>
                          <option value="STAFFED">{t("adminProfile.staffing.STAFFED")}</option>
                          <option value="VOLUNTEERS">{t("adminProfile.staffing.VOLUNTEERS")}</option>
                        </select>
                      ))}
                      <td className="admin-hours__cell">
                        <Button variant="quiet" onClick={() => removeRow(row.key)}>
                          {t("adminProfile.hours.remove")}
                          <span className="visually-hidden"> {t("adminProfile.hours.periodNumber", { number })}</span>
                        </Button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <p className="field__hint">{t("adminProfile.hours.hint")}</p>
        <div className="cluster">
          <Button ref={addButton} variant="secondary" onClick={addRow}>
            {t("adminProfile.hours.add")}
          </Button>
          <Button type="submit" busy={save.running}>
            {t("adminProfile.hours.save")}
          </Button>
          <SavedNote show={saved}>{t("adminProfile.saved")}</SavedNote>
        </div>
      </form>
    </Card>
  );
}
