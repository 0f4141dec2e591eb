// The centre's rota for its staff and admins: generate shifts from the opening hours, see the
// key-holder gaps, mark a gap "kan blive aflyst", mark trained key holders, see volunteer hours
// per month, and handle calls for volunteers and applications (admins).
import { useState, type FormEvent } from "react";
import { useMutationResult, useQuery } from "../../graphql.ts";
import { useFormatters } from "../../i18n/format.ts";
import { useT } from "../../i18n/i18n.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { Button } from "../../ui/Button.tsx";
import { PageHeading } from "../../ui/PageHeading.tsx";
import { LoadingRegion } from "../../ui/Spinner.tsx";
import { TextArea } from "../../ui/TextArea.tsx";
import { TextField } from "../../ui/TextField.tsx";
import {
  AcceptApplicationMutation,
  CentreRotaQuery,
  CentreVolunteersQuery,
  DeclineApplicationMutation,
  GenerateRotaMutation,
  RecruitingAdminQuery,
  SaveVolunteerCallMutation,
  SetRotaGapReminderDaysMutation,
  SetShiftMayBeCancelledMutation,
  SetTrainedKeyHolderMutation,
} from "./documents.ts";
import { ShiftCard } from "./ShiftCard.tsx";
import "./volunteers.css";

const HORIZON_DAYS = 42;

function localToday(): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Copenhagen" }).format(new Date());
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function RotaAdminPage({ centreId }: { centreId: string }) {
  const t = useT();
  const [fromDate] = useState(localToday);
  const toDate = addDays(fromDate, HORIZON_DAYS - 1);
  // The rota may hold no shifts yet, and generating answers with counts only: both name Shift.
  const rota = useQuery(CentreRotaQuery, { centreId, fromDate, toDate }, { additionalTypenames: ["Shift"] });
  const generate = useMutationResult(GenerateRotaMutation, "GenerateRotaSuccess", { additionalTypenames: ["Shift"] });
  const mark = useMutationResult(SetShiftMayBeCancelledMutation, "SetShiftMayBeCancelledSuccess");
  const [notice, setNotice] = useState<string | null>(null);

  const shifts = rota.data?.centreRota ?? [];
  const gaps = shifts.filter((shift) => shift.isKeyHolderGap);

  const onGenerate = async () => {
    const result = await generate.run({ input: { centreId, fromDate, toDate } });
    if (result.ok) setNotice(t("volunteers.rota.generated", result.value.summary));
  };

  return (
    <>
      <PageHeading lead={t("volunteers.rota.lead")}>{t("volunteers.rota.title", { centre: rota.data?.centre?.name ?? "" })}</PageHeading>
      <div className="stack">
        {notice && <Alert tone="success">{notice}</Alert>}
        {(generate.error ?? mark.error) && <Alert tone="error">{(generate.error ?? mark.error)!.message}</Alert>}
        <div className="cluster">
          <Button onClick={() => void onGenerate()} busy={generate.running}>
            {t("volunteers.rota.generate")}
          </Button>
        </div>
        <LoadingRegion busy={rota.loading && !rota.data}>
          {rota.error && <Alert tone="error">{t("volunteers.loadError")}</Alert>}
          {rota.data && (
            <section aria-labelledby="rota-heading" className="stack">
              <h2 id="rota-heading">{t("volunteers.rota.shifts")}</h2>
              <Alert tone={gaps.length > 0 ? "warning" : "success"}>
                {gaps.length > 0 ? t("volunteers.rota.gaps", { count: gaps.length }) : t("volunteers.rota.noGaps")}
              </Alert>
              {shifts.length === 0 ? (
                <p>{t("volunteers.rota.none")}</p>
              ) : (
                <ul className="shift-list">
                  {shifts.map((shift) => (
                    <ShiftCard
                      key={shift.id}
                      shift={shift}
                      showCentre={false}
                      actions={
                        (shift.isKeyHolderGap || shift.mayBeCancelled) && (
                          <Button
                            variant="secondary"
                            busy={mark.running}
                            onClick={() => void mark.run({ input: { shiftId: shift.id, mayBeCancelled: !shift.mayBeCancelled } })}
                          >
                            {t(shift.mayBeCancelled ? "volunteers.rota.clearMayBeCancelled" : "volunteers.rota.markMayBeCancelled")}
                          </Button>
                        )
                      }
                    />
                  ))}
                </ul>
              )}
            </section>
          )}
        </LoadingRegion>
        <VolunteersAndHours centreId={centreId} />
        <Recruiting centreId={centreId} />
      </div>
    </>
  );
}

function VolunteersAndHours({ centreId }: { centreId: string }) {
  const t = useT();
  const query = useQuery(CentreVolunteersQuery, { centreId });
  const setKeyHolder = useMutationResult(SetTrainedKeyHolderMutation, "SetTrainedKeyHolderSuccess");
  if (!query.data) return null;
  return (
    <>
      <section aria-labelledby="volunteers-heading" className="stack">
        <h2 id="volunteers-heading">{t("volunteers.rota.keyHolders")}</h2>
        {setKeyHolder.error && <Alert tone="error">{setKeyHolder.error.message}</Alert>}
        {query.data.centreVolunteers.length === 0 ? (
          <p>{t("volunteers.rota.noVolunteers")}</p>
        ) : (
          <ul>
            {query.data.centreVolunteers.map((volunteer) => (
              <li key={volunteer.userId}>
                <label>
                  <input
                    type="checkbox"
                    checked={volunteer.isKeyHolder}
                    onChange={(event) => void setKeyHolder.run({ input: { centreId, userId: volunteer.userId, isKeyHolder: event.target.checked } })}
                  />{" "}
                  {volunteer.name} – {t("volunteers.rota.isKeyHolder")}
                </label>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="hours-heading" className="stack">
        <h2 id="hours-heading">{t("volunteers.rota.hours")}</h2>
        <p>{t("volunteers.rota.hoursNote")}</p>
        <table className="volunteer-table">
          <thead>
            <tr>
              <th scope="col">{t("volunteers.rota.month")}</th>
              <th scope="col">{t("volunteers.rota.hoursColumn")}</th>
              <th scope="col">{t("volunteers.rota.shiftsColumn")}</th>
            </tr>
          </thead>
          <tbody>
            {query.data.volunteerHours.map((month) => (
              <tr key={month.month}>
                <th scope="row">{month.month}</th>
                <td>{month.hours}</td>
                <td>{month.shifts}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

function Recruiting({ centreId }: { centreId: string }) {
  const t = useT();
  const { formatDate } = useFormatters();
  // A new call reloads the list even when the centre had none yet.
  const query = useQuery(RecruitingAdminQuery, { centreId }, { additionalTypenames: ["VolunteerCall"] });
  const accept = useMutationResult(AcceptApplicationMutation, "AcceptVolunteerApplicationSuccess");
  // The answer holds only the id of the application it deleted.
  const decline = useMutationResult(DeclineApplicationMutation, "DeclineVolunteerApplicationSuccess", { additionalTypenames: ["VolunteerApplication"] });
  const save = useMutationResult(SaveVolunteerCallMutation, "SaveVolunteerCallSuccess");
  const [invitation, setInvitation] = useState<{ url: string | null } | null>(null);
  const [call, setCall] = useState({ title: "", whenText: "", skills: "" });
  // Only the centre's admins may see applications; for other staff this section stays away.
  if (!query.data) return null;

  const onSave = async (event: FormEvent) => {
    event.preventDefault();
    const result = await save.run({ input: { centreId, ...call, isPublished: true } });
    if (result.ok) setCall({ title: "", whenText: "", skills: "" });
  };
  const received = query.data.volunteerApplications.filter((application) => application.status === "RECEIVED");
  return (
    <>
      <GapReminderSetting centreId={centreId} days={query.data.centre?.rotaGapReminderDays ?? 3} />
      <section aria-labelledby="applications-heading" className="stack">
        <h2 id="applications-heading">{t("volunteers.rota.applications")}</h2>
        {(accept.error ?? decline.error) && <Alert tone="error">{(accept.error ?? decline.error)!.message}</Alert>}
        {invitation && (
          <Alert tone="success" title={t("volunteers.rota.accepted")}>
            {invitation.url ? (
              <>
                <p>{t("volunteers.rota.invitationLink")}</p>
                <p className="feed-url">{invitation.url}</p>
              </>
            ) : (
              <p>{t("volunteers.rota.existingUser")}</p>
            )}
          </Alert>
        )}
        {received.length === 0 ? (
          <p>{t("volunteers.rota.noApplications")}</p>
        ) : (
          <ul className="shift-list">
            {received.map((application) => (
              <li key={application.id} className="shift-card">
                <h3 className="shift-card__title">{application.name}</h3>
                <p>
                  {application.email}
                  {application.phone ? ` · ${application.phone}` : ""}
                </p>
                {application.call && <p>{application.call.title}</p>}
                {application.message && <p>{application.message}</p>}
                <p>{t("volunteers.rota.deleteAfter", { date: formatDate(application.deleteAfter) })}</p>
                <div className="cluster">
                  <Button
                    busy={accept.running}
                    onClick={async () => {
                      const result = await accept.run({ input: { applicationId: application.id } });
                      if (result.ok) setInvitation({ url: result.value.invitation.passwordLinkUrl ?? null });
                    }}
                  >
                    {t("volunteers.rota.accept")}
                  </Button>
                  <Button
                    variant="danger"
                    busy={decline.running}
                    onClick={() => void decline.run({ input: { applicationId: application.id } })}
                  >
                    {t("volunteers.rota.decline")}
                  </Button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="calls-heading" className="stack">
        <h2 id="calls-heading">{t("volunteers.rota.calls")}</h2>
        <ul>
          {query.data.centreVolunteerCalls.map((existing) => (
            <li key={existing.id}>
              <strong>{existing.title}</strong> – {existing.whenText}
            </li>
          ))}
        </ul>
        <form className="stack" onSubmit={(event) => void onSave(event)}>
          <h3>{t("volunteers.rota.newCall")}</h3>
          {save.error && <Alert tone="error">{save.error.message}</Alert>}
          <TextField label={t("volunteers.rota.callTitle")} value={call.title} error={save.fieldError("title")} onChange={(event) => setCall({ ...call, title: event.target.value })} />
          <TextField label={t("volunteers.rota.callWhen")} value={call.whenText} error={save.fieldError("whenText")} onChange={(event) => setCall({ ...call, whenText: event.target.value })} />
          <TextArea label={t("volunteers.rota.callSkills")} optional value={call.skills} onChange={(event) => setCall({ ...call, skills: event.target.value })} />
          <div className="cluster">
            <Button type="submit" busy={save.running}>
              {t("volunteers.rota.saveCall")}
            </Button>
          </div>
        </form>
      </section>
    </>
  );
}

// Admins only (shown inside the admins' section): how many days ahead the centre's volunteers
// are reminded of a shift that still has no key holder.
function GapReminderSetting({ centreId, days }: { centreId: string; days: number }) {
  const t = useT();
  const [value, setValue] = useState(String(days));
  const [saved, setSaved] = useState(false);
  const save = useMutationResult(SetRotaGapReminderDaysMutation, "SetRotaGapReminderDaysSuccess");
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const result = await save.run({ input: { centreId, days: Number(value) } });
    if (result.ok) {
      setValue(String(result.value.centre.rotaGapReminderDays ?? value));
      setSaved(true);
    }
  };
  return (
    <section aria-labelledby="reminder-heading" className="stack">
      <h2 id="reminder-heading">{t("volunteers.rota.reminderTitle")}</h2>
      <p>{t("volunteers.rota.reminderHint")}</p>
      {saved && <Alert tone="success">{t("volunteers.rota.reminderSaved")}</Alert>}
      {save.error && <Alert tone="error">{save.error.message}</Alert>}
      <form className="stack" onSubmit={(event) => void onSubmit(event)}>
        <TextField label={t("volunteers.rota.reminderDays")} type="number" inputMode="numeric" min={0} max={30} value={value} onChange={(event) => setValue(event.target.value)} />
        <div className="cluster">
          <Button type="submit" busy={save.running}>
            {t("volunteers.rota.reminderSave")}
          </Button>
        </div>
      </form>
    </section>
  );
}
