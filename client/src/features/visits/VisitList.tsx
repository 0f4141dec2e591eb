// A list of visits with their status and the actions the viewer's side may take: cancel (a
// reason is required; one date or the rest of a series), and for the centre confirm/decline.
import { useState, type FormEvent, type ReactNode } from "react";
import { request, useMutationResult, type MutationError } from "../../graphql.ts";
import { useLanguage, useT } from "../../i18n/i18n.tsx";
import { useFormatters } from "../../i18n/format.ts";
import { Alert } from "../../ui/Alert.tsx";
import { Button } from "../../ui/Button.tsx";
import { RadioGroup } from "../../ui/ChoiceGroup.tsx";
import { Dialog } from "../../ui/Dialog.tsx";
import { TextArea } from "../../ui/TextArea.tsx";
import { TextField } from "../../ui/TextField.tsx";
import { localDate, localMinutes, parseTime, timeInputValue, zonedIso } from "../../i18n/zoned-time.ts";
import { CancelVisitMutation, CancelVisitSeriesMutation, ConfirmVisitMutation, DeclineVisitMutation, RescheduleVisitMutation } from "./documents.ts";
import { describePayload, requestFailure } from "./payload.ts";
import { VisitStatusBadge } from "./VisitStatusBadge.tsx";
import "./visits.css";

export type ListedVisit = {
  id: string;
  title: string;
  publicDescription?: string | null;
  internalNote?: string | null;
  status: "CONFIRMED" | "REQUESTED" | "DECLINED" | "CANCELLED" | "EXPIRED";
  startsAt: string;
  endsAt: string;
  centreName: string;
  serviceUnitName: string;
  seriesId?: string | null;
  cancelReason?: string | null;
  declineReason?: string | null;
  space: { name: string };
  viewerActions?: readonly string[];
  events?: readonly VisitHistoryEvent[];
};

type VisitHistoryEvent = {
  id: string;
  type: "REQUESTED" | "CONFIRMED" | "DECLINED" | "RESCHEDULED" | "CANCELLED" | "EXPIRED";
  actorName?: string | null;
  actorUnitName?: string | null;
  reason?: string | null;
  previousStartsAt?: string | null;
  previousEndsAt?: string | null;
  at: string;
};

type VisitListProps = {
  visits: readonly ListedVisit[];
  /** "service": the booking side sees the centre; "centre": staff see the service. */
  side: "service" | "centre";
  /** Offer confirm/decline on requested visits (centre staff). */
  canAnswer?: boolean;
  headingLevel?: 3 | 4;
  /** Shown instead of the list when it is empty; the list keeps its last message above it. */
  empty?: ReactNode;
};

type Action = { kind: "cancel" | "decline" | "reschedule"; visit: ListedVisit } | null;

/** Each action answers with the visit it changed, which reloads the lists showing it. */
export function VisitList({ visits, side, canAnswer = false, headingLevel = 3, empty }: VisitListProps) {
  const t = useT();
  const { formatDayAndDate, formatTimeRange } = useFormatters();
  const [action, setAction] = useState<Action>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const confirm = useMutationResult(ConfirmVisitMutation, "ConfirmVisitSuccess");
  const Heading = `h${headingLevel}` as const;

  const onConfirm = async (visit: ListedVisit) => {
    const result = await confirm.run({ input: { visitId: visit.id } });
    if (result.ok) setNotice(t("visits.list.confirmed", { title: visit.title, date: formatDayAndDate(visit.startsAt) }));
  };

  return (
    <>
      {notice && <Alert tone="success">{notice}</Alert>}
      {confirm.error && <Alert tone="error">{confirm.error.message}</Alert>}
      {visits.length === 0 && empty}
      <ul className="visit-list" hidden={visits.length === 0}>
        {visits.map((visit) => {
          const isLive = visit.status === "CONFIRMED" || visit.status === "REQUESTED";
          const isFuture = visit.endsAt > new Date().toISOString();
          return (
            <li key={visit.id}>
              <Heading className="visit-list__title">
                {visit.title} <VisitStatusBadge status={visit.status} />
              </Heading>
              <p className="visit-list__meta">
                {formatDayAndDate(visit.startsAt)}, {formatTimeRange(visit.startsAt, visit.endsAt)} · {side === "service" ? visit.centreName : visit.serviceUnitName} · {visit.space.name}
                {visit.seriesId ? ` · ${t("visits.list.partOfSeries")}` : ""}
              </p>
              {visit.internalNote && (
                <p>
                  <strong>{t("visits.list.internalNote")}</strong> {visit.internalNote}
                </p>
              )}
              {visit.declineReason && (
                <p>
                  <strong>{t("visits.list.declineReason")}</strong> {visit.declineReason}
                </p>
              )}
              {visit.cancelReason && (
                <p>
                  <strong>{t("visits.list.cancelReason")}</strong> {visit.cancelReason}
                </p>
              )}
              {visit.events && visit.events.length > 0 && <VisitHistory visit={visit} />}
              {isLive && isFuture && (
                <div className="cluster">
                  {canAnswer && visit.status === "REQUESTED" && (
                    <>
                      <Button
                        onClick={() => void onConfirm(visit)}
                        busy={confirm.running}
                        aria-label={t("visits.list.confirmLabel", { title: visit.title, date: formatDayAndDate(visit.startsAt) })}
                      >
                        {t("visits.list.confirm")}
                      </Button>
                      <Button
                        variant="secondary"
                        onClick={() => setAction({ kind: "decline", visit })}
                        aria-label={t("visits.list.declineLabel", { title: visit.title, date: formatDayAndDate(visit.startsAt) })}
                      >
                        {t("visits.list.decline")}
                      </Button>
                    </>
                  )}
                  {visit.viewerActions?.includes("RESCHEDULE") && (
                    <Button
                      variant="secondary"
                      onClick={() => setAction({ kind: "reschedule", visit })}
                      aria-label={t("visits.reschedule.label", { title: visit.title, date: formatDayAndDate(visit.startsAt) })}
                    >
                      {t("visits.reschedule.button")}
                    </Button>
                  )}
                  <Button
                    variant="danger"
                    onClick={() => setAction({ kind: "cancel", visit })}
                    aria-label={t("visits.list.cancelLabel", { title: visit.title, date: formatDayAndDate(visit.startsAt) })}
                  >
                    {t("visits.list.cancel")}
                  </Button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      <RescheduleDialog
        visit={action?.kind === "reschedule" ? action.visit : null}
        onClose={() => setAction(null)}
        onDone={(message) => {
          setAction(null);
          setNotice(message);
        }}
      />
      <ReasonDialog
        action={action?.kind === "reschedule" ? null : action}
        onClose={() => setAction(null)}
        onDone={(message) => {
          setAction(null);
          setNotice(message);
        }}
      />
    </>
  );
}

function ReasonDialog({ action, onClose, onDone }: { action: Action; onClose: () => void; onDone: (message: string) => void }) {
  const t = useT();
  const { formatDayAndDate } = useFormatters();
  const [reason, setReason] = useState("");
  const [scope, setScope] = useState<"occurrence" | "rest">("occurrence");
  const [missingReason, setMissingReason] = useState(false);
  const cancel = useMutationResult(CancelVisitMutation, "CancelVisitSuccess");
  const cancelSeries = useMutationResult(CancelVisitSeriesMutation, "CancelVisitSeriesSuccess");
  const decline = useMutationResult(DeclineVisitMutation, "DeclineVisitSuccess");
  const visit = action?.visit;
  const error = cancel.error ?? cancelSeries.error ?? decline.error;
  const running = cancel.running || cancelSeries.running || decline.running;

  const close = () => {
    setReason("");
    setScope("occurrence");
    setMissingReason(false);
    cancel.reset();
    cancelSeries.reset();
    decline.reset();
    onClose();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!action || !visit) return;
    if (!reason.trim()) {
      setMissingReason(true);
      return;
    }
    setMissingReason(false);
    const date = formatDayAndDate(visit.startsAt);
    if (action.kind === "decline") {
      const result = await decline.run({ input: { visitId: visit.id, reason: reason.trim() } });
      if (result.ok) onDone(t("visits.list.declined", { title: visit.title, date }));
    } else if (scope === "rest" && visit.seriesId) {
      const result = await cancelSeries.run({ input: { seriesId: visit.seriesId, fromDate: localDate(visit.startsAt), reason: reason.trim() } });
      if (result.ok) onDone(t("visits.list.seriesCancelled", { count: result.value.data.length, date }));
    } else {
      const result = await cancel.run({ input: { visitId: visit.id, reason: reason.trim() } });
      if (result.ok) onDone(t("visits.list.cancelled", { title: visit.title, date }));
    }
  };

  const title = action?.kind === "decline" ? t("visits.list.declineTitle") : t("visits.list.cancelTitle");
  return (
    <Dialog open={action !== null} onClose={close} title={title}>
      {visit && (
        <form onSubmit={(event) => void submit(event)} noValidate className="stack">
          <p>
            {visit.title} – {formatDayAndDate(visit.startsAt)}
          </p>
          {error && <Alert tone="error">{error.message}</Alert>}
          {action?.kind === "cancel" && visit.seriesId && (
            <RadioGroup
              name="cancel-scope"
              legend={t("visits.list.scope")}
              value={scope}
              onChange={(value) => setScope(value as "occurrence" | "rest")}
              options={[
                { value: "occurrence", label: t("visits.list.scopeOccurrence") },
                { value: "rest", label: t("visits.list.scopeRest") },
              ]}
            />
          )}
          <TextArea
            label={action?.kind === "decline" ? t("visits.list.declineReasonLabel") : t("visits.list.cancelReasonLabel")}
            hint={t("visits.list.reasonHint")}
            rows={3}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            error={missingReason ? t("visits.list.reasonRequired") : (cancel.fieldError("reason") ?? decline.fieldError("reason") ?? cancelSeries.fieldError("reason"))}
          />
          <div className="cluster">
            <Button type="submit" variant={action?.kind === "cancel" ? "danger" : "primary"} busy={running}>
              {action?.kind === "decline" ? t("visits.list.declineSubmit") : t("visits.list.cancelSubmit")}
            </Button>
            <Button variant="secondary" onClick={close}>
              {t("visits.list.keep")}
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}

/** The visit's history, oldest first: who did what, why and when. */
function VisitHistory({ visit }: { visit: ListedVisit }) {
  const t = useT();
  const { formatDateTime, formatDayAndDate, formatTimeRange } = useFormatters();
  return (
    <details className="visit-history">
      <summary aria-label={t("visits.history.summary", { title: visit.title })}>{t("visits.history.heading")}</summary>
      <ol>
        {visit.events!.map((event) => (
          <li key={event.id}>
            <time dateTime={event.at}>{formatDateTime(event.at)}</time> · <strong>{t(`visits.history.${event.type}`)}</strong>
            {" · "}
            {event.actorUnitName ? [event.actorName, event.actorUnitName].filter(Boolean).join(", ") : t("visits.history.system")}
            {event.previousStartsAt && event.previousEndsAt
              ? ` · ${t("visits.history.movedFrom", { time: `${formatDayAndDate(event.previousStartsAt)} ${formatTimeRange(event.previousStartsAt, event.previousEndsAt)}` })}`
              : ""}
            {event.reason ? ` · »${event.reason}«` : ""}
          </li>
        ))}
      </ol>
    </details>
  );
}

function RescheduleDialog({ visit, onClose, onDone }: { visit: ListedVisit | null; onClose: () => void; onDone: (message: string) => void }) {
  const t = useT();
  const { language } = useLanguage();
  const { formatDayAndDate, formatTimeRange } = useFormatters();
  const [form, setForm] = useState<{ visitId: string; date: string; start: string; end: string; reason: string } | null>(null);
  const [error, setError] = useState<MutationError | null>(null);
  const [invalid, setInvalid] = useState(false);
  const [running, setRunning] = useState(false);
  // The form starts from the visit's own time each time the dialog opens for a visit.
  const values =
    visit && form?.visitId === visit.id
      ? form
      : visit
        ? { visitId: visit.id, date: localDate(visit.startsAt), start: timeInputValue(localMinutes(visit.startsAt)), end: timeInputValue(localMinutes(visit.endsAt)), reason: "" }
        : null;
  const update = (patch: Partial<NonNullable<typeof values>>) => values && setForm({ ...values, ...patch });

  const close = () => {
    setForm(null);
    setError(null);
    setInvalid(false);
    onClose();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!visit || !values) return;
    const start = parseTime(values.start);
    const end = parseTime(values.end);
    if (!values.date || start === null || end === null || end <= start) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    setRunning(true);
    setError(null);
    try {
      const startsAt = zonedIso(values.date, start);
      const endsAt = zonedIso(values.date, end);
      const data = await request(RescheduleVisitMutation, { input: { visitId: visit.id, startsAt, endsAt, reason: values.reason.trim() || null } });
      const payload = data.rescheduleVisit;
      if (payload.__typename === "RescheduleVisitSuccess") {
        setForm(null);
        onDone(t("visits.reschedule.done", { title: visit.title, date: `${formatDayAndDate(startsAt)} ${formatTimeRange(startsAt, endsAt)}` }));
        return;
      }
      const described = describePayload(payload, language);
      if (payload.__typename === "VisitConflictError") {
        const other = payload.conflictingVisit;
        described.message = t("visits.reschedule.conflict", {
          title: other.title,
          service: other.serviceUnitName,
          time: `${formatDayAndDate(other.startsAt)} ${formatTimeRange(other.startsAt, other.endsAt)}`,
        });
      }
      setError(described);
    } catch (failure) {
      setError(requestFailure(failure, t));
    } finally {
      setRunning(false);
    }
  };

  return (
    <Dialog open={visit !== null} onClose={close} title={t("visits.reschedule.title")}>
      {visit && values && (
        <form onSubmit={(event) => void submit(event)} noValidate className="stack">
          <p>
            {visit.title} – {formatDayAndDate(visit.startsAt)} {formatTimeRange(visit.startsAt, visit.endsAt)}
          </p>
          <p className="field__hint">{t("visits.reschedule.hint")}</p>
          {error && <Alert tone="error">{error.message}</Alert>}
          <TextField id="reschedule-date" type="date" label={t("visits.reschedule.date")} value={values.date} onChange={(event) => update({ date: event.target.value })} error={invalid ? t("visits.reschedule.invalidTime") : error?.fieldErrors["startsAt"]} />
          <TextField id="reschedule-start" type="time" label={t("visits.reschedule.start")} value={values.start} onChange={(event) => update({ start: event.target.value })} />
          <TextField id="reschedule-end" type="time" label={t("visits.reschedule.end")} value={values.end} onChange={(event) => update({ end: event.target.value })} error={error?.fieldErrors["endsAt"]} />
          <TextArea label={t("visits.reschedule.reason")} hint={t("visits.list.reasonHint")} rows={2} value={values.reason} onChange={(event) => update({ reason: event.target.value })} error={error?.fieldErrors["reason"]} />
          <div className="cluster">
            <Button type="submit" busy={running}>
              {t("visits.reschedule.submit")}
            </Button>
            <Button variant="secondary" onClick={close}>
              {t("visits.list.keep")}
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
