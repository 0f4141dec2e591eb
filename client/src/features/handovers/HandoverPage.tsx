import { useEffect, useRef, useState, type ReactNode } from "react";
import { graphql, MutationErrorFields, request, useQuery } from "../../graphql.ts";
import { useFormatters } from "../../i18n/format.ts";
import { useLanguage, useT } from "../../i18n/i18n.tsx";
import { Link, useDocumentTitle } from "../../page-navigation.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { Badge, BadgeList } from "../../ui/Badge.tsx";
import { buttonClassName } from "../../ui/Button.tsx";
import { PageHeading } from "../../ui/PageHeading.tsx";
import { LoadingRegion } from "../../ui/Spinner.tsx";
import { ConsentSummary, ConsentSummaryFragment } from "./ConsentSummary.tsx";
import { HandoverActions } from "./HandoverActions.tsx";
import { HandoverCode } from "./HandoverCode.tsx";
import { HandoverThread } from "./HandoverThread.tsx";
import { HandoverTimeline, HandoverTimelineFragment } from "./HandoverTimeline.tsx";
import { statusTone } from "./labels.ts";
import { handoverPath, handoversPaths } from "./paths.ts";
import { PersonalDataPanel } from "./PersonalDataPanel.tsx";
import { joinList } from "./readBack.ts";
import { RequireUnit } from "./RequireUnit.tsx";
import { useHandoverChanged } from "./useHandoverChanged.ts";
import { recipientName } from "./recipientName.ts";
import "./handovers.css";

const HandoverQuery = graphql(
  `
    query HandoverDetails($id: ID!) {
      handover(id: $id) {
        id
        code
        kind
        status
        outcome
        purpose
        wish
        helpCategories
        urgency
        preferredChannel
        preferredContactTime
        languageNeeds
        proposedMeetingAt
        proposedMeetingPlace
        proposedVisit { id centreName startsAt endsAt }
        declineReason
        suggestion
        declineCode
        suggestedUnit { id name }
        lookAgainAt
        noShowCount
        referralChain { handoverId isThisHandover status fromUnit { id name } toUnit { id name } }
        openRequest { serviceKind areaName radiusKm claimedAt }
        createdAt
        sentAt
        expiresAt
        closedAt
        hasConsent
        personalDataPurgedAt
        viewerIsSender
        viewerIsReceiver
        allowedActions
        fromUnit { id name }
        toUnit { id name }
        events { id type note }
        ...ConsentSummary
        ...HandoverTimeline
      }
    }
  `,
  [ConsentSummaryFragment, HandoverTimelineFragment],
);

const MarkReadMutation = graphql(
  `mutation MarkHandoverRead($handoverId: ID!) {
    markHandoverRead(handoverId: $handoverId) { __typename ... on MarkHandoverReadSuccess { data { id status isUnread } } ...MutationErrorFields }
  }`,
  [MutationErrorFields],
);

export function HandoverPage({ id }: { id: string }) {
  const t = useT();
  return (
    <RequireUnit title={t("handovers.details.loadingTitle")}>
      {(unit) => <HandoverDetails id={id} unitId={unit.id} />}
    </RequireUnit>
  );
}

function HandoverDetails({ id, unitId }: { id: string; unitId: string }) {
  const t = useT();
  const { language } = useLanguage();
  const { formatDateTime } = useFormatters();
  const query = useQuery(HandoverQuery, { id });
  const { refetch } = query;
  const handover = query.data?.handover;
  const [message, setMessage] = useState("");
  const markedFor = useRef<string | null>(null);

  useDocumentTitle(handover ? t("handovers.details.title", { code: handover.code }) : t("handovers.details.loadingTitle"));

  // Opening a handover marks it read; for the receiver a SENT handover then becomes RECEIVED.
  // The Handover in the answer (here and after every action below) reloads this page's query.
  useEffect(() => {
    if (!handover || markedFor.current === handover.id) return;
    markedFor.current = handover.id;
    void request(MarkReadMutation, { handoverId: handover.id }).catch(() => undefined);
  }, [handover]);

  // The other side may act while this page is open; its answer never reaches this client's cache.
  useHandoverChanged(unitId, (change) => {
    if (change.handoverId === id) void refetch();
  });

  if (!handover) {
    return (
      <>
        <PageHeading>{t("handovers.details.loadingTitle")}</PageHeading>
        {query.error ? (
          <Alert tone="error" title={t("handovers.details.notFoundTitle")}>
            <p>{query.error.kind === "network" ? t("errors.network") : t("handovers.details.notFoundBody")}</p>
            <p>
              <Link to={handoversPaths.handovers}>{t("handovers.details.backToInbox")}</Link>
            </p>
          </Alert>
        ) : (
          <LoadingRegion busy label={t("handovers.details.loading")} />
        )}
      </>
    );
  }

  const toName = recipientName(t, handover);
  const counterpart = handover.viewerIsSender ? toName : handover.fromUnit.name;
  const chainLink = (link: (typeof handover.referralChain)[number]) =>
    t("handovers.chain.link", { from: link.fromUnit.name, to: link.toUnit?.name ?? t("handovers.status.OPEN") });
  const row = (label: string, value: ReactNode) => (
    <div className="summary-list__row">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  const cancelNote = handover.status === "CANCELLED" ? handover.events.findLast((event) => event.type === "CANCELLED")?.note : null;
  const meeting = handover.proposedVisit
    ? t("handovers.details.visit", {
        centre: handover.proposedVisit.centreName,
        time: formatDateTime(handover.proposedVisit.startsAt),
      })
    : [handover.proposedMeetingAt ? formatDateTime(handover.proposedMeetingAt) : null, handover.proposedMeetingPlace].filter(Boolean).join(", ");

  return (
    <>
      <p className="back-link no-print">
        <Link to={handover.viewerIsSender && !handover.viewerIsReceiver ? `${handoversPaths.handovers}?vis=sendt` : handoversPaths.handovers}>
          {t("handovers.details.backToInbox")}
        </Link>
      </p>
      <PageHeading
        lead={t(handover.viewerIsSender ? "handovers.details.leadSent" : "handovers.details.leadReceived", {
          from: handover.fromUnit.name,
          to: toName,
        })}
      >
        {t("handovers.details.title", { code: handover.code })}
      </PageHeading>

      <div role="status" className="action-message">
        {message && <Alert tone="success">{message}</Alert>}
      </div>

      <section aria-labelledby="status-title" className="status-panel">
        <h2 id="status-title">{t("handovers.details.statusTitle")}</h2>
        <BadgeList className="status-panel__badges">
          <li>
            <Badge tone={statusTone(handover.status)} label={t("handovers.badges.status")}>
              {t(`handovers.status.${handover.status}`)}
            </Badge>
          </li>
          <li>
            <Badge label={t("handovers.badges.kind")}>{t(`handovers.kind.${handover.kind}`)}</Badge>
          </li>
          {handover.urgency === "HIGH" && (
            <li>
              <Badge tone="warning">{t("handovers.urgency.HIGH")}</Badge>
            </li>
          )}
        </BadgeList>
        <p>
          {t(`handovers.statusExplained.${handover.status}`, {
            counterpart,
            from: handover.fromUnit.name,
            to: toName,
            lookAgain: handover.lookAgainAt ? formatDateTime(handover.lookAgainAt) : "",
          })}
        </p>
        {handover.openRequest && (
          <p>
            {t("handovers.details.openRequest", {
              kind: t(`handovers.serviceKind.${handover.openRequest.serviceKind}`),
              area: handover.openRequest.areaName,
              radius: handover.openRequest.radiusKm,
            })}
          </p>
        )}
        {handover.noShowCount > 0 && <p>{t("handovers.details.noShowCount", { count: String(handover.noShowCount) })}</p>}
        {handover.referralChain.length > 0 && (
          <section aria-labelledby="chain-title" className="referral-chain">
            <h3 id="chain-title">{t("handovers.chain.title")}</h3>
            <p>{t("handovers.chain.intro")}</p>
            <ol>
              {handover.referralChain.map((link, index) => (
                <li key={link.handoverId ?? `link-${index}`}>
                  {link.handoverId && !link.isThisHandover ? (
                    <Link to={handoverPath(link.handoverId)}>{chainLink(link)}</Link>
                  ) : (
                    chainLink(link)
                  )}{" "}
                  – {t(`handovers.status.${link.status}`)} {link.isThisHandover && t("handovers.chain.this")}
                </li>
              ))}
            </ol>
          </section>
        )}
        {handover.status === "COMPLETED" && handover.outcome && (
          <Alert tone="success" title={t("handovers.details.outcomeTitle")}>
            <p className="outcome">{t(`handovers.outcome.${handover.outcome}`)}</p>
          </Alert>
        )}
        {handover.status === "DECLINED" && (
          <Alert tone="warning" title={t("handovers.details.declinedTitle", { unit: toName })}>
            {handover.declineCode && <p>{t("handovers.details.declineCode", { code: t(`handovers.declineCode.${handover.declineCode}`) })}</p>}
            {handover.declineReason && <p>{t("handovers.details.declineReason", { reason: handover.declineReason })}</p>}
            {handover.suggestedUnit && <p>{t("handovers.details.suggestedUnit", { unit: handover.suggestedUnit.name })}</p>}
            {handover.suggestion && <p>{t("handovers.details.suggestion", { suggestion: handover.suggestion })}</p>}
          </Alert>
        )}
        {handover.status === "CANCELLED" && cancelNote && (
          <Alert tone="warning" title={t("handovers.details.cancelledTitle")}>
            <p>{cancelNote}</p>
          </Alert>
        )}
        {handover.status === "WITHDRAWN" && (
          <Alert tone="warning" title={t("handovers.details.withdrawnTitle")}>
            <p>{t("handovers.details.withdrawnBody")}</p>
          </Alert>
        )}
        {handover.status === "ACCEPTED" && meeting && (
          <Alert tone="info" title={t("handovers.details.meetingTitle")}>
            <p>{meeting}</p>
          </Alert>
        )}
        {(handover.status === "SENT" || handover.status === "RECEIVED" || handover.status === "OPEN") && handover.expiresAt && (
          <p>{t("handovers.details.expires", { time: formatDateTime(handover.expiresAt) })}</p>
        )}
      </section>

      <section aria-labelledby="actions-title" className="no-print">
        <h2 id="actions-title">{t("handovers.details.actionsTitle")}</h2>
        <HandoverActions handoverId={handover.id} allowedActions={handover.allowedActions} recipientName={toName} onDone={setMessage} />
      </section>

      <section aria-labelledby="about-title">
        <h2 id="about-title">{t("handovers.details.aboutTitle")}</h2>
        <dl className="summary-list">
          {row(t("handovers.details.code"), <HandoverCode code={handover.code} size="medium" />)}
          {row(t("handovers.details.from"), handover.fromUnit.name)}
          {row(t("handovers.details.to"), toName)}
          {row(t("handovers.field.purpose"), handover.purpose)}
          {handover.helpCategories.length > 0 &&
            row(t("handovers.field.helpCategories"), joinList(handover.helpCategories.map((category) => t(`handovers.help.${category}`)), language))}
          {handover.wish && row(t("handovers.field.wish"), handover.wish)}
          {row(t("handovers.field.urgency"), t(`handovers.urgency.${handover.urgency}`))}
          {row(t("handovers.field.channel"), t(`handovers.channel.${handover.preferredChannel}`))}
          {handover.preferredContactTime && row(t("handovers.field.contactTime"), handover.preferredContactTime)}
          {handover.languageNeeds && row(t("handovers.field.language"), handover.languageNeeds)}
          {meeting && row(t("handovers.field.meeting"), meeting)}
          {row(t("handovers.details.created"), formatDateTime(handover.createdAt))}
          {handover.sentAt && row(t("handovers.details.sent"), formatDateTime(handover.sentAt))}
          {handover.closedAt && row(t("handovers.details.closed"), formatDateTime(handover.closedAt))}
        </dl>
      </section>

      <section aria-labelledby="consent-title">
        <h2 id="consent-title">{t("handovers.details.consentTitle")}</h2>
        <ConsentSummary handover={handover} />
      </section>

      {handover.hasConsent && !handover.personalDataPurgedAt && (
        <section aria-labelledby="personal-title" className="no-print">
          <h2 id="personal-title">{t("handovers.personal.title")}</h2>
          <PersonalDataPanel handoverId={handover.id} />
        </section>
      )}

      {handover.status !== "DRAFT" && handover.toUnit && (
        <section aria-labelledby="thread-title" className="no-print">
          <h2 id="thread-title">{t("handovers.thread.title")}</h2>
          <HandoverThread handoverId={handover.id} canWrite={!handover.personalDataPurgedAt} />
        </section>
      )}

      <section aria-labelledby="fhir-title" className="no-print">
        <h2 id="fhir-title">{t("handovers.fhir.title")}</h2>
        <p>{t("handovers.fhir.body")}</p>
        <a href={`/fhir/Handover/${encodeURIComponent(handover.id)}`} download className={buttonClassName("secondary")}>
          {t("handovers.fhir.download")}
        </a>
      </section>

      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t("handovers.details.timelineTitle")}</h2>
        <HandoverTimeline handover={handover} />
      </section>
    </>
  );
}
