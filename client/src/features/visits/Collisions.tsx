// Closures meet bookings (issue 19): when a closed day covers booked visits, the form shows them
// first and asks whether to cancel them (with a reason the service sees) or keep them; and the
// centre's visits page lists upcoming collisions, holidays included, with a way to cancel them.
import { useState, type FormEvent } from "react";
import { useMutationResult, useQuery, type MutationError } from "../../graphql.ts";
import { useFormatters } from "../../i18n/format.ts";
import { useLanguage, useT } from "../../i18n/i18n.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { Button } from "../../ui/Button.tsx";
import { CheckboxGroup, RadioGroup } from "../../ui/ChoiceGroup.tsx";
import { TextArea } from "../../ui/TextArea.tsx";
import { LoadingRegion } from "../../ui/Spinner.tsx";
import { CancelCollidingMutation, UpcomingCollisionsQuery } from "./documents.ts";
import { VisitStatusBadge } from "./VisitStatusBadge.tsx";
import "./visits.css";

export type Collision = {
  date: string;
  cause: "OPENING_EXCEPTION" | "VISIT_CLOSURE" | "PUBLIC_HOLIDAY" | "COMMONLY_CLOSED_DAY";
  nameDa?: string | null;
  nameEn?: string | null;
  visit: { id: string; title: string; status: "CONFIRMED" | "REQUESTED" | "DECLINED" | "CANCELLED" | "EXPIRED"; startsAt: string; endsAt: string; serviceUnitName: string };
};

export type CollisionDecision = { cancel: boolean; reason: string | null };

/** The visits a refused closure covers, from its ClosureHasVisitsError; null for any other error. */
export function collisionsOf(error: MutationError | null | undefined): Collision[] | null {
  if (error?.typename !== "ClosureHasVisitsError") return null;
  return (error.payload as { collisions?: Collision[] } | undefined)?.collisions ?? null;
}

function CollisionItems({ collisions }: { collisions: readonly Collision[] }) {
  const t = useT();
  const { language } = useLanguage();
  const { formatDayAndDate, formatTimeRange } = useFormatters();
  return (
    <ul className="visit-list">
      {collisions.map((collision) => {
        const name = language === "da" ? collision.nameDa : collision.nameEn;
        return (
          <li key={collision.visit.id}>
            <p className="visit-list__title">
              <strong>{collision.visit.title}</strong> <VisitStatusBadge status={collision.visit.status} />
            </p>
            <p className="visit-list__meta">
              {formatDayAndDate(collision.visit.startsAt)} {formatTimeRange(collision.visit.startsAt, collision.visit.endsAt)} · {collision.visit.serviceUnitName}
            </p>
            <p className="visit-list__meta">
              {t(`visits.collisions.cause.${collision.cause}`)}
              {name ? `: ${name}` : ""}
            </p>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * Shown when a closure was refused because it covers visits: lists them and asks what to do.
 * `onDecide` re-sends the closure with the decision.
 */
export function ClosureDecision({ collisions, busy, onDecide, onAbandon }: { collisions: readonly Collision[]; busy: boolean; onDecide: (decision: CollisionDecision) => void; onAbandon: () => void }) {
  const t = useT();
  const [choice, setChoice] = useState<"cancel" | "keep" | null>(null);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!choice) return setError(t("visits.collisions.chooseMissing"));
    if (choice === "cancel" && !reason.trim()) return setError(t("visits.collisions.reasonMissing"));
    setError(null);
    onDecide({ cancel: choice === "cancel", reason: choice === "cancel" ? reason.trim() : null });
  };
  return (
    <form className="stack closure-decision" noValidate onSubmit={submit} aria-labelledby="closure-decision-heading">
      <Alert tone="warning" title={<span id="closure-decision-heading">{t("visits.collisions.decisionTitle", { count: collisions.length })}</span>}>
        <p>{t("visits.collisions.decisionIntro")}</p>
      </Alert>
      <CollisionItems collisions={collisions} />
      <RadioGroup
        id="closure-decision-choice"
        name="closureDecision"
        legend={t("visits.collisions.choice")}
        options={[
          { value: "cancel", label: t("visits.collisions.cancel"), hint: t("visits.collisions.cancelHint") },
          { value: "keep", label: t("visits.collisions.keep"), hint: t("visits.collisions.keepHint") },
        ]}
        value={choice}
        onChange={(value) => setChoice(value === "keep" ? "keep" : "cancel")}
        error={!choice ? error : null}
      />
      {choice === "cancel" && (
        <TextArea
          id="closure-decision-reason"
          label={t("visits.collisions.reason")}
          hint={t("visits.collisions.reasonHint")}
          rows={3}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          error={choice === "cancel" && error ? error : null}
        />
      )}
      <div className="cluster">
        <Button type="submit" busy={busy}>{t("visits.collisions.save")}</Button>
        <Button variant="quiet" onClick={onAbandon}>{t("visits.collisions.abandon")}</Button>
      </div>
    </form>
  );
}

/** The decision for a closure the server refused because it covers visits; nothing otherwise. */
export function PendingClosure<Input>({ pending, error, busy, onDecide, onAbandon }: { pending: Input | null; error: MutationError | null; busy: boolean; onDecide: (input: Input, decision: CollisionDecision) => void; onAbandon: () => void }) {
  const collisions = collisionsOf(error);
  if (!pending || !collisions) return null;
  return <ClosureDecision collisions={collisions} busy={busy} onDecide={(decision) => onDecide(pending, decision)} onAbandon={onAbandon} />;
}

/** The centre's upcoming collisions (closed days, holidays) with the visits booked on them. */
export function UpcomingCollisions({ centreId }: { centreId: string }) {
  const t = useT();
  const { formatDayAndDate } = useFormatters();
  // Its visits are CollidingVisits, so a visit or closure changed anywhere reloads it by name.
  const collisions = useQuery(UpcomingCollisionsQuery, { centreId }, { additionalTypenames: ["Visit", "VisitWindowClosure"] });
  const cancel = useMutationResult(CancelCollidingMutation, "CancelCollidingVisitsSuccess");
  const [selected, setSelected] = useState<string[]>([]);
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState<string | null>(null);
  const [done, setDone] = useState<number | null>(null);
  const list = collisions.data?.upcomingVisitCollisions ?? [];
  if (!collisions.data || (list.length === 0 && done === null)) return <LoadingRegion busy={collisions.loading} />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    if (selected.length === 0 || !reason.trim()) return setMissing(selected.length === 0 ? t("visits.collisions.selectMissing") : t("visits.collisions.reasonMissing"));
    setMissing(null);
    const result = await cancel.run({ input: { centreId, visitIds: selected, reason: reason.trim() } });
    if (result.ok) {
      setDone(result.value.data.length);
      setSelected([]);
      setReason("");
    }
  };

  return (
    <section aria-labelledby="collisions-heading" className="stack collisions">
      <h2 id="collisions-heading">{t("visits.collisions.heading")}</h2>
      {done !== null && <Alert tone="success">{t("visits.collisions.cancelled", { count: done })}</Alert>}
      {list.length > 0 && (
        <>
          <p>{t("visits.collisions.intro")}</p>
          <CollisionItems collisions={list} />
          <form className="stack" noValidate onSubmit={(event) => void submit(event)}>
            {cancel.error && <Alert tone="error">{cancel.error.message}</Alert>}
            <CheckboxGroup
              id="collisions-select"
              name="collisionVisits"
              legend={t("visits.collisions.selectLegend")}
              options={list.map((collision) => ({ value: collision.visit.id, label: `${collision.visit.title} – ${formatDayAndDate(collision.visit.startsAt)}` }))}
              value={selected}
              onChange={setSelected}
              error={selected.length === 0 ? missing : null}
            />
            <TextArea id="collisions-reason" label={t("visits.collisions.reason")} hint={t("visits.collisions.reasonHint")} rows={3} value={reason} onChange={(event) => setReason(event.target.value)} error={selected.length > 0 ? missing : null} />
            <Button type="submit" variant="danger" busy={cancel.running}>
              {t("visits.collisions.cancelSelected")}
            </Button>
          </form>
        </>
      )}
    </section>
  );
}
