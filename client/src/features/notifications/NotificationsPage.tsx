// /notifikationer — the viewer's messages, newest first: what happened, where, and a link.
import { requestErrorMessage, useMutationResult, useQuery } from "../../graphql.ts";
import { useFormatters } from "../../i18n/format.ts";
import { useLanguage, useT } from "../../i18n/i18n.tsx";
import { Link, useDocumentTitle } from "../../page-navigation.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { Button } from "../../ui/Button.tsx";
import { EmptyState } from "../../ui/EmptyState.tsx";
import { PageHeading } from "../../ui/PageHeading.tsx";
import { LoadingRegion } from "../../ui/Spinner.tsx";
import { useViewer } from "../accounts/viewer.tsx";
import { MarkNotificationsReadMutation, NotificationsQuery } from "./documents.ts";
import { notificationsPaths } from "./paths.ts";
import "./notifications.css";

export function NotificationsPage() {
  const t = useT();
  useDocumentTitle(t("notifications.title"));
  const { me } = useViewer();
  if (me === null) {
    return (
      <>
        <PageHeading>{t("notifications.title")}</PageHeading>
        <Alert>{t("notifications.signIn")}</Alert>
      </>
    );
  }
  return <NotificationList />;
}

function NotificationList() {
  const t = useT();
  const { language } = useLanguage();
  const { formatDateTime } = useFormatters();
  const { data, loading, error, refetch } = useQuery(NotificationsQuery);
  // The answer is a count only; the notifications it marked read reload through their type.
  const markRead = useMutationResult(MarkNotificationsReadMutation, "MarkNotificationsReadSuccess", { additionalTypenames: ["Notification"] });
  const items = data?.notifications ?? [];

  const onMarkAll = () => void markRead.run({ input: {} });
  const onOpen = (id: string, isRead: boolean) => {
    if (!isRead) void markRead.run({ input: { ids: [id] } });
  };

  return (
    <>
      <PageHeading lead={t("notifications.lead")}>{t("notifications.title")}</PageHeading>
      <p>
        <Link to={notificationsPaths.notificationPreferences}>{t("notifications.toPreferences")}</Link>
      </p>
      <LoadingRegion busy={loading}>
        {error && (
          <Alert tone="error">
            <p>{t("notifications.loadFailed", { message: requestErrorMessage(error, t) })}</p>
            {/* Retry after a failed load; changes reload through the document cache. */}
            <Button variant="secondary" onClick={() => void refetch()}>
              {t("common.retry")}
            </Button>
          </Alert>
        )}
        {markRead.error && <Alert tone="error">{markRead.error.message}</Alert>}
        {data && items.length === 0 && <EmptyState title={t("notifications.empty")} />}
        {(data?.unreadNotificationCount ?? 0) > 0 && (
          <Button variant="secondary" busy={markRead.running} onClick={onMarkAll}>
            {t("notifications.markAllRead")}
          </Button>
        )}
        {items.length > 0 && (
          <ul className="notification-list">
            {items.map((item) => (
              <li key={item.id} className={item.isRead ? "notification-list__item" : "notification-list__item notification-list__item--unread"}>
                {!item.isRead && <span className="notification-list__badge">{t("notifications.unread")}</span>}
                <p className="notification-list__text">{language === "da" ? item.textDa : item.text}</p>
                <p className="notification-list__meta">
                  <time dateTime={item.createdAt}>{formatDateTime(item.createdAt)}</time>
                  {" · "}
                  <Link to={item.path} onClick={() => onOpen(item.id, item.isRead)}>
                    {t("notifications.open")}
                  </Link>
                </p>
              </li>
            ))}
          </ul>
        )}
      </LoadingRegion>
    </>
  );
}
