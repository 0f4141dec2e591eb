// /indstillinger/notifikationer — per kind: at once / daily summary / no e-mail (and SMS),
// the summary's hour, language and mobile number; for unit admins also the unit's shared
// mailbox and the messages that did not arrive. Every e-mail's List-Unsubscribe links here.
import { useEffect, useState, type FormEvent } from "react";
import { requestErrorMessage, useMutationResult, useQuery } from "../../graphql.ts";
import { useFormatters } from "../../i18n/format.ts";
import { useLanguage, useT } from "../../i18n/i18n.tsx";
import { useDocumentTitle } from "../../page-navigation.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { Button } from "../../ui/Button.tsx";
import { PageHeading } from "../../ui/PageHeading.tsx";
import { SelectField } from "../../ui/SelectField.tsx";
import { LoadingRegion } from "../../ui/Spinner.tsx";
import { TextField } from "../../ui/TextField.tsx";
import { useViewer } from "../accounts/viewer.tsx";
import {
  NotificationPreferencesQuery,
  SetUnitMailboxMutation,
  UnitMailboxQuery,
  UpdateNotificationPreferencesMutation,
} from "./documents.ts";
import "./notifications.css";

type Mode = "IMMEDIATE" | "DIGEST" | "OFF";
type KindChoice = { kind: string; mode: Mode; sms: boolean; label: string; labelDa: string };
const MODES: Mode[] = ["IMMEDIATE", "DIGEST", "OFF"];

export function PreferencesPage() {
  const t = useT();
  useDocumentTitle(t("notifications.preferences.title"));
  const { me } = useViewer();
  if (me === null) {
    return (
      <>
        <PageHeading>{t("notifications.preferences.title")}</PageHeading>
        <Alert>{t("notifications.signIn")}</Alert>
      </>
    );
  }
  const administered = (me?.memberships ?? []).filter((membership) => membership.role === "UNIT_ADMIN").map((membership) => membership.unit);
  return (
    <>
      <PageHeading lead={t("notifications.preferences.lead")}>{t("notifications.preferences.title")}</PageHeading>
      <PersonalPreferences />
      {administered.map((unit) => (
        <UnitMailbox key={unit.id} unitId={unit.id} unitName={unit.name} />
      ))}
    </>
  );
}

function PersonalPreferences() {
  const t = useT();
  const { language } = useLanguage();
  const { formatDateTime } = useFormatters();
  const { data, loading, error } = useQuery(NotificationPreferencesQuery);
  const save = useMutationResult(UpdateNotificationPreferencesMutation, "UpdateNotificationPreferencesSuccess");
  const [locale, setLocale] = useState("da");
  const [digestHour, setDigestHour] = useState("8");
  const [phone, setPhone] = useState("");
  const [kinds, setKinds] = useState<KindChoice[]>([]);
  const preferences = data?.notificationPreferences;

  useEffect(() => {
    if (!preferences) return;
    setLocale(preferences.locale);
    setDigestHour(String(preferences.digestHour));
    setPhone(preferences.phone ?? "");
    setKinds(preferences.kinds.map((kind) => ({ ...kind, mode: kind.mode as Mode })));
  }, [preferences]);

  // The saved NotificationPreferences in the answer reload the query showing them.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void save.run({
      input: {
        locale,
        digestHour: Number(digestHour),
        phone,
        kinds: kinds.map((kind) => ({ kind: kind.kind as never, mode: kind.mode, sms: kind.sms })),
      },
    });
  };
  const onClearBounce = () => void save.run({ input: { clearEmailBounce: true } });
  const update = (kind: string, change: Partial<KindChoice>) => setKinds((previous) => previous.map((choice) => (choice.kind === kind ? { ...choice, ...change } : choice)));

  return (
    <LoadingRegion busy={loading}>
      {error && <Alert tone="error">{requestErrorMessage(error, t)}</Alert>}
      {preferences?.emailBouncedAt && (
        <Alert tone="warning">
          <p>{t("notifications.preferences.bounced", { when: formatDateTime(preferences.emailBouncedAt) })}</p>
          <Button variant="secondary" busy={save.running} onClick={() => void onClearBounce()}>
            {t("notifications.preferences.clearBounce")}
          </Button>
        </Alert>
      )}
      {preferences && (
        <form onSubmit={onSubmit} noValidate>
          {save.error && <Alert tone="error">{save.error.message}</Alert>}
          {save.success && <Alert tone="success">{t("notifications.preferences.saved")}</Alert>}
          <SelectField
            label={t("notifications.preferences.language")}
            value={locale}
            onChange={(event) => setLocale(event.target.value)}
            options={[
              { value: "da", label: "Dansk" },
              { value: "en", label: "English" },
            ]}
            error={save.fieldError("locale")}
          />
          <SelectField
            label={t("notifications.preferences.digestHour")}
            value={digestHour}
            onChange={(event) => setDigestHour(event.target.value)}
            options={Array.from({ length: 24 }, (_, hour) => ({ value: String(hour), label: t("notifications.preferences.digestHourOption", { hour: String(hour).padStart(2, "0") }) }))}
            error={save.fieldError("digestHour")}
          />
          <TextField
            label={t("notifications.preferences.phone")}
            hint={t("notifications.preferences.phoneHint")}
            type="tel"
            autoComplete="tel"
            optional
            value={phone}
            onChange={(event) => setPhone(event.target.value)}
            error={save.fieldError("phone")}
          />
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="notification-kinds-caption">
            <table className="notification-kinds">
              <caption id="notification-kinds-caption">{t("notifications.preferences.kinds")}</caption>
              <tbody>
                {kinds.map((choice) => {
                  const label = language === "da" ? choice.labelDa : choice.label;
                  return (
                    <tr key={choice.kind}>
                      <th scope="row">{label}</th>
                      <td>
                        <select
                          aria-label={label}
                          className="field__control field__control--select"
                          value={choice.mode}
                          onChange={(event) => update(choice.kind, { mode: event.target.value as Mode })}
                        >
                          {MODES.map((mode) => (
                            <option key={mode} value={mode}>
                              {t(`notifications.preferences.mode.${mode}`)}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td>
                        <label>
                          <input
                            type="checkbox"
                            checked={choice.sms}
                            disabled={choice.mode !== "IMMEDIATE"}
                            onChange={(event) => update(choice.kind, { sms: event.target.checked })}
                          />{" "}
                          {t("notifications.preferences.sms")}
                          <span className="visually-hidden">: {label}</span>
                        </label>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <p>
            <Button type="submit" busy={save.running}>
              {t("notifications.preferences.save")}
            </Button>
          </p>
        </form>
      )}
    </LoadingRegion>
  );
}

function UnitMailbox({ unitId, unitName }: { unitId: string; unitName: string }) {
  const t = useT();
  const { formatDateTime } = useFormatters();
  const { data } = useQuery(UnitMailboxQuery, { unitId });
  const save = useMutationResult(SetUnitMailboxMutation, "SetUnitNotificationMailboxSuccess");
  const [email, setEmail] = useState<string | null>(null);
  const current = email ?? data?.unitNotificationMailbox.email ?? "";
  const failed = data?.failedNotificationDeliveries ?? [];

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const outcome = await save.run({ input: { unitId, email: current } });
    // The UnitNotificationMailbox in the answer reloads the query showing it.
    if (outcome.ok) setEmail(null);
  };

  return (
    <section className="notification-section" aria-labelledby={`mailbox-${unitId}`}>
      <h2 id={`mailbox-${unitId}`}>{t("notifications.preferences.mailboxTitle", { unit: unitName })}</h2>
      {data?.unitNotificationMailbox.bouncedAt && <Alert tone="warning">{t("notifications.preferences.mailboxBounced")}</Alert>}
      <form onSubmit={onSubmit} noValidate>
        {save.success && <Alert tone="success">{t("notifications.preferences.mailboxSaved")}</Alert>}
        <TextField
          label={t("notifications.preferences.mailbox")}
          hint={t("notifications.preferences.mailboxHint")}
          type="email"
          optional
          value={current}
          onChange={(event) => setEmail(event.target.value)}
          error={save.fieldError("email") ?? (save.error && !save.error.fieldErrors["email"] ? save.error.message : undefined)}
        />
        <Button type="submit" variant="secondary" busy={save.running}>
          {t("notifications.preferences.mailboxSave")}
        </Button>
      </form>
      <h3>{t("notifications.preferences.failedTitle", { unit: unitName })}</h3>
      {data && failed.length === 0 && <p>{t("notifications.preferences.failedNone")}</p>}
      {failed.length > 0 && (
        <ul>
          {failed.map((delivery) => (
            <li key={delivery.id}>
              {t("notifications.preferences.failedRow", {
                when: formatDateTime(delivery.createdAt),
                address: delivery.address,
                status: delivery.status,
                attempts: delivery.attempts,
                code: delivery.lastError ?? "–",
              })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
