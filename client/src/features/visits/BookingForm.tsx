// Books one time or a weekly series at a centre. A series that hits taken or closed dates lists
// every such date with the booking in the way, and offers to book only the free dates.
import { useEffect, useState, type FormEvent } from "react";
import { request, type MutationError, type ResultOf } from "../../graphql.ts";
import { useIdempotencyKey } from "../../idempotency.ts";
import { useLanguage, useT } from "../../i18n/i18n.tsx";
import { useFormatters } from "../../i18n/format.ts";
import { Alert } from "../../ui/Alert.tsx";
import { Button } from "../../ui/Button.tsx";
import { RadioGroup } from "../../ui/ChoiceGroup.tsx";
import { ErrorSummary, type ErrorSummaryItem } from "../../ui/ErrorSummary.tsx";
import { SelectField } from "../../ui/SelectField.tsx";
import { TextArea } from "../../ui/TextArea.tsx";
import { TextField } from "../../ui/TextField.tsx";
import { localDate, localMinutes, parseTime, timeInputValue, zonedIso } from "../../i18n/zoned-time.ts";
import { BookVisitMutation, BookVisitSeriesMutation } from "./documents.ts";
import { describePayload, requestFailure } from "./payload.ts";
import type { CalendarSpace, SlotPick } from "./WeekCalendar.tsx";

type SeriesPayload = ResultOf<typeof BookVisitSeriesMutation>["bookVisitSeries"];
type Conflict = Extract<SeriesPayload, { __typename: "SeriesConflictError" }>["conflicts"][number];
type ConflictingVisit = NonNullable<Conflict["conflictingVisit"]>;

type Outcome =
  | { kind: "single"; status: string; date: string }
  | { kind: "series"; booked: number; statuses: string[]; skipped: readonly Conflict[] };

type BookingFormProps = {
  centreId: string;
  centreName: string;
  serviceUnitId: string;
  spaces: readonly CalendarSpace[];
  slot: SlotPick | null;
};

/**
 * Today's slot keeps its length but starts at the next half hour still ahead, so the first
 * submit does not fail on a time that has already passed. Other days are left as they are.
 */
function notInThePast(date: string, startMinute: number, endMinute: number): { startMinute: number; endMinute: number } {
  if (date !== localDate()) return { startMinute, endMinute };
  const nextHalfHour = Math.ceil((localMinutes(new Date()) + 1) / 30) * 30;
  if (startMinute >= nextHalfHour || nextHalfHour >= 24 * 60) return { startMinute, endMinute };
  const length = Math.max(endMinute - startMinute, 30);
  return { startMinute: nextHalfHour, endMinute: Math.min(nextHalfHour + length, 24 * 60 - 1) };
}

/** The visits in a booking's answer reload the week and the lists showing visits. */
export function BookingForm({ centreId, centreName, serviceUnitId, spaces, slot }: BookingFormProps) {
  const t = useT();
  const { language } = useLanguage();
  const { formatDayAndDate, formatTimeRange, formatWeekday } = useFormatters();
  const activeSpaces = spaces.filter((space) => space.isActive);
  const [spaceId, setSpaceId] = useState(slot?.spaceId ?? activeSpaces[0]?.id ?? "");
  const [kind, setKind] = useState<"single" | "series">("single");
  const initialTimes = notInThePast(slot?.date ?? "", slot?.startMinute ?? 600, slot?.endMinute ?? 720);
  const [date, setDate] = useState(slot?.date ?? "");
  const [start, setStart] = useState(timeInputValue(initialTimes.startMinute));
  const [end, setEnd] = useState(timeInputValue(initialTimes.endMinute));
  const [repeat, setRepeat] = useState<"weeks" | "until">("weeks");
  const [weeks, setWeeks] = useState("8");
  const [untilDate, setUntilDate] = useState("");
  const [title, setTitle] = useState("");
  const [publicDescription, setPublicDescription] = useState("");
  const [internalNote, setInternalNote] = useState("");
  const [running, setRunning] = useState(false);
  const [idempotencyKey, renewIdempotencyKey] = useIdempotencyKey();
  const [error, setError] = useState<MutationError | null>(null);
  const [conflict, setConflict] = useState<{ kind: "single"; visit: ConflictingVisit } | { kind: "series"; conflicts: readonly Conflict[] } | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    if (!slot) return;
    setSpaceId(slot.spaceId);
    const times = notInThePast(slot.date, slot.startMinute, slot.endMinute);
    setDate(slot.date);
    setStart(timeInputValue(times.startMinute));
    setEnd(timeInputValue(times.endMinute));
    setOutcome(null);
    setConflict(null);
    setError(null);
  }, [slot]);

  // Choosing today moves a start that has already passed to the next half hour ahead.
  const chooseDate = (value: string) => {
    setDate(value);
    const startMinute = parseTime(start);
    const endMinute = parseTime(end);
    if (startMinute === null || endMinute === null) return;
    const times = notInThePast(value, startMinute, endMinute);
    setStart(timeInputValue(times.startMinute));
    setEnd(timeInputValue(times.endMinute));
  };

  const fieldError = (name: string) => localErrors[name] ?? error?.fieldErrors[name];

  const validate = (): Record<string, string> => {
    const errors: Record<string, string> = {};
    if (!spaceId) errors["spaceId"] = t("visits.book.errors.space");
    if (!date) errors[kind === "series" ? "firstDate" : "startsAt"] = t("visits.book.errors.date");
    const startMinute = parseTime(start);
    const endMinute = parseTime(end);
    if (startMinute === null) errors["startTime"] = t("visits.book.errors.time");
    else if (date && date === localDate() && startMinute <= localMinutes(new Date())) errors["startTime"] = t("visits.book.errors.startPassed");
    if (endMinute === null) errors["endTime"] = t("visits.book.errors.time");
    else if (startMinute !== null && endMinute <= startMinute) errors["endTime"] = t("visits.book.errors.endAfterStart");
    if (!title.trim()) errors["title"] = t("visits.book.errors.title");
    if (kind === "series" && repeat === "weeks" && !(Number(weeks) >= 1)) errors["weeks"] = t("visits.book.errors.weeks");
    if (kind === "series" && repeat === "until" && !untilDate) errors["untilDate"] = t("visits.book.errors.untilDate");
    return errors;
  };

  const submit = async (bookFreeOccurrencesOnly = false) => {
    const errors = validate();
    setLocalErrors(errors);
    setOutcome(null);
    if (Object.keys(errors).length > 0) {
      setError(null);
      return;
    }
    const startMinute = parseTime(start)!;
    const endMinute = parseTime(end)!;
    const common = {
      centreId,
      serviceUnitId,
      spaceId,
      title: title.trim(),
      publicDescription: publicDescription.trim() || null,
      internalNote: internalNote.trim() || null,
    };
    setRunning(true);
    setError(null);
    setConflict(null);
    try {
      if (kind === "single") {
        const data = await request(BookVisitMutation, {
          input: { ...common, startsAt: zonedIso(date, startMinute), endsAt: zonedIso(date, endMinute), idempotencyKey },
        });
        const payload = data.bookVisit;
        if (payload.__typename === "BookVisitSuccess") {
          setOutcome({ kind: "single", status: payload.data.status, date });
          renewIdempotencyKey();
        } else {
          if (payload.__typename === "VisitConflictError") setConflict({ kind: "single", visit: payload.conflictingVisit });
          setError(describePayload(payload, language));
        }
      } else {
        const data = await request(BookVisitSeriesMutation, {
          input: {
            ...common,
            firstDate: date,
            startMinute,
            endMinute,
            weeks: repeat === "weeks" ? Number(weeks) : null,
            untilDate: repeat === "until" ? untilDate : null,
            bookFreeOccurrencesOnly,
            idempotencyKey,
          },
        });
        const payload = data.bookVisitSeries;
        if (payload.__typename === "BookVisitSeriesSuccess") {
          setOutcome({
            kind: "series",
            booked: payload.data.visits.length,
            statuses: [...new Set(payload.data.visits.map((visit) => visit.status))],
            skipped: payload.data.conflicts,
          });
          renewIdempotencyKey();
        } else {
          if (payload.__typename === "SeriesConflictError") setConflict({ kind: "series", conflicts: payload.conflicts });
          setError(describePayload(payload, language));
        }
      }
    } catch (failure) {
      setError(requestFailure(failure, t));
    } finally {
      setRunning(false);
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(false);
  };

  const summaryItems: ErrorSummaryItem[] = Object.entries({ ...(error?.fieldErrors ?? {}), ...localErrors }).map(([name, message]) => ({
    message,
    fieldId: `booking-${name}`,
  }));

  const describeConflict = (visit: ConflictingVisit) =>
    t("visits.book.conflictWith", { title: visit.title, service: visit.serviceUnitName, time: formatTimeRange(visit.startsAt, visit.endsAt) });

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="booking-heading" className="stack">
      <h2 id="booking-heading">{t("visits.book.heading", { centre: centreName })}</h2>
      <ErrorSummary title={t("errors.summaryTitle")} errors={summaryItems} />

      {outcome && (
        <Alert tone="success" title={t("visits.book.doneTitle")}>
          {outcome.kind === "single" ? (
            <p>{outcome.status === "CONFIRMED" ? t("visits.book.doneConfirmed", { date: formatDayAndDate(outcome.date) }) : t("visits.book.doneRequested", { date: formatDayAndDate(outcome.date) })}</p>
          ) : (
            <>
              <p>
                {t("visits.book.seriesDone", { count: outcome.booked })}{" "}
                {outcome.statuses.includes("REQUESTED") ? t("visits.book.seriesRequested") : t("visits.book.seriesConfirmed")}
              </p>
              {outcome.skipped.length > 0 && (
                <>
                  <p>{t("visits.book.skippedIntro")}</p>
                  <ul>
                    {outcome.skipped.map((skipped) => (
                      <li key={skipped.date}>{formatDayAndDate(skipped.date)}</li>
                    ))}
                  </ul>
                </>
              )}
            </>
          )}
        </Alert>
      )}

      {error && !conflict && error.formErrors.length + Object.keys(error.fieldErrors).length === 0 && <Alert tone="error">{error.message}</Alert>}

      {conflict?.kind === "single" && (
        <Alert tone="error" title={t("visits.book.conflictTitle")}>
          <p>{describeConflict(conflict.visit)}</p>
          <p>{t("visits.book.conflictHelp")}</p>
        </Alert>
      )}

      {conflict?.kind === "series" && (
        <Alert tone="warning" title={t("visits.book.seriesConflictTitle", { count: conflict.conflicts.length })}>
          <p>{t("visits.book.seriesConflictIntro")}</p>
          <ul className="conflict-list">
            {conflict.conflicts.map((item) => (
              <li key={item.date}>
                <strong>{formatDayAndDate(item.date)}:</strong>{" "}
                {item.isClosed ? t("visits.book.occurrenceClosed") : item.conflictingVisit ? describeConflict(item.conflictingVisit) : t("visits.book.occurrenceTaken")}
              </li>
            ))}
          </ul>
          <div className="cluster">
            <Button onClick={() => void submit(true)} busy={running}>
              {t("visits.book.bookFreeOnly")}
            </Button>
          </div>
        </Alert>
      )}

      <SelectField
        id="booking-spaceId"
        label={t("visits.book.space")}
        value={spaceId}
        onChange={(event) => setSpaceId(event.target.value)}
        options={activeSpaces.map((space) => ({ value: space.id, label: space.name }))}
        placeholder={t("visits.book.chooseSpace")}
        error={fieldError("spaceId")}
      />

      <RadioGroup
        id="booking-kind"
        name="booking-kind"
        legend={t("visits.book.kind")}
        value={kind}
        onChange={(value) => setKind(value as "single" | "series")}
        options={[
          { value: "single", label: t("visits.book.kindSingle") },
          { value: "series", label: t("visits.book.kindSeries") },
        ]}
        inline
      />

      <div className="form-row">
        <TextField
          id={kind === "series" ? "booking-firstDate" : "booking-startsAt"}
          type="date"
          label={kind === "series" ? t("visits.book.firstDate") : t("visits.book.date")}
          hint={kind === "series" && date ? t("visits.book.repeatsOn", { weekday: formatWeekday(date) }) : undefined}
          value={date}
          onChange={(event) => chooseDate(event.target.value)}
          error={kind === "series" ? fieldError("firstDate") : fieldError("startsAt")}
        />
        <TextField id="booking-startTime" type="time" label={t("visits.book.start")} value={start} onChange={(event) => setStart(event.target.value)} error={fieldError("startTime") ?? fieldError("startMinute")} />
        <TextField id="booking-endTime" type="time" label={t("visits.book.end")} value={end} onChange={(event) => setEnd(event.target.value)} error={fieldError("endTime") ?? fieldError("endMinute") ?? fieldError("endsAt")} />
      </div>

      {kind === "series" && (
        <>
          <RadioGroup
            id="booking-repeat"
            name="booking-repeat"
            legend={t("visits.book.repeat")}
            value={repeat}
            onChange={(value) => setRepeat(value as "weeks" | "until")}
            options={[
              { value: "weeks", label: t("visits.book.repeatWeeks") },
              { value: "until", label: t("visits.book.repeatUntil") },
            ]}
            inline
          />
          {repeat === "weeks" ? (
            <TextField id="booking-weeks" type="number" inputMode="numeric" min={1} max={52} label={t("visits.book.weeks")} value={weeks} onChange={(event) => setWeeks(event.target.value)} error={fieldError("weeks")} />
          ) : (
            <TextField id="booking-untilDate" type="date" label={t("visits.book.untilDate")} value={untilDate} onChange={(event) => setUntilDate(event.target.value)} error={fieldError("untilDate")} />
          )}
          {date && (
            <p className="field__hint">
              {t("visits.book.seriesSummary", {
                weekday: formatWeekday(date),
                time: `${start}–${end}`,
                length: repeat === "weeks" ? t("visits.book.forWeeks", { weeks }) : untilDate ? t("visits.book.untilText", { date: formatDayAndDate(untilDate) }) : "…",
              })}
            </p>
          )}
        </>
      )}

      <TextField
        id="booking-title"
        label={t("visits.book.title")}
        hint={t("visits.book.titleHint")}
        value={title}
        onChange={(event) => setTitle(event.target.value)}
        error={fieldError("title")}
        maxLength={200}
      />
      <TextArea
        id="booking-publicDescription"
        label={t("visits.book.publicDescription")}
        hint={t("visits.book.publicDescriptionHint")}
        optional
        rows={3}
        value={publicDescription}
        onChange={(event) => setPublicDescription(event.target.value)}
        error={fieldError("publicDescription")}
      />
      <TextArea
        id="booking-internalNote"
        label={t("visits.book.internalNote")}
        hint={t("visits.book.internalNoteHint")}
        optional
        rows={3}
        value={internalNote}
        onChange={(event) => setInternalNote(event.target.value)}
        error={fieldError("internalNote")}
      />
      <div className="cluster">
        <Button type="submit" busy={running}>
          {kind === "series" ? t("visits.book.submitSeries") : t("visits.book.submitSingle")}
        </Button>
      </div>
    </form>
  );
}
