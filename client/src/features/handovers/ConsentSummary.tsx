import { graphql, readFragment, type FragmentOf } from "../../graphql.ts";
import { useFormatters } from "../../i18n/format.ts";
import { useLanguage, useT } from "../../i18n/i18n.tsx";
import { Badge } from "../../ui/Badge.tsx";
import { CONSENT_FIELDS } from "./labels.ts";
import { joinList } from "./readBack.ts";

export const ConsentSummaryFragment = graphql(`
  fragment ConsentSummary on Handover {
    code
    hasConsent
    personalDataPurgedAt
    consent { fields purpose method givenAt validUntil withdrawnAt }
  }
`);

/** What the citizen agreed to share, why, how and until when — or that the handover is anonymous. */
export function ConsentSummary({ handover: data }: { handover: FragmentOf<typeof ConsentSummaryFragment> }) {
  const t = useT();
  const { language } = useLanguage();
  const { formatDate, formatDateTime } = useFormatters();
  const handover = readFragment(ConsentSummaryFragment, data);
  const consent = handover.consent;
  if (!consent) {
    return <p>{t("handovers.consentSummary.anonymous", { code: handover.code })}</p>;
  }
  const fields = CONSENT_FIELDS.filter((field) => consent.fields.includes(field)).map((field) => t(`handovers.consentField.${field}`));
  return (
    <>
      {consent.withdrawnAt ? (
        <p>
          <Badge tone="danger">{t("handovers.consentSummary.withdrawnBadge")}</Badge>{" "}
          {t("handovers.consentSummary.withdrawn", { time: formatDateTime(consent.withdrawnAt) })}
        </p>
      ) : !handover.hasConsent ? (
        <p>
          <Badge tone="warning">{t("handovers.consentSummary.expiredBadge")}</Badge> {t("handovers.consentSummary.expired")}
        </p>
      ) : null}
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>{t("handovers.consentSummary.fields")}</dt>
          <dd>{joinList(fields, language)}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t("handovers.consent.purpose")}</dt>
          <dd>{consent.purpose}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t("handovers.consent.method")}</dt>
          <dd>
            {t(`handovers.consentMethod.${consent.method}`)}, {formatDateTime(consent.givenAt)}
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{t("handovers.consent.validUntil")}</dt>
          <dd>{formatDate(consent.validUntil)}</dd>
        </div>
        {handover.personalDataPurgedAt && (
          <div className="summary-list__row">
            <dt>{t("handovers.consentSummary.purged")}</dt>
            <dd>{formatDateTime(handover.personalDataPurgedAt)}</dd>
          </div>
        )}
      </dl>
    </>
  );
}
