import { useEffect, useState } from "react";
import { graphql, useQuery, type ResultOf } from "../../graphql.ts";
import { useT } from "../../i18n/i18n.tsx";
import type { Translate } from "../../i18n/i18n.tsx";
import { RadioGroup } from "../../ui/ChoiceGroup.tsx";
import { SelectField } from "../../ui/SelectField.tsx";
import { LoadingRegion } from "../../ui/Spinner.tsx";
import { TextField } from "../../ui/TextField.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { SERVICE_KINDS, type HandoverKind, type ServiceKind } from "./labels.ts";

const RecipientsQuery = graphql(`
  query HandoverRecipients($serviceFilter: ServiceFilter, $centreFilter: CentreFilter, $withServices: Boolean!, $withCentres: Boolean!) {
    services(filter: $serviceFilter, first: 50) @include(if: $withServices) {
      edges { node { id unitId name kind intakeStatus typicalWaitDays responseWindowDays operatorName } }
    }
    centres(filter: $centreFilter, first: 50) @include(if: $withCentres) {
      edges { node { id unitId name city } }
    }
  }
`);

type RecipientsData = ResultOf<typeof RecipientsQuery>;

export type Recipient = {
  unitId: string;
  name: string;
  isCentre: boolean;
  /** "Bostøtte · Tager imod nye · Typisk ventetid 14 dage" */
  description: string;
  responseWindowDays: number | null;
};

type KindChoice = "" | "CENTRE" | ServiceKind;

function describeService(t: Translate, service: NonNullable<RecipientsData["services"]>["edges"][number]["node"]): string {
  const parts = [t(`handovers.serviceKind.${service.kind}`), t(`handovers.intake.${service.intakeStatus}`)];
  if (service.typicalWaitDays != null) parts.push(t("handovers.recipient.typicalWait", { days: service.typicalWaitDays }));
  return parts.join(" · ");
}

function toRecipients(t: Translate, data: RecipientsData | undefined, excludeUnitId: string): Recipient[] {
  const services = (data?.services?.edges ?? []).map(({ node }) => ({
    unitId: node.unitId,
    name: node.name,
    isCentre: false,
    description: describeService(t, node),
    responseWindowDays: node.responseWindowDays,
  }));
  const centres = (data?.centres?.edges ?? []).map(({ node }) => ({
    unitId: node.unitId,
    name: node.name,
    isCentre: true,
    description: `${t("handovers.recipient.centre")} · ${node.city}`,
    responseWindowDays: null,
  }));
  return [...services, ...centres].filter((recipient) => recipient.unitId !== excludeUnitId);
}

function useDebounced<Value>(value: Value, delayMs: number): Value {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

/** Step 1: find the service or centre by name and kind; each shows its intake status and typical wait. */
export function RecipientStep({
  kind,
  ownUnitId,
  selected,
  preselectUnitId,
  onSelect,
  error,
}: {
  kind: HandoverKind | null;
  ownUnitId: string;
  selected: Recipient | null;
  preselectUnitId: string | null;
  onSelect: (recipient: Recipient) => void;
  error?: string | undefined;
}) {
  const t = useT();
  const onlyCentres = kind === "WARM_INTRODUCTION";
  const [text, setText] = useState("");
  const [kindChoice, setKindChoice] = useState<KindChoice>(onlyCentres ? "CENTRE" : "");
  const searchText = useDebounced(text.trim(), 250);
  const withServices = !onlyCentres && kindChoice !== "CENTRE";
  const withCentres = kindChoice === "" || kindChoice === "CENTRE";
  const query = useQuery(RecipientsQuery, {
    // Signposting-only offers have no inbox: they are pointed to from the directory, never handed over to.
    serviceFilter: { text: searchText || null, kinds: kindChoice && kindChoice !== "CENTRE" ? [kindChoice] : null, isSignpostingOnly: false },
    centreFilter: { text: searchText || null },
    withServices,
    withCentres,
  });
  const recipients = toRecipients(t, query.data, ownUnitId);

  // `?til=<unitId>` from a centre page: pick that centre as soon as it is among the results.
  useEffect(() => {
    if (!preselectUnitId || selected) return;
    const match = recipients.find((recipient) => recipient.unitId === preselectUnitId);
    if (match) onSelect(match);
  }, [preselectUnitId, selected, recipients, onSelect]);

  const kindOptions = [
    { value: "", label: t("handovers.recipient.allKinds") },
    { value: "CENTRE", label: t("handovers.recipient.centres") },
    ...SERVICE_KINDS.map((serviceKind) => ({ value: serviceKind, label: t(`handovers.serviceKind.${serviceKind}`) })),
  ];
  const selectedIsListed = selected && recipients.some((recipient) => recipient.unitId === selected.unitId);

  return (
    <>
      <div className="recipient-search">
        <TextField
          label={t(onlyCentres ? "handovers.recipient.searchCentres" : "handovers.recipient.search")}
          hint={t(onlyCentres ? "handovers.recipient.searchHintCentres" : "handovers.recipient.searchHint")}
          type="search"
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            // Enter searches (it already does as you type) instead of submitting the step.
            if (event.key === "Enter") event.preventDefault();
          }}
          autoComplete="off"
        />
        {!onlyCentres && (
          <SelectField label={t("handovers.recipient.kind")} value={kindChoice} onChange={(event) => setKindChoice(event.target.value as KindChoice)} options={kindOptions} />
        )}
      </div>
      {selected && !selectedIsListed && (
        <Alert title={t("handovers.recipient.selected")}>
          <p>
            {selected.name} ({selected.description})
          </p>
        </Alert>
      )}
      {query.error && (
        <Alert tone="error" title={t("handovers.recipient.loadFailed")}>
          <p>{query.error.kind === "network" ? t("errors.network") : t("errors.unexpected")}</p>
        </Alert>
      )}
      <LoadingRegion busy={query.loading} label={t("handovers.recipient.loading")}>
        {!query.loading && recipients.length === 0 ? (
          <div id="handover-recipient" tabIndex={-1}>
            {error && <p className="field__error">{error}</p>}
            <p>{t("handovers.recipient.none")}</p>
          </div>
        ) : (
          <RadioGroup
            id="handover-recipient"
            legend={t("handovers.recipient.legend", { count: recipients.length })}
            name="recipient"
            value={selected?.unitId ?? null}
            onChange={(unitId) => {
              const recipient = recipients.find((candidate) => candidate.unitId === unitId);
              if (recipient) onSelect(recipient);
            }}
            options={recipients.map((recipient) => ({ value: recipient.unitId, label: recipient.name, hint: recipient.description }))}
            error={error}
            className="recipient-options"
          />
        )}
      </LoadingRegion>
    </>
  );
}
