// For centre admins: the spaces services can book, the weekly visiting windows, closed dates and
// the services whose bookings are confirmed at once.
import { useState, type FormEvent } from "react";
import { useMutationResult, useQuery } from "../../graphql.ts";
import { useT } from "../../i18n/i18n.tsx";
import { useFormatters } from "../../i18n/format.ts";
import { Alert } from "../../ui/Alert.tsx";
import { Button } from "../../ui/Button.tsx";
import { Card } from "../../ui/Card.tsx";
import { SelectField } from "../../ui/SelectField.tsx";
import { TextField } from "../../ui/TextField.tsx";
import { parseTime, timeInputValue } from "../../i18n/zoned-time.ts";
import {
  AddClosureMutation,
  CENTRE_WEEK_TYPENAMES,
  CentreWeekQuery,
  CreateSpaceMutation,
  RemoveClosureMutation,
  ServicesForTrustQuery,
  SetServiceTrustedMutation,
  SetVisitWindowsMutation,
  UpdateSpaceMutation,
} from "./documents.ts";
import { collisionsOf, PendingClosure, type CollisionDecision } from "./Collisions.tsx";
import "./visits.css";

type Space = { id: string; name: string; capacity: number; description?: string | null; isActive: boolean };

export function CentreSettings({ centreId, weekOf }: { centreId: string; weekOf: string }) {
  const t = useT();
  // Each change answers with the space, windows or closure it changed, which reloads the week.
  const week = useQuery(CentreWeekQuery, { centreId, weekOf }, { additionalTypenames: CENTRE_WEEK_TYPENAMES });
  const data = week.data;
  if (week.error && !data) return <Alert tone="error">{t("visits.loadError")}</Alert>;
  if (!data) return null;
  return (
    <div className="stack">
      <Spaces centreId={centreId} spaces={data.spaces} />
      <Windows centreId={centreId} windows={data.visitWindows} />
      <Closures centreId={centreId} closures={data.visitWindowClosures} />
      <TrustedServices centreId={centreId} />
    </div>
  );
}

function Spaces({ centreId, spaces }: { centreId: string; spaces: readonly Space[] }) {
  const t = useT();
  const [editing, setEditing] = useState<Space | null>(null);
  return (
    <Card title={t("visits.settings.spaces")} headingLevel={3}>
      {spaces.length === 0 ? (
        <p>{t("visits.settings.noSpaces")}</p>
      ) : (
        <ul className="visit-list">
          {spaces.map((space) => (
            <li key={space.id}>
              <h4 className="visit-list__title">
                {space.name} {!space.isActive && `(${t("visits.settings.inactive")})`}
              </h4>
              <p className="visit-list__meta">
                {t("visits.settings.capacityText", { count: space.capacity })}
                {space.description ? ` · ${space.description}` : ""}
              </p>
              <Button variant="secondary" onClick={() => setEditing(space)} aria-label={t("visits.settings.editSpaceLabel", { name: space.name })}>
                {t("visits.settings.editSpace")}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <SpaceForm key={editing?.id ?? "new"} centreId={centreId} space={editing} onDone={() => setEditing(null)} />
    </Card>
  );
}

function SpaceForm({ centreId, space, onDone }: { centreId: string; space: Space | null; onDone: () => void }) {
  const t = useT();
  const [name, setName] = useState(space?.name ?? "");
  const [capacity, setCapacity] = useState(String(space?.capacity ?? 1));
  const [description, setDescription] = useState(space?.description ?? "");
  const [isActive, setIsActive] = useState(space?.isActive ?? true);
  const create = useMutationResult(CreateSpaceMutation, "CreateSpaceSuccess");
  const update = useMutationResult(UpdateSpaceMutation, "UpdateSpaceSuccess");
  const mutation = space ? update : create;
  const [saved, setSaved] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const fields = { name: name.trim(), capacity: Number(capacity) || 1, description: description.trim() || null };
    const result = space ? await update.run({ input: { spaceId: space.id, ...fields, isActive } }) : await create.run({ input: { centreId, ...fields } });
    if (result.ok) {
      setSaved(fields.name);
      if (!space) {
        setName("");
        setDescription("");
        setCapacity("1");
      }
      onDone();
    }
  };
  const headingId = `space-form-${space?.id ?? "new"}`;
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="stack" aria-labelledby={headingId}>
      <h4 id={headingId}>{space ? t("visits.settings.editSpaceHeading", { name: space.name }) : t("visits.settings.newSpace")}</h4>
      {saved && <Alert tone="success">{t("visits.settings.spaceSaved", { name: saved })}</Alert>}
      {mutation.error && <Alert tone="error">{mutation.error.message}</Alert>}
      <div className="form-row">
        <TextField label={t("visits.settings.spaceName")} value={name} onChange={(event) => setName(event.target.value)} error={mutation.fieldError("name")} />
        <TextField label={t("visits.settings.capacity")} type="number" min={1} value={capacity} onChange={(event) => setCapacity(event.target.value)} error={mutation.fieldError("capacity")} />
      </div>
      <TextField label={t("visits.settings.spaceDescription")} optional value={description} onChange={(event) => setDescription(event.target.value)} error={mutation.fieldError("description")} />
      {space && (
        <SelectField
          label={t("visits.settings.spaceStatus")}
          value={isActive ? "active" : "inactive"}
          onChange={(event) => setIsActive(event.target.value === "active")}
          options={[
            { value: "active", label: t("visits.settings.active") },
            { value: "inactive", label: t("visits.settings.inactiveOption") },
          ]}
        />
      )}
      <div className="cluster">
        <Button type="submit" busy={mutation.running}>
          {space ? t("visits.settings.saveSpace") : t("visits.settings.createSpace")}
        </Button>
      </div>
    </form>
  );
}

type Window = { weekday: number; startMinute: number; endMinute: number };
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

function Windows({ centreId, windows }: { centreId: string; windows: readonly Window[] }) {
  const t = useT();
  const [rows, setRows] = useState(() =>
    WEEKDAYS.map((weekday) => {
      const window = windows.find((candidate) => candidate.weekday === weekday);
      return { weekday, start: window ? timeInputValue(window.startMinute) : "", end: window ? timeInputValue(window.endMinute) : "" };
    }),
  );
  const [invalid, setInvalid] = useState<number[]>([]);
  const [saved, setSaved] = useState(false);
  // Removing every window answers with an empty list, which names no type.
  const save = useMutationResult(SetVisitWindowsMutation, "SetVisitWindowsSuccess", { additionalTypenames: ["VisitWindow"] });
  const multiple = WEEKDAYS.some((weekday) => windows.filter((window) => window.weekday === weekday).length > 1);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const bad: number[] = [];
    const input: Window[] = [];
    for (const row of rows) {
      if (!row.start && !row.end) continue;
      const startMinute = parseTime(row.start);
      const endMinute = parseTime(row.end);
      if (startMinute === null || endMinute === null || endMinute <= startMinute) bad.push(row.weekday);
      else input.push({ weekday: row.weekday, startMinute, endMinute });
    }
    setInvalid(bad);
    if (bad.length > 0) return;
    const result = await save.run({ input: { centreId, windows: input } });
    if (result.ok) setSaved(true);
  };
  const update = (weekday: number, field: "start" | "end", value: string) =>
    setRows((previous) => previous.map((row) => (row.weekday === weekday ? { ...row, [field]: value } : row)));

  return (
    <Card title={t("visits.settings.windows")} headingLevel={3}>
      <p>{t("visits.settings.windowsIntro")}</p>
      {multiple && <Alert tone="warning">{t("visits.settings.windowsMultiple")}</Alert>}
      <form onSubmit={(event) => void submit(event)} noValidate className="stack">
        {saved && <Alert tone="success">{t("visits.settings.windowsSaved")}</Alert>}
        {save.error && <Alert tone="error">{save.error.message}</Alert>}
        <div className="table-scroll">
          <table className="window-editor">
            <caption className="visually-hidden">{t("visits.settings.windows")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("visits.settings.weekday")}</th>
                <th scope="col">{t("visits.settings.from")}</th>
                <th scope="col">{t("visits.settings.to")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const dayName = t(`visits.weekday.${row.weekday}` as "visits.weekday.1");
                const isInvalid = invalid.includes(row.weekday);
                return (
                  <tr key={row.weekday}>
                    <th scope="row">
                      {dayName}
                      {isInvalid && (
                        <span className="field__error" id={`window-error-${row.weekday}`}>
                          {" "}
                          {t("visits.settings.windowInvalid")}
                        </span>
                      )}
                    </th>
                    <td>
                      <input
                        type="time"
                        className="field__control"
                        aria-label={t("visits.settings.fromLabel", { day: dayName })}
                        aria-invalid={isInvalid || undefined}
                        aria-describedby={isInvalid ? `window-error-${row.weekday}` : undefined}
                        value={row.start}
                        onChange={(event) => update(row.weekday, "start", event.target.value)}
                      />
                    </td>
                    <td>
                      <input
                        type="time"
                        className="field__control"
                        aria-label={t("visits.settings.toLabel", { day: dayName })}
                        aria-invalid={isInvalid || undefined}
                        value={row.end}
                        onChange={(event) => update(row.weekday, "end", event.target.value)}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <p className="field__hint">{t("visits.settings.windowsHint")}</p>
        <div className="cluster">
          <Button type="submit" busy={save.running}>
            {t("visits.settings.saveWindows")}
          </Button>
        </div>
      </form>
    </Card>
  );
}

function Closures({ centreId, closures }: { centreId: string; closures: readonly { id: string; date: string; reason?: string | null }[] }) {
  const t = useT();
  const { formatDayAndDate } = useFormatters();
  const [date, setDate] = useState("");
  const [reason, setReason] = useState("");
  const add = useMutationResult(AddClosureMutation, "AddVisitWindowClosureSuccess");
  const remove = useMutationResult(RemoveClosureMutation, "RemoveVisitWindowClosureSuccess");
  // A closed date refused because it has booked visits waits here for the centre's decision.
  const [pending, setPending] = useState<{ date: string; reason: string | null } | null>(null);
  const collisions = collisionsOf(add.error);
  const save = async (input: { date: string; reason: string | null }, collidingVisits: CollisionDecision | null) => {
    const result = await add.run({ input: { centreId, ...input, collidingVisits } });
    setPending(!result.ok && collisionsOf(result.error) ? input : null);
    if (result.ok) {
      setDate("");
      setReason("");
    }
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await save({ date, reason: reason.trim() || null }, null);
  };
  return (
    <Card title={t("visits.settings.closures")} headingLevel={3}>
      <p>{t("visits.settings.closuresIntro")}</p>
      {remove.error && <Alert tone="error">{remove.error.message}</Alert>}
      {closures.length === 0 ? (
        <p>{t("visits.settings.noClosures")}</p>
      ) : (
        <ul>
          {closures.map((closure) => (
            <li key={closure.id} className="cluster">
              <span>
                {formatDayAndDate(closure.date)}
                {closure.reason ? `: ${closure.reason}` : ""}
              </span>
              <Button
                variant="secondary"
                busy={remove.running}
                onClick={() => void remove.run({ input: { closureId: closure.id } })}
                aria-label={t("visits.settings.reopenLabel", { date: formatDayAndDate(closure.date) })}
              >
                {t("visits.settings.reopen")}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <PendingClosure pending={pending} error={add.error} busy={add.running} onDecide={(input, decision) => void save(input, decision)} onAbandon={() => { setPending(null); add.reset(); }} />
      <form onSubmit={(event) => void submit(event)} noValidate className="stack">
        {add.error && !collisions && <Alert tone="error">{add.error.message}</Alert>}
        <div className="form-row">
          <TextField label={t("visits.settings.closureDate")} type="date" value={date} onChange={(event) => setDate(event.target.value)} error={add.fieldError("date")} />
          <TextField label={t("visits.settings.closureReason")} optional value={reason} onChange={(event) => setReason(event.target.value)} error={add.fieldError("reason")} />
        </div>
        <div className="cluster">
          <Button type="submit" busy={add.running}>
            {t("visits.settings.addClosure")}
          </Button>
        </div>
      </form>
    </Card>
  );
}

function TrustedServices({ centreId }: { centreId: string }) {
  const t = useT();
  const services = useQuery(ServicesForTrustQuery);
  const [serviceUnitId, setServiceUnitId] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const trust = useMutationResult(SetServiceTrustedMutation, "SetServiceTrustedSuccess");
  const list = services.data?.services.edges.map((edge) => edge.node) ?? [];
  const run = async (isTrusted: boolean) => {
    setMessage(null);
    const service = list.find((candidate) => candidate.unitId === serviceUnitId);
    if (!service) return;
    const result = await trust.run({ input: { centreId, serviceUnitId, isTrusted } });
    if (result.ok) setMessage(t(result.value.data ? "visits.settings.trusted" : "visits.settings.untrusted", { name: service.name }));
  };
  return (
    <Card title={t("visits.settings.trust")} headingLevel={3}>
      <p>{t("visits.settings.trustIntro")}</p>
      {message && <Alert tone="success">{message}</Alert>}
      {trust.error && <Alert tone="error">{trust.error.message}</Alert>}
      <SelectField
        label={t("visits.settings.service")}
        value={serviceUnitId}
        onChange={(event) => setServiceUnitId(event.target.value)}
        placeholder={t("visits.settings.chooseService")}
        options={list.map((service) => ({ value: service.unitId, label: service.name }))}
      />
      <div className="cluster">
        <Button onClick={() => void run(true)} busy={trust.running} disabled={!serviceUnitId}>
          {t("visits.settings.trustButton")}
        </Button>
        <Button variant="secondary" onClick={() => void run(false)} busy={trust.running} disabled={!serviceUnitId}>
          {t("visits.settings.untrustButton")}
        </Button>
      </div>
    </Card>
  );
}
