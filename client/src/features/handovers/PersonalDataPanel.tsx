import { useState, type FormEvent } from "react";
import { graphql, request, RequestError, type ResultOf } from "../../graphql.ts";
import { useT } from "../../i18n/i18n.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { Button } from "../../ui/Button.tsx";
import { TextField } from "../../ui/TextField.tsx";
import { CONSENT_FIELDS, PERSONAL_DATA_INPUT } from "./labels.ts";

const PersonalDataQuery = graphql(`
  query HandoverPersonalData($id: ID!, $reason: String!) {
    handover(id: $id) {
      id
      personalData(reason: $reason) { fields firstName phone email note }
    }
  }
`);

type PersonalData = NonNullable<ResultOf<typeof PersonalDataQuery>["handover"]["personalData"]>;
type State = { phase: "closed" } | { phase: "asking" } | { phase: "shown"; data: PersonalData | null };

/** Personal data stays hidden until the reader gives a reason; the read is audited, and we say so. */
export function PersonalDataPanel({ handoverId }: { handoverId: string }) {
  const t = useT();
  const [state, setState] = useState<State>({ phase: "closed" });
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setError(t("handovers.personal.reasonRequired"));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const data = await request(PersonalDataQuery, { id: handoverId, reason: reason.trim() });
      setState({ phase: "shown", data: data.handover.personalData ?? null });
    } catch (failure) {
      setError(failure instanceof RequestError && failure.kind === "network" ? t("errors.network") : t("handovers.personal.failed"));
    } finally {
      setBusy(false);
    }
  };

  if (state.phase === "closed") {
    return (
      <>
        <p>{t("handovers.personal.intro")}</p>
        <Button variant="secondary" onClick={() => setState({ phase: "asking" })}>
          {t("handovers.personal.show")}
        </Button>
      </>
    );
  }
  if (state.phase === "asking") {
    return (
      <form onSubmit={submit} noValidate className="personal-data-form">
        <TextField
          label={t("handovers.personal.reason")}
          hint={t("handovers.personal.reasonHint")}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          error={error}
          maxLength={300}
          autoFocus
        />
        <div className="cluster">
          <Button type="submit" busy={busy}>
            {t("handovers.personal.submit")}
          </Button>
          <Button variant="secondary" onClick={() => setState({ phase: "closed" })}>
            {t("handovers.actions.cancelDialog")}
          </Button>
        </div>
      </form>
    );
  }
  const data = state.data;
  return (
    <div role="status">
      {data && data.fields.length > 0 ? (
        <dl className="summary-list personal-data">
          {CONSENT_FIELDS.filter((field) => data.fields.includes(field)).map((field) => (
            <div className="summary-list__row" key={field}>
              <dt>{t(`handovers.consentField.${field}`)}</dt>
              <dd>{data[PERSONAL_DATA_INPUT[field]]}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p>{t("handovers.personal.none")}</p>
      )}
      <p className="personal-data__logged">{t("handovers.personal.logged")}</p>
      <Button
        variant="secondary"
        onClick={() => {
          setState({ phase: "closed" });
          setReason("");
        }}
      >
        {t("handovers.personal.hide")}
      </Button>
    </div>
  );
}
