// Single dates when the centre is closed or keeps special hours, with a reason shown publicly.
import { useState, type FormEvent } from "react";
import { useMutationResult } from "../../graphql.ts";
import { useFormatters } from "../../i18n/format.ts";
import { useLanguage, useT } from "../../i18n/i18n.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { Button } from "../../ui/Button.tsx";
import { Card } from "../../ui/Card.tsx";
import { RadioGroup } from "../../ui/ChoiceGroup.tsx";
import { EmptyState } from "../../ui/EmptyState.tsx";
import { TextField } from "../../ui/TextField.tsx";
import { formatMinutesOfDay } from "../../i18n/format.ts";
import { SavedNote } from "./AdminPage.tsx";
import { AddOpeningExceptionMutation, RemoveOpeningExceptionMutation } from "./documents.ts";
import { parseTime } from "../../i18n/zoned-time.ts";
import { collisionsOf, PendingClosure, type CollisionDecision } from "../visits/Collisions.tsx";

type Exception = { id: string; date: string; kind: "CLOSED" | "SPECIAL_HOURS"; startMinute?: number | null; endMinute?: number | null; reason?: string | null };

export function OpeningExceptions({ centreId, exceptions }: { centreId: string; exceptions: readonly Exception[] }) {
  const t = useT();
  const { language } = useLanguage();
  const { formatDayAndDate } = useFormatters();
  const add = useMutationResult(AddOpeningExceptionMutation, "AddOpeningExceptionSuccess");
  const remove = useMutationResult(RemoveOpeningExceptionMutation, "RemoveOpeningExceptionSuccess");
  const [date, setDate] = useState("");
  const [kind, setKind] = useState<"CLOSED" | "SPECIAL_HOURS">("CLOSED");
  const [start, setStart] = useState("");
  const [end, setEnd] = useState("");
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<string | null>(null);
  // A closure refused because it covers booked visits waits here for the centre's decision.
  const [pending, setPending] = useState<{ centreId: string; date: string; kind: "CLOSED" | "SPECIAL_HOURS"; startMinute: number | null; endMinute: number | null; reason: string | null } | null>(null);
  const sorted = [...exceptions].sort((a, b) => a.date.localeCompare(b.date));
  const collisions = collisionsOf(add.error);

  const save = async (input: NonNullable<typeof pending>, collidingVisits: CollisionDecision | null) => {
    const outcome = await add.run({ input: { ...input, collidingVisits } });
    if (!outcome.ok) {
      setPending(collisionsOf(outcome.error) ? input : null);
      return;
    }
    setPending(null);
    setSaved(t("adminProfile.exceptions.added", { date: formatDayAndDate(input.date) }));
    setDate("");
    setStart("");
    setEnd("");
    setReason("");
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const errors: Record<string, string> = {};
    if (!date) errors["date"] = t("adminProfile.exceptions.dateMissing");
    const startMinute = kind === "SPECIAL_HOURS" ? parseTime(start) : null;
    const endMinute = kind === "SPECIAL_HOURS" ? parseTime(end) : null;
    if (kind === "SPECIAL_HOURS" && startMinute === null) errors["startMinute"] = t("adminProfile.hours.timeMissing");
    if (kind === "SPECIAL_HOURS" && endMinute === null) errors["endMinute"] = t("adminProfile.hours.timeMissing");
    setMissing(errors);
    if (Object.keys(errors).length > 0) return;
    await save({ centreId, date, kind, startMinute, endMinute, reason: reason.trim() || null }, null);
  };
  const onRemove = async (exception: Exception) => {
    setSaved(null);
    const outcome = await remove.run({ input: { exceptionId: exception.id } });
    if (outcome.ok) setSaved(t("adminProfile.exceptions.removed", { date: formatDayAndDate(exception.date) }));
  };
  const errorFor = (field: string) => missing[field] ?? add.fieldError(field);

  return (
    <Card title={<span id="undtagelser">{t("adminProfile.exceptions.title")}</span>}>
      <p>{t("adminProfile.exceptions.intro")}</p>
      <SavedNote show={saved !== null}>{saved}</SavedNote>
      {remove.error && <Alert tone="error">{remove.error.message}</Alert>}
      <h3>{t("adminProfile.exceptions.listTitle")}</h3>
      {sorted.length === 0 ? (
        <EmptyState title={t("adminProfile.exceptions.empty")} headingLevel={4} />
      ) : (
        <ul className="admin-list">
          {sorted.map((exception) => (
            <li key={exception.id} className="admin-list__item">
              <span>
                <strong>{formatDayAndDate(exception.date)}</strong>:{" "}
                {exception.kind === "CLOSED"
                  ? t("adminProfile.exceptions.closed")
                  : t("adminProfile.exceptions.special", {
                      from: formatMinutesOfDay(exception.startMinute ?? 0, language),
                      to: formatMinutesOfDay(exception.endMinute ?? 0, language),
                    })}
                {exception.reason ? ` – ${exception.reason}` : ""}
              </span>
              <Button variant="quiet" busy={remove.running} onClick={() => void onRemove(exception)}>
                {t("adminProfile.exceptions.remove")}
                <span className="visually-hidden"> {formatDayAndDate(exception.date)}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
      <PendingClosure pending={pending} error={add.error} busy={add.running} onDecide={(input, decision) => void save(input, decision)} onAbandon={() => { setPending(null); add.reset(); }} />
      <form noValidate onSubmit={(event) => void submit(event)} className="stack admin-form">
        <h3>{t("adminProfile.exceptions.addTitle")}</h3>
        {add.error && !collisions && <Alert tone="error">{add.error.message}</Alert>}
        <TextField id="exception-date" type="date" label={t("adminProfile.exceptions.date")} className="admin-row__short" value={date} onChange={(event) => setDate(event.target.value)} error={errorFor("date")} />
        <RadioGroup
          id="exception-kind"
          name="exceptionKind"
          legend={t("adminProfile.exceptions.kind")}
          options={[
            { value: "CLOSED", label: t("adminProfile.exceptions.kindClosed") },
            { value: "SPECIAL_HOURS", label: t("adminProfile.exceptions.kindSpecial") },
          ]}
          value={kind}
          onChange={(value) => setKind(value === "SPECIAL_HOURS" ? "SPECIAL_HOURS" : "CLOSED")}
          error={add.fieldError("kind")}
        />
        {kind === "SPECIAL_HOURS" && (
          <div className="admin-row">
            <TextField id="exception-start" type="time" label={t("adminProfile.exceptions.from")} className="admin-row__short" value={start} onChange={(event) => setStart(event.target.value)} error={errorFor("startMinute")} />
            <TextField id="exception-end" type="time" label={t("adminProfile.exceptions.to")} className="admin-row__short" value={end} onChange={(event) => setEnd(event.target.value)} error={errorFor("endMinute")} />
          </div>
        )}
        <TextField id="exception-reason" optional label={t("adminProfile.exceptions.reason")} hint={t("adminProfile.exceptions.reasonHint")} value={reason} onChange={(event) => setReason(event.target.value)} error={add.fieldError("reason")} />
        <Button type="submit" busy={add.running}>
          {t("adminProfile.exceptions.add")}
        </Button>
      </form>
    </Card>
  );
}
