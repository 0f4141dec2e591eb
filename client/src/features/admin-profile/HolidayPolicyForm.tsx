// What the centre does on public holidays and on the commonly closed days (Grundlovsdag, 24 and 31 December).
import { useState, type FormEvent } from "react";
import { useMutationResult } from "../../graphql.ts";
import { useT } from "../../i18n/i18n.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { Button } from "../../ui/Button.tsx";
import { Card } from "../../ui/Card.tsx";
import { RadioGroup } from "../../ui/ChoiceGroup.tsx";
import { TextField } from "../../ui/TextField.tsx";
import { SavedNote } from "./AdminPage.tsx";
import { SetHolidayPolicyMutation } from "./documents.ts";
import { parseTime, timeInputValue } from "../../i18n/zoned-time.ts";

type Policy = "CLOSED" | "NORMAL_HOURS" | "SPECIAL_HOURS";
type Policies = {
  publicHolidayPolicy: Policy;
  publicHolidayStartMinute?: number | null;
  publicHolidayEndMinute?: number | null;
  commonClosedDaysPolicy: Policy;
  commonClosedDaysStartMinute?: number | null;
  commonClosedDaysEndMinute?: number | null;
};
type Choice = { policy: Policy; start: string; end: string };

const POLICIES: readonly Policy[] = ["CLOSED", "NORMAL_HOURS", "SPECIAL_HOURS"];
const asPolicy = (value: string): Policy => (POLICIES as readonly string[]).includes(value) ? (value as Policy) : "CLOSED";

export function HolidayPolicyForm({ centreId, centre }: { centreId: string; centre: Policies }) {
  const t = useT();
  const save = useMutationResult(SetHolidayPolicyMutation, "SetHolidayPolicySuccess");
  const [saved, setSaved] = useState(false);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const [holidays, setHolidays] = useState<Choice>({
    policy: centre.publicHolidayPolicy,
    start: timeInputValue(centre.publicHolidayStartMinute),
    end: timeInputValue(centre.publicHolidayEndMinute),
  });
  const [closedDays, setClosedDays] = useState<Choice>({
    policy: centre.commonClosedDaysPolicy,
    start: timeInputValue(centre.commonClosedDaysStartMinute),
    end: timeInputValue(centre.commonClosedDaysEndMinute),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const errors: Record<string, string> = {};
    const minutes = (choice: Choice, prefix: string) => {
      if (choice.policy !== "SPECIAL_HOURS") return { start: null, end: null };
      const start = parseTime(choice.start);
      const end = parseTime(choice.end);
      if (start === null) errors[`${prefix}StartMinute`] = t("adminProfile.hours.timeMissing");
      if (end === null) errors[`${prefix}EndMinute`] = t("adminProfile.hours.timeMissing");
      return { start, end };
    };
    const holidayMinutes = minutes(holidays, "publicHoliday");
    const closedMinutes = minutes(closedDays, "commonClosedDays");
    setMissing(errors);
    if (Object.keys(errors).length > 0) return;
    const outcome = await save.run({
      input: {
        centreId,
        publicHolidayPolicy: holidays.policy,
        publicHolidayStartMinute: holidayMinutes.start,
        publicHolidayEndMinute: holidayMinutes.end,
        commonClosedDaysPolicy: closedDays.policy,
        commonClosedDaysStartMinute: closedMinutes.start,
        commonClosedDaysEndMinute: closedMinutes.end,
      },
    });
    if (outcome.ok) setSaved(true);
  };
  const errorFor = (field: string) => missing[field] ?? save.fieldError(field);

  const group = (prefix: "publicHoliday" | "commonClosedDays", legend: string, hint: string, choice: Choice, setChoice: (choice: Choice) => void) => (
    <div className="admin-policy">
      <RadioGroup
        id={`${prefix}Policy`}
        name={`${prefix}Policy`}
        legend={legend}
        hint={hint}
        options={POLICIES.map((value) => ({ value, label: t(`adminProfile.holidays.policy.${value}`) }))}
        value={choice.policy}
        onChange={(value) => {
          setSaved(false);
          setChoice({ ...choice, policy: asPolicy(value) });
        }}
        error={save.fieldError(`${prefix}Policy`)}
      />
      {choice.policy === "SPECIAL_HOURS" && (
        <div className="admin-row">
          <TextField
            id={`${prefix}-start`}
            type="time"
            label={t("adminProfile.holidays.from", { what: legend })}
            className="admin-row__short"
            value={choice.start}
            onChange={(event) => setChoice({ ...choice, start: event.target.value })}
            error={errorFor(`${prefix}StartMinute`)}
          />
          <TextField
            id={`${prefix}-end`}
            type="time"
            label={t("adminProfile.holidays.to", { what: legend })}
            className="admin-row__short"
            value={choice.end}
            onChange={(event) => setChoice({ ...choice, end: event.target.value })}
            error={errorFor(`${prefix}EndMinute`)}
          />
        </div>
      )}
    </div>
  );

  return (
    <Card title={<span id="helligdage">{t("adminProfile.holidays.title")}</span>}>
      <form noValidate onSubmit={(event) => void submit(event)} className="stack">
        {save.error && <Alert tone="error">{save.error.message}</Alert>}
        {group("publicHoliday", t("adminProfile.holidays.publicHolidays"), t("adminProfile.holidays.publicHolidaysHint"), holidays, setHolidays)}
        {group("commonClosedDays", t("adminProfile.holidays.commonClosedDays"), t("adminProfile.holidays.commonClosedDaysHint"), closedDays, setClosedDays)}
        <div className="cluster">
          <Button type="submit" busy={save.running}>
            {t("adminProfile.holidays.save")}
          </Button>
          <SavedNote show={saved}>{t("adminProfile.saved")}</SavedNote>
        </div>
      </form>
    </Card>
  );
}
