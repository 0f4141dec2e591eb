import { useFormatters } from "../../i18n/format.ts";
import { useT } from "../../i18n/i18n.tsx";
import { Link } from "../../page-navigation.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { Button, buttonClassName } from "../../ui/Button.tsx";
import { Card } from "../../ui/Card.tsx";
import { PageHeading } from "../../ui/PageHeading.tsx";
import { CitizenAccessOnCard, CitizenAccessPanel, useCitizenAccess } from "./CitizenAccessReceipt.tsx";
import { CopyCodeButton, HandoverCode } from "./HandoverCode.tsx";
import type { CreatedHandover } from "./NewHandoverPage.tsx";
import { handoverPath, handoversPaths } from "./paths.ts";
import { recipientName } from "./recipientName.ts";

/** The wizard's result: the code, big and clear, a small card to print for the citizen, and what happens next. */
export function HandoverCreated({ handover, onNew }: { handover: CreatedHandover; onNew: () => void }) {
  const t = useT();
  const { formatDate, formatDateTime } = useFormatters();
  const isDraft = handover.status === "DRAFT";
  const recipient = recipientName(t, handover);
  const citizenAccess = useCitizenAccess(handover.id);
  return (
    <div className="handover-result">
      <PageHeading lead={t(isDraft ? "handovers.created.draftLead" : "handovers.created.lead", { recipient })}>
        {t(isDraft ? "handovers.created.draftTitle" : "handovers.created.title")}
      </PageHeading>
      <section className="code-panel no-print" aria-labelledby="code-title">
        <h2 id="code-title">{t("handovers.created.codeTitle")}</h2>
        <HandoverCode code={handover.code} />
        <p>{t("handovers.created.codeBody", { recipient })}</p>
        <div className="cluster">
          <CopyCodeButton code={handover.code} />
          <Button variant="secondary" onClick={() => window.print()}>
            {t("handovers.created.print")}
          </Button>
        </div>
      </section>

      <CitizenAccessPanel access={citizenAccess} />

      <Card title={t("handovers.card.title", { recipient })} printable className="citizen-card">
        <HandoverCode code={handover.code} size="medium" />
        <p>{t("handovers.card.body", { recipient })}</p>
        {handover.consent ? (
          <p>{t("handovers.card.consent", { date: formatDate(handover.consent.validUntil) })}</p>
        ) : (
          <p>{t("handovers.card.anonymous")}</p>
        )}
        {citizenAccess.receipt && <CitizenAccessOnCard receipt={citizenAccess.receipt} />}
      </Card>

      <section className="no-print" aria-labelledby="next-title">
        <h2 id="next-title">{t("handovers.created.nextTitle")}</h2>
        {isDraft ? (
          <Alert title={t("handovers.created.draftNotice")}>
            <p>{t("handovers.created.draftBody")}</p>
          </Alert>
        ) : (
          <ol className="next-steps">
            <li>{t("handovers.created.next1", { recipient })}</li>
            <li>
              {handover.expiresAt
                ? t("handovers.created.next2", { recipient, date: formatDateTime(handover.expiresAt) })
                : t("handovers.created.next2NoDate", { recipient })}
            </li>
            <li>{t("handovers.created.next3")}</li>
          </ol>
        )}
        <div className="cluster">
          <Link to={handoverPath(handover.id)} className={buttonClassName("primary")}>
            {t("handovers.created.open")}
          </Link>
          <Link to={`${handoversPaths.handovers}?vis=sendt`} className={buttonClassName("secondary")}>
            {t("handovers.created.toSent")}
          </Link>
          <Button variant="quiet" onClick={onNew}>
            {t("handovers.created.another")}
          </Button>
        </div>
      </section>
    </div>
  );
}
