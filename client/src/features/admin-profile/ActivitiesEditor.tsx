// Activities at, from or without the centre: weekly or one-off. Create, change and delete.
import { useEffect, useState, type FormEvent } from "react";
import { useMutationResult } from "../../graphql.ts";
import { useLanguage, useT } from "../../i18n/i18n.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { Button } from "../../ui/Button.tsx";
import { Card } from "../../ui/Card.tsx";
import { RadioGroup } from "../../ui/ChoiceGroup.tsx";
import { Dialog } from "../../ui/Dialog.tsx";
import { EmptyState } from "../../ui/EmptyState.tsx";
import { SelectField } from "../../ui/SelectField.tsx";
import { TextArea } from "../../ui/TextArea.tsx";
import { TextField } from "../../ui/TextField.tsx";
import { weekdayName } from "../directory/labels.ts";
import { SavedNote } from "./AdminPage.tsx";
import { CreateActivityMutation, DeleteActivityMutation, UpdateActivityMutation } from "./documents.ts";
import { localDate, localMinutes, parseTime, timeInputValue, zonedIso } from "../../i18n/zoned-time.ts";
import { WEEKDAYS } from "./time.ts";

type Location = "ON_SITE" | "OFF_SITE" | "LOCATION_LESS";
type Recurrence = "WEEKLY" | "ONE_OFF";
type Activity = {
  id: string;
  title: string;
  description?: string | null;
  location: Location;
  place?: string | null;
  recurrence: Recurrence;
  weekday?: number | null;
  startMinute?: number | null;
  endMinute?: number | null;
  startsAt?: string | null;
  endsAt?: string | null;
  whenDa: string;
  whenEn: string;
};
type Draft = { title: string; description: string; location: Location; place: string; recurrence: Recurrence; weekday: string; date: string; start: string; end: string };

const EMPTY: Draft = { title: "", description: "", location: "ON_SITE", place: "", recurrence: "WEEKLY", weekday: "", date: "", start: "", end: "" };
const LOCATIONS: readonly Location[] = ["ON_SITE", "OFF_SITE", "LOCATION_LESS"];

function draftOf(activity: Activity): Draft {
  const starts = activity.startsAt ? { date: localDate(activity.startsAt), minutes: localMinutes(activity.startsAt) } : null;
  const ends = activity.endsAt ? { date: localDate(activity.endsAt), minutes: localMinutes(activity.endsAt) } : null;
  return {
    title: activity.title,
    description: activity.description ?? "",
    location: activity.location,
    place: activity.place ?? "",
    recurrence: activity.recurrence,
    weekday: activity.weekday ? String(activity.weekday) : "",
    date: starts?.date ?? "",
    start: activity.recurrence === "WEEKLY" ? timeInputValue(activity.startMinute) : timeInputValue(starts?.minutes),
    end: activity.recurrence === "WEEKLY" ? timeInputValue(activity.endMinute) : timeInputValue(ends?.minutes),
  };
}

export function ActivitiesEditor({ centreId, activities }: { centreId: string; activities: readonly Activity[] }) {
  const t = useT();
  const { language } = useLanguage();
  const remove = useMutationResult(DeleteActivityMutation, "DeleteActivitySuccess");
  const [editing, setEditing] = useState<Activity | null>(null);
  const [confirming, setConfirming] = useState<Activity | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const confirmDelete = async () => {
    if (!confirming) return;
    const outcome = await remove.run({ input: { activityId: confirming.id } });
    if (outcome.ok) {
      setNotice(t("adminProfile.activities.deleted", { title: confirming.title }));
      if (editing?.id === confirming.id) setEditing(null);
      setConfirming(null);
    }
  };

  return (
    <Card title={<span id="aktiviteter">{t("adminProfile.activities.title")}</span>}>
      <p>{t("adminProfile.activities.intro")}</p>
      <SavedNote show={notice !== null}>{notice}</SavedNote>
      <h3>{t("adminProfile.activities.listTitle")}</h3>
      {activities.length === 0 ? (
        <EmptyState title={t("adminProfile.activities.empty")} headingLevel={4} />
      ) : (
        <ul className="admin-list">
          {activities.map((activity) => (
            <li key={activity.id} className="admin-list__item">
              <span>
                <strong>{activity.title}</strong> – {language === "da" ? activity.whenDa : activity.whenEn}
                {activity.location !== "ON_SITE" && <> ({t(`adminProfile.activities.location.${activity.location}`)}{activity.place ? `: ${activity.place}` : ""})</>}
              </span>
              <span className="cluster">
                <Button variant="secondary" onClick={() => { setNotice(null); setEditing(activity); }}>
                  {t("adminProfile.activities.edit")}
                  <span className="visually-hidden"> {activity.title}</span>
                </Button>
                <Button variant="quiet" onClick={() => { remove.reset(); setConfirming(activity); }}>
                  {t("adminProfile.activities.delete")}
                  <span className="visually-hidden"> {activity.title}</span>
                </Button>
              </span>
            </li>
          ))}
        </ul>
      )}
      <ActivityForm
        key={editing?.id ?? "new"}
        centreId={centreId}
        activity={editing}
        onDone={(message) => {
          setNotice(message);
          setEditing(null);
        }}
        onCancel={() => setEditing(null)}
      />
      <Dialog
        open={confirming !== null}
        onClose={() => setConfirming(null)}
        title={t("adminProfile.activities.confirmTitle", { title: confirming?.title ?? "" })}
        actions={
          <>
            <Button variant="danger" busy={remove.running} onClick={() => void confirmDelete()}>
              {t("adminProfile.activities.confirmDelete")}
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(null)}>
              {t("adminProfile.cancel")}
            </Button>
          </>
        }
      >
        <p>{t("adminProfile.activities.confirmBody")}</p>
        {remove.error && <Alert tone="error">{remove.error.message}</Alert>}
      </Dialog>
    </Card>
  );
}

function ActivityForm({ centreId, activity, onDone, onCancel }: { centreId: string; activity: Activity | null; onDone: (message: string) => void; onCancel: () => void }) {
  const t = useT();
  const create = useMutationResult(CreateActivityMutation, "CreateActivitySuccess");
  const update = useMutationResult(UpdateActivityMutation, "UpdateActivitySuccess");
  const [draft, setDraft] = useState<Draft>(() => (activity ? draftOf(activity) : EMPTY));
  const [missing, setMissing] = useState<Record<string, string>>({});
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((previous) => ({ ...previous, [key]: value }));
  const mutation = activity ? update : create;
  // Choosing "Ret" swaps this form to the activity: start there.
  useEffect(() => {
    if (activity) document.getElementById("activity-title")?.focus();
  }, [activity]);
  const errorFor = (...fields: string[]) => fields.map((field) => missing[field] ?? mutation.fieldError(field)).find(Boolean);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!draft.title.trim()) errors["title"] = t("adminProfile.activities.titleMissing");
    const start = parseTime(draft.start);
    const end = parseTime(draft.end);
    if (start === null) errors["startMinute"] = t("adminProfile.hours.timeMissing");
    if (end === null) errors["endMinute"] = t("adminProfile.hours.timeMissing");
    if (draft.recurrence === "WEEKLY" && !draft.weekday) errors["weekday"] = t("adminProfile.activities.weekdayMissing");
    if (draft.recurrence === "ONE_OFF" && !draft.date) errors["startsAt"] = t("adminProfile.activities.dateMissing");
    if (draft.location === "OFF_SITE" && !draft.place.trim()) errors["place"] = t("adminProfile.activities.placeMissing");
    setMissing(errors);
    if (Object.keys(errors).length > 0 || start === null || end === null) return;
    const weekly = draft.recurrence === "WEEKLY";
    const fields = {
      title: draft.title.trim(),
      description: draft.description.trim() || null,
      location: draft.location,
      place: draft.location === "ON_SITE" ? null : draft.place.trim() || null,
      recurrence: draft.recurrence,
      weekday: weekly ? Number(draft.weekday) : null,
      startMinute: weekly ? start : null,
      endMinute: weekly ? (end === 0 ? 1440 : end) : null,
      startsAt: weekly ? null : zonedIso(draft.date, start),
      // An end before the start runs past midnight.
      endsAt: weekly ? null : zonedIso(draft.date, end <= start ? end + 1440 : end),
    };
    const outcome = activity ? await update.run({ input: { activityId: activity.id, ...fields } }) : await create.run({ input: { centreId, ...fields } });
    if (outcome.ok) {
      onDone(t(activity ? "adminProfile.activities.updated" : "adminProfile.activities.created", { title: fields.title }));
      if (!activity) setDraft(EMPTY);
    }
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="stack admin-form" aria-labelledby="activity-form-title">
      <h3 id="activity-form-title">{activity ? t("adminProfile.activities.editTitle", { title: activity.title }) : t("adminProfile.activities.createTitle")}</h3>
      {mutation.error && <Alert tone="error">{mutation.error.message}</Alert>}
      <TextField id="activity-title" label={t("adminProfile.activities.titleLabel")} value={draft.title} onChange={(event) => set("title", event.target.value)} error={errorFor("title")} />
      <TextArea id="activity-description" rows={3} optional label={t("adminProfile.activities.description")} value={draft.description} onChange={(event) => set("description", event.target.value)} error={errorFor("description")} />
      <RadioGroup
        id="activity-location"
        name="activityLocation"
        legend={t("adminProfile.activities.where")}
        options={LOCATIONS.map((value) => ({ value, label: t(`adminProfile.activities.location.${value}`), hint: t(`adminProfile.activities.locationHint.${value}`) }))}
        value={draft.location}
        onChange={(value) => set("location", LOCATIONS.find((location) => location === value) ?? "ON_SITE")}
        error={errorFor("location")}
      />
      {draft.location !== "ON_SITE" && (
        <TextField id="activity-place" optional={draft.location === "LOCATION_LESS"} label={t("adminProfile.activities.place")} hint={t("adminProfile.activities.placeHint")} value={draft.place} onChange={(event) => set("place", event.target.value)} error={errorFor("place")} />
      )}
      <RadioGroup
        id="activity-recurrence"
        name="activityRecurrence"
        inline
        legend={t("adminProfile.activities.when")}
        options={[
          { value: "WEEKLY", label: t("adminProfile.activities.weekly") },
          { value: "ONE_OFF", label: t("adminProfile.activities.oneOff") },
        ]}
        value={draft.recurrence}
        onChange={(value) => set("recurrence", value === "ONE_OFF" ? "ONE_OFF" : "WEEKLY")}
        error={errorFor("recurrence")}
      />
      <div className="admin-row">
        {draft.recurrence === "WEEKLY" ? (
          <SelectField
            id="activity-weekday"
            label={t("adminProfile.activities.weekday")}
            placeholder={t("adminProfile.activities.weekdayPlaceholder")}
            options={WEEKDAYS.map((weekday) => ({ value: String(weekday), label: weekdayName(t, weekday) }))}
            value={draft.weekday}
            onChange={(event) => set("weekday", event.target.value)}
            error={errorFor("weekday")}
          />
        ) : (
          <TextField id="activity-date" type="date" label={t("adminProfile.activities.date")} value={draft.date} onChange={(event) => set("date", event.target.value)} error={errorFor("startsAt")} />
        )}
        <TextField id="activity-start" type="time" className="admin-row__short" label={t("adminProfile.activities.from")} value={draft.start} onChange={(event) => set("start", event.target.value)} error={errorFor("startMinute")} />
        <TextField id="activity-end" type="time" className="admin-row__short" label={t("adminProfile.activities.to")} value={draft.end} onChange={(event) => set("end", event.target.value)} error={errorFor("endMinute", "endsAt")} />
      </div>
      <div className="cluster">
        <Button type="submit" busy={mutation.running}>
          {activity ? t("adminProfile.activities.saveChanges") : t("adminProfile.activities.create")}
        </Button>
        {activity && (
          <Button variant="secondary" onClick={onCancel}>
            {t("adminProfile.cancel")}
          </Button>
        )}
      </div>
    </form>
  );
}
