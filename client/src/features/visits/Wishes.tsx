// Centres ask for services (issue 19): the centre posts a standing wish and follows the answers;
// services of the wished kind see the wishes and answer with a booking proposal; coordinators see
// the open wishes across the area.
import { useState, type FormEvent } from "react";
import { useMutationResult, useQuery, type ResultOf } from "../../graphql.ts";
import { useFormatters } from "../../i18n/format.ts";
import { useLanguage, useT } from "../../i18n/i18n.tsx";
import { isoWeekday, localDate, parseTime, timeInputValue } from "../../i18n/zoned-time.ts";
import { useIdempotencyKey } from "../../idempotency.ts";
import { Alert } from "../../ui/Alert.tsx";
import { Badge } from "../../ui/Badge.tsx";
import { Button } from "../../ui/Button.tsx";
import { Card } from "../../ui/Card.tsx";
import { CheckboxGroup } from "../../ui/ChoiceGroup.tsx";
import { EmptyState } from "../../ui/EmptyState.tsx";
import { SelectField } from "../../ui/SelectField.tsx";
import { LoadingRegion } from "../../ui/Spinner.tsx";
import { TextArea } from "../../ui/TextArea.tsx";
import { TextField } from "../../ui/TextField.tsx";
import { SERVICE_KINDS } from "../directory/labels.ts";
import { useTaxonomy } from "../directory/taxonomy.ts";
import { AnswerWishMutation, AreaWishesQuery, CentreWishesQuery, CloseWishMutation, PostWishMutation, ServiceWishesQuery, SpacesQuery } from "./documents.ts";
import { VisitStatusBadge } from "./VisitStatusBadge.tsx";
import "./visits.css";

type Wish = ResultOf<typeof CentreWishesQuery>["centreVisitWishes"][number];
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

function WishSummary({ wish, headingLevel, showCentre }: { wish: Wish; headingLevel: 3 | 4; showCentre: boolean }) {
  const t = useT();
  const { language } = useLanguage();
  const { formatDate } = useFormatters();
  const taxonomy = useTaxonomy();
  const Heading = `h${headingLevel}` as const;
  const when = language === "da" ? wish.whenDa : wish.whenEn;
  return (
    <>
      <Heading className="visit-list__title">
        {t(`directory.serviceKind.${wish.serviceKind}`)}
        {when ? `, ${when}` : ""}
        {showCentre ? ` – ${wish.centre.name}` : ""}{" "}
        <Badge tone={wish.status === "OPEN" ? "info" : "neutral"} label={t("visits.wishes.statusLabel")}>
          {t(`visits.wishes.status.${wish.status}`)}
        </Badge>
      </Heading>
      <p>{wish.description}</p>
      <p className="visit-list__meta">
        {wish.targetGroups.length > 0
          ? t("visits.wishes.for", { groups: wish.targetGroups.map((group) => taxonomy.label("TARGET_GROUP", group)).join(", ") })
          : t("visits.wishes.forAnyone")}
        {" · "}
        {t("visits.wishes.posted", { date: formatDate(wish.createdAt) })}
      </p>
    </>
  );
}

function Answers({ wish }: { wish: Wish }) {
  const t = useT();
  const { formatDayAndDate, formatTimeRange } = useFormatters();
  if (wish.answers.length === 0) return <p className="visit-list__meta">{t("visits.wishes.noAnswers", { count: wish.answerCount })}</p>;
  return (
    <ul className="plain-list">
      {wish.answers.map((answer) => (
        <li key={answer.id}>
          {formatDayAndDate(answer.startsAt)} {formatTimeRange(answer.startsAt, answer.endsAt)}: {answer.title} ({answer.serviceUnitName}) <VisitStatusBadge status={answer.status} />
        </li>
      ))}
    </ul>
  );
}

/** The centre's own wishes: post one, follow the answers, close it. */
export function CentreWishes({ centreId }: { centreId: string }) {
  const t = useT();
  // A posted wish reloads the list even when the centre had none yet.
  const wishes = useQuery(CentreWishesQuery, { centreId }, { additionalTypenames: ["VisitWish"] });
  const close = useMutationResult(CloseWishMutation, "CloseVisitWishSuccess");
  return (
    <section aria-labelledby="wishes-heading" className="stack">
      <h2 id="wishes-heading">{t("visits.wishes.centreHeading")}</h2>
      <p>{t("visits.wishes.centreIntro")}</p>
      <Card>
        <WishForm centreId={centreId} />
      </Card>
      <LoadingRegion busy={wishes.loading && !wishes.data}>
        {close.error && <Alert tone="error">{close.error.message}</Alert>}
        {wishes.data && wishes.data.centreVisitWishes.length === 0 && (
          <EmptyState title={t("visits.wishes.noneTitle")} headingLevel={3}>
            <p>{t("visits.wishes.noneBody")}</p>
          </EmptyState>
        )}
        <ul className="visit-list">
          {(wishes.data?.centreVisitWishes ?? []).map((wish) => (
            <li key={wish.id}>
              <WishSummary wish={wish} headingLevel={3} showCentre={false} />
              <Answers wish={wish} />
              {wish.status === "OPEN" && (
                <Button variant="secondary" busy={close.running} onClick={() => void close.run({ input: { wishId: wish.id } })}>
                  {t("visits.wishes.close")}
                  <span className="visually-hidden"> {t(`directory.serviceKind.${wish.serviceKind}`)}</span>
                </Button>
              )}
            </li>
          ))}
        </ul>
      </LoadingRegion>
    </section>
  );
}

function WishForm({ centreId }: { centreId: string }) {
  const t = useT();
  const taxonomy = useTaxonomy();
  const post = useMutationResult(PostWishMutation, "PostVisitWishSuccess");
  const [serviceKind, setServiceKind] = useState("");
  const [targetGroups, setTargetGroups] = useState<string[]>([]);
  const [weekday, setWeekday] = useState("");
  const [start, setStart] = useState("");
  const [end, setEnd] = useState("");
  const [description, setDescription] = useState("");
  const [missing, setMissing] = useState<Record<string, string>>({});
  const [posted, setPosted] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPosted(false);
    const errors: Record<string, string> = {};
    if (!serviceKind) errors["serviceKind"] = t("visits.wishes.kindMissing");
    if (!description.trim()) errors["description"] = t("visits.wishes.descriptionMissing");
    const startMinute = parseTime(start);
    const endMinute = parseTime(end);
    if (weekday && (startMinute === null || endMinute === null)) errors["startMinute"] = t("visits.wishes.timeMissing");
    setMissing(errors);
    if (Object.keys(errors).length > 0) return;
    const result = await post.run({
      input: {
        centreId,
        serviceKind: serviceKind as (typeof SERVICE_KINDS)[number],
        targetGroups,
        weekday: weekday ? Number(weekday) : null,
        startMinute: weekday ? startMinute : null,
        endMinute: weekday ? endMinute : null,
        description: description.trim(),
      },
    });
    if (result.ok) {
      setPosted(true);
      setServiceKind("");
      setTargetGroups([]);
      setWeekday("");
      setStart("");
      setEnd("");
      setDescription("");
    }
  };
  const errorFor = (field: string) => missing[field] ?? post.fieldError(field);
  return (
    <form className="stack" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="wish-form-heading">
      <h3 id="wish-form-heading">{t("visits.wishes.newHeading")}</h3>
      {posted && <Alert tone="success">{t("visits.wishes.postedDone")}</Alert>}
      {post.error && <Alert tone="error">{post.error.message}</Alert>}
      <SelectField
        id="wish-kind"
        label={t("visits.wishes.kind")}
        placeholder={t("visits.wishes.kindPlaceholder")}
        value={serviceKind}
        onChange={(event) => setServiceKind(event.target.value)}
        options={SERVICE_KINDS.map((kind) => ({ value: kind, label: t(`directory.serviceKind.${kind}`) }))}
        error={errorFor("serviceKind")}
      />
      <CheckboxGroup
        id="wish-groups"
        name="wishTargetGroups"
        legend={t("visits.wishes.targetGroups")}
        hint={t("visits.wishes.targetGroupsHint")}
        optional
        options={taxonomy.options("TARGET_GROUP")}
        value={targetGroups}
        onChange={setTargetGroups}
      />
      <div className="form-row">
        <SelectField
          id="wish-weekday"
          label={t("visits.wishes.weekday")}
          optional
          placeholder={t("visits.wishes.anyDay")}
          value={weekday}
          onChange={(event) => setWeekday(event.target.value)}
          options={WEEKDAYS.map((day) => ({ value: String(day), label: t(`visits.weekday.${day}`) }))}
          error={errorFor("weekday")}
        />
        {weekday && (
          <>
            <TextField id="wish-start" type="time" label={t("visits.book.start")} value={start} onChange={(event) => setStart(event.target.value)} error={errorFor("startMinute")} />
            <TextField id="wish-end" type="time" label={t("visits.book.end")} value={end} onChange={(event) => setEnd(event.target.value)} error={errorFor("endMinute")} />
          </>
        )}
      </div>
      <TextArea id="wish-description" label={t("visits.wishes.description")} hint={t("visits.wishes.descriptionHint")} rows={3} value={description} onChange={(event) => setDescription(event.target.value)} error={errorFor("description")} />
      <Button type="submit" busy={post.running}>
        {t("visits.wishes.post")}
      </Button>
    </form>
  );
}

/** Open wishes that match the service, each with a way to answer with a proposal. */
export function ServiceWishes({ unit }: { unit: { id: string; name: string } }) {
  const t = useT();
  // An answer's visits reload the wish it answered, which may have had no answers yet.
  const wishes = useQuery(ServiceWishesQuery, { serviceUnitId: unit.id }, { additionalTypenames: ["Visit"] });
  const [answering, setAnswering] = useState<string | null>(null);
  const list = wishes.data?.visitWishesForService ?? [];
  return (
    <section aria-labelledby="service-wishes-heading" className="stack">
      <h2 id="service-wishes-heading">{t("visits.wishes.serviceHeading")}</h2>
      <p>{t("visits.wishes.serviceIntro", { unit: unit.name })}</p>
      <LoadingRegion busy={wishes.loading && !wishes.data}>
        {wishes.error && <Alert tone="error">{t("visits.loadError")}</Alert>}
        {wishes.data && list.length === 0 && <p>{t("visits.wishes.serviceNone")}</p>}
        <ul className="visit-list">
          {list.map((wish) => (
            <li key={wish.id}>
              <WishSummary wish={wish} headingLevel={3} showCentre />
              {wish.answers.length > 0 && <Answers wish={wish} />}
              {answering === wish.id ? (
                <AnswerForm
                  wish={wish}
                  unit={unit}
                  onDone={() => setAnswering(null)}
                  onCancel={() => setAnswering(null)}
                />
              ) : (
                <Button variant="secondary" onClick={() => setAnswering(wish.id)}>
                  {t("visits.wishes.answer")}
                  <span className="visually-hidden"> {wish.centre.name}</span>
                </Button>
              )}
            </li>
          ))}
        </ul>
      </LoadingRegion>
    </section>
  );
}

/** The next date on the wished weekday (today included), or today. */
function nextDateOn(weekday: number | null): string {
  const today = localDate();
  if (!weekday) return today;
  const shift = (weekday - isoWeekday(today) + 7) % 7;
  return new Date(Date.parse(`${today}T12:00:00Z`) + shift * 86_400_000).toISOString().slice(0, 10);
}

function AnswerForm({ wish, unit, onDone, onCancel }: { wish: Wish; unit: { id: string; name: string }; onDone: () => void; onCancel: () => void }) {
  const t = useT();
  const { formatDayAndDate } = useFormatters();
  const spaces = useQuery(SpacesQuery, { centreId: wish.centre.id });
  const answer = useMutationResult(AnswerWishMutation, "AnswerVisitWishSuccess");
  const [spaceId, setSpaceId] = useState("");
  const [date, setDate] = useState(() => nextDateOn(wish.weekday ?? null));
  const [start, setStart] = useState(() => timeInputValue(wish.startMinute ?? 600));
  const [end, setEnd] = useState(() => timeInputValue(wish.endMinute ?? 720));
  const [weeks, setWeeks] = useState("1");
  const [title, setTitle] = useState(() => t("visits.wishes.answerTitleDefault", { unit: unit.name }));
  const [description, setDescription] = useState("");
  const [key, renewKey] = useIdempotencyKey();
  const [missing, setMissing] = useState<Record<string, string>>({});
  const conflict = answer.error?.typename === "VisitConflictError" ? (answer.error.payload as { conflictingVisit?: { title: string; serviceUnitName: string; startsAt: string } }).conflictingVisit : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!spaceId) errors["spaceId"] = t("visits.wishes.spaceMissing");
    const startMinute = parseTime(start);
    const endMinute = parseTime(end);
    if (startMinute === null) errors["startMinute"] = t("visits.wishes.timeMissing");
    if (endMinute === null) errors["endMinute"] = t("visits.wishes.timeMissing");
    setMissing(errors);
    if (Object.keys(errors).length > 0) return;
    const result = await answer.run({
      input: {
        wishId: wish.id,
        serviceUnitId: unit.id,
        spaceId,
        firstDate: date,
        startMinute: startMinute!,
        endMinute: endMinute!,
        weeks: Number(weeks) || 1,
        title: title.trim(),
        publicDescription: description.trim() || null,
        idempotencyKey: key,
      },
    });
    if (result.ok) {
      renewKey();
      onDone();
    }
  };
  const errorFor = (field: string) => missing[field] ?? answer.fieldError(field);
  const headingId = `answer-${wish.id}`;
  return (
    <form className="stack answer-form" noValidate onSubmit={(event) => void submit(event)} aria-labelledby={headingId}>
      <h4 id={headingId}>{t("visits.wishes.answerHeading", { centre: wish.centre.name })}</h4>
      {answer.error && (
        <Alert tone="error">
          {conflict
            ? t("visits.wishes.answerConflict", { title: conflict.title, service: conflict.serviceUnitName, date: formatDayAndDate(conflict.startsAt) })
            : answer.error.message}
        </Alert>
      )}
      <SelectField
        id={`${headingId}-space`}
        label={t("visits.book.space")}
        placeholder={t("visits.book.chooseSpace")}
        value={spaceId}
        onChange={(event) => setSpaceId(event.target.value)}
        options={(spaces.data?.spaces ?? []).filter((space) => space.isActive).map((space) => ({ value: space.id, label: space.name }))}
        error={errorFor("spaceId")}
      />
      <div className="form-row">
        <TextField id={`${headingId}-date`} type="date" label={t("visits.wishes.firstDate")} value={date} onChange={(event) => setDate(event.target.value)} error={errorFor("firstDate")} />
        <TextField id={`${headingId}-start`} type="time" label={t("visits.book.start")} value={start} onChange={(event) => setStart(event.target.value)} error={errorFor("startMinute")} />
        <TextField id={`${headingId}-end`} type="time" label={t("visits.book.end")} value={end} onChange={(event) => setEnd(event.target.value)} error={errorFor("endMinute")} />
        <TextField id={`${headingId}-weeks`} type="number" min={1} max={104} label={t("visits.wishes.weeks")} hint={t("visits.wishes.weeksHint")} value={weeks} onChange={(event) => setWeeks(event.target.value)} error={errorFor("weeks")} />
      </div>
      <TextField id={`${headingId}-title`} label={t("visits.wishes.answerTitle")} hint={t("visits.wishes.answerTitleHint")} value={title} onChange={(event) => setTitle(event.target.value)} error={errorFor("title")} />
      <TextArea id={`${headingId}-description`} label={t("visits.wishes.answerDescription")} optional rows={2} value={description} onChange={(event) => setDescription(event.target.value)} error={errorFor("publicDescription")} />
      <div className="cluster">
        <Button type="submit" busy={answer.running}>
          {t("visits.wishes.sendAnswer")}
        </Button>
        <Button variant="quiet" onClick={onCancel}>
          {t("visits.wishes.cancelAnswer")}
        </Button>
      </div>
    </form>
  );
}

/** For coordinators: open wishes across the area, with how many proposals each has had. */
export function AreaWishes() {
  const t = useT();
  const wishes = useQuery(AreaWishesQuery);
  const list = wishes.data?.areaVisitWishes ?? [];
  return (
    <section aria-labelledby="area-wishes-heading" className="stack">
      <h2 id="area-wishes-heading">{t("visits.wishes.areaHeading")}</h2>
      <p>{t("visits.wishes.areaIntro")}</p>
      <LoadingRegion busy={wishes.loading && !wishes.data}>
        {wishes.error && <Alert tone="error">{t("visits.loadError")}</Alert>}
        {wishes.data && list.length === 0 && <p>{t("visits.wishes.areaNone")}</p>}
        <ul className="visit-list">
          {list.map((wish) => (
            <li key={wish.id}>
              <WishSummary wish={wish} headingLevel={3} showCentre />
              <p className="visit-list__meta">{t("visits.wishes.noAnswers", { count: wish.answerCount })}</p>
            </li>
          ))}
        </ul>
      </LoadingRegion>
    </section>
  );
}
