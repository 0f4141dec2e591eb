// /udvikling/post — in development (no SMTP_URL) the e-mails and SMS the server caught instead
// of sending, for platform admins, so a newcomer sees what the demo sends.
import { useQuery } from "../../graphql.ts";
import { useFormatters } from "../../i18n/format.ts";
import { useT } from "../../i18n/i18n.tsx";
import { useDocumentTitle } from "../../page-navigation.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { Button } from "../../ui/Button.tsx";
import { EmptyState } from "../../ui/EmptyState.tsx";
import { PageHeading } from "../../ui/PageHeading.tsx";
import { LoadingRegion } from "../../ui/Spinner.tsx";
import { useViewer } from "../accounts/viewer.tsx";
import { DevelopmentOutboxQuery } from "./documents.ts";
import "./notifications.css";

export function DevelopmentMailPage() {
  const t = useT();
  useDocumentTitle(t("notifications.dev.title"));
  const { me } = useViewer();
  const allowed = me?.isPlatformAdmin ?? false;
  return (
    <>
      <PageHeading lead={t("notifications.dev.lead")}>{t("notifications.dev.title")}</PageHeading>
      {me !== undefined && !allowed ? <Alert>{t("notifications.dev.notAllowed")}</Alert> : allowed && <CaughtMessages />}
    </>
  );
}

function CaughtMessages() {
  const t = useT();
  const { formatDateTime } = useFormatters();
  const { data, loading, refetch } = useQuery(DevelopmentOutboxQuery);
  const outbox = data?.developmentOutbox;
  return (
    <LoadingRegion busy={loading}>
      {/* The server catches mail on its own schedule; no mutation of this page's answers it. */}
      <Button variant="secondary" onClick={() => void refetch()}>
        {t("notifications.dev.refresh")}
      </Button>
      {outbox && !outbox.isEnabled && <Alert>{t("notifications.dev.disabled")}</Alert>}
      {outbox && outbox.mail.length === 0 && outbox.sms.length === 0 && <EmptyState title={t("notifications.dev.empty")} />}
      <ul className="notification-list dev-mail">
        {outbox?.mail.map((mail) => (
          <li key={mail.id} className="notification-list__item">
            <h2>{mail.subject}</h2>
            <p className="notification-list__meta">
              <time dateTime={mail.receivedAt}>{formatDateTime(mail.receivedAt)}</time> · {t("notifications.dev.to", { to: mail.to.join(", ") })}
            </p>
            <pre>{mail.text}</pre>
          </li>
        ))}
        {outbox?.sms.map((sms, index) => (
          <li key={`sms-${index}`} className="notification-list__item">
            <h2>{t("notifications.dev.sms", { to: sms.to })}</h2>
            <p className="notification-list__meta">
              <time dateTime={sms.at}>{formatDateTime(sms.at)}</time>
            </p>
            <pre>{sms.text}</pre>
          </li>
        ))}
      </ul>
    </LoadingRegion>
  );
}
