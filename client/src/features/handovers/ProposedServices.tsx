// Step 2 of needs first (1-2-3): services that fit the citizen's needs, best first, each with the
// reasons it fits and the service's measured responsiveness (median time to first answer and
// share accepted over 90 days; "fewer than 5" when too few handovers, never about a person).
import { graphql, useQuery, type ResultOf } from "../../graphql.ts";
import { useLanguage, useT, type Translate } from "../../i18n/i18n.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { RadioGroup } from "../../ui/ChoiceGroup.tsx";
import { LoadingRegion } from "../../ui/Spinner.tsx";
import type { HelpCategory, TargetGroup } from "./labels.ts";
import type { Recipient } from "./RecipientStep.tsx";

const ProposeServicesQuery = graphql(`
  query ProposeServices($needs: ServiceNeedsInput!) {
    proposeServices(needs: $needs, first: 8) {
      rank
      service { id unitId name kind intakeStatus typicalWaitDays responseWindowDays }
      reasons { kind da en }
      figures {
        windowDays
        isSuppressed
        handoversReceived { value display }
        medianHoursToFirstAnswer { value display }
        shareAccepted { value display }
      }
    }
  }
`);

type Proposal = ResultOf<typeof ProposeServicesQuery>["proposeServices"][number];

export type Needs = { helpCategories: HelpCategory[]; targetGroups: TargetGroup[]; areaId: string };

function figuresText(t: Translate, figures: Proposal["figures"]): string {
  if (figures.isSuppressed) return t("handovers.proposals.figuresSuppressed", { days: figures.windowDays });
  if (!figures.handoversReceived.value) return t("handovers.proposals.figuresNone", { days: figures.windowDays });
  return t("handovers.proposals.figures", {
    hours: figures.medianHoursToFirstAnswer.display,
    share: figures.shareAccepted.display,
    count: figures.handoversReceived.display,
    days: figures.windowDays,
  });
}

function toRecipient(t: Translate, proposal: Proposal): Recipient {
  const { service } = proposal;
  const parts = [t(`handovers.serviceKind.${service.kind}`), t(`handovers.intake.${service.intakeStatus}`)];
  if (service.typicalWaitDays != null) parts.push(t("handovers.recipient.typicalWait", { days: service.typicalWaitDays }));
  return { unitId: service.unitId, name: service.name, isCentre: false, description: parts.join(" · "), responseWindowDays: service.responseWindowDays };
}

/** The ranked proposals as one radio group; choosing one chooses the recipient. */
export function ProposedServices({
  needs,
  fromUnitId,
  selected,
  onSelect,
  error,
}: {
  needs: Needs;
  fromUnitId: string;
  selected: Recipient | null;
  onSelect: (recipient: Recipient) => void;
  error?: string | undefined;
}) {
  const t = useT();
  const { language } = useLanguage();
  const query = useQuery(ProposeServicesQuery, {
    needs: {
      helpCategories: needs.helpCategories,
      targetGroups: needs.targetGroups,
      areaId: needs.areaId || null,
      fromUnitId,
    },
  });
  const proposals = query.data?.proposeServices ?? [];

  if (query.error) {
    return (
      <Alert tone="error" title={t("handovers.proposals.loadFailed")}>
        <p>{query.error.kind === "network" ? t("errors.network") : t("errors.unexpected")}</p>
      </Alert>
    );
  }
  return (
    <LoadingRegion busy={query.loading} label={t("handovers.proposals.loading")}>
      {!query.loading && proposals.length === 0 ? (
        <div id="handover-recipient" tabIndex={-1}>
          {error && <p className="field__error">{error}</p>}
          <p>{t("handovers.proposals.none")}</p>
        </div>
      ) : (
        <RadioGroup
          id="handover-recipient"
          legend={t("handovers.proposals.legend", { count: proposals.length })}
          name="proposal"
          value={selected?.unitId ?? null}
          onChange={(unitId) => {
            const proposal = proposals.find((candidate) => candidate.service.unitId === unitId);
            if (proposal) onSelect(toRecipient(t, proposal));
          }}
          options={proposals.map((proposal) => ({
            value: proposal.service.unitId,
            label: proposal.service.name,
            hint: (
              <span className="proposal">
                <span className="proposal__rank">{t("handovers.proposals.label", { rank: proposal.rank, description: toRecipient(t, proposal).description })}</span>
                <span className="proposal__reasons">{proposal.reasons.map((reason) => (language === "da" ? reason.da : reason.en)).join(" · ")}</span>
                <span className="proposal__figures">{figuresText(t, proposal.figures)}</span>
              </span>
            ),
          }))}
          error={error}
          className="recipient-options proposals"
        />
      )}
    </LoadingRegion>
  );
}
