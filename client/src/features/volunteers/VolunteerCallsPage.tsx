// "Bliv frivillig": every centre's published call for volunteers, and a short application form
// (name, contact, message) with the consent text and when the details are deleted.
import { useState, type FormEvent } from "react";
import { useMutationResult, useQuery, type ResultOf } from "../../graphql.ts";
import { useFormatters } from "../../i18n/format.ts";
import { useLanguage, useT } from "../../i18n/i18n.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { Button } from "../../ui/Button.tsx";
import { EmptyState } from "../../ui/EmptyState.tsx";
import { PageHeading } from "../../ui/PageHeading.tsx";
import { LoadingRegion } from "../../ui/Spinner.tsx";
import { TextArea } from "../../ui/TextArea.tsx";
import { TextField } from "../../ui/TextField.tsx";
import { ApplyToVolunteerMutation, VolunteerCallsQuery } from "./documents.ts";
import "./volunteers.css";

type Data = ResultOf<typeof VolunteerCallsQuery>;
type Call = Data["volunteerCalls"][number];

export function VolunteerCallsPage() {
  const t = useT();
  const query = useQuery(VolunteerCallsQuery);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <>
      <PageHeading lead={t("volunteers.calls.lead")}>{t("volunteers.calls.title")}</PageHeading>
      <LoadingRegion busy={query.loading && !query.data}>
        {query.error && <Alert tone="error">{t("volunteers.loadError")}</Alert>}
        {query.data &&
          (query.data.volunteerCalls.length === 0 ? (
            <EmptyState title={t("volunteers.calls.none")} />
          ) : (
            <ul className="shift-list">
              {query.data.volunteerCalls.map((call) => (
                <li key={call.id} className="shift-card stack">
                  <h2 className="shift-card__title">
                    {call.title} – {call.centre.name}
                  </h2>
                  <p>{t("volunteers.calls.when", { when: call.whenText })}</p>
                  {call.skills && <p>{t("volunteers.calls.skills", { skills: call.skills })}</p>}
                  {call.description && <p>{call.description}</p>}
                  {open === call.id ? (
                    <ApplicationForm call={call} consent={query.data!.volunteerConsentText} />
                  ) : (
                    <div className="cluster">
                      <Button variant="secondary" onClick={() => setOpen(call.id)} aria-expanded={false}>
                        {t("volunteers.public.apply")}
                      </Button>
                    </div>
                  )}
                </li>
              ))}
            </ul>
          ))}
      </LoadingRegion>
    </>
  );
}

function ApplicationForm({ call, consent }: { call: Call; consent: Data["volunteerConsentText"] }) {
  const t = useT();
  const { language } = useLanguage();
  const { formatDate } = useFormatters();
  const apply = useMutationResult(ApplyToVolunteerMutation, "ApplyToVolunteerSuccess");
  const [values, setValues] = useState({ name: "", email: "", phone: "", message: "" });
  const [consented, setConsented] = useState(false);

  if (apply.success) return <Alert tone="success">{t("volunteers.apply.sent", { date: formatDate(apply.success.receipt.deleteAfter) })}</Alert>;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    await apply.run({
      input: { centreId: call.centre.id, callId: call.id, ...values, consentVersion: consented ? consent.version : "" },
    });
  };
  return (
    <form className="stack" onSubmit={(event) => void onSubmit(event)} aria-labelledby={`apply-${call.id}`}>
      <h3 id={`apply-${call.id}`}>{t("volunteers.apply.heading", { centre: call.centre.name })}</h3>
      {apply.error && <Alert tone="error">{apply.error.message}</Alert>}
      <TextField label={t("volunteers.apply.name")} autoComplete="name" value={values.name} error={apply.fieldError("name")} onChange={(event) => setValues({ ...values, name: event.target.value })} />
      <TextField label={t("volunteers.apply.email")} type="email" autoComplete="email" value={values.email} error={apply.fieldError("email")} onChange={(event) => setValues({ ...values, email: event.target.value })} />
      <TextField label={t("volunteers.apply.phone")} optional type="tel" autoComplete="tel" value={values.phone} error={apply.fieldError("phone")} onChange={(event) => setValues({ ...values, phone: event.target.value })} />
      <TextArea
        label={t("volunteers.apply.message")}
        optional
        hint={t("volunteers.apply.messageHint")}
        value={values.message}
        error={apply.fieldError("message")}
        onChange={(event) => setValues({ ...values, message: event.target.value })}
      />
      <p>{language === "da" ? consent.da : consent.en}</p>
      <label>
        <input type="checkbox" checked={consented} onChange={(event) => setConsented(event.target.checked)} /> {t("volunteers.apply.consent")}
      </label>
      <div className="cluster">
        <Button type="submit" busy={apply.running}>
          {t("volunteers.apply.send")}
        </Button>
      </div>
    </form>
  );
}
