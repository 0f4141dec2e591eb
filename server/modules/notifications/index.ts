// What other modules may use: the outbox call their commands make inside their transaction.
export { enqueueNotification, type NotificationRequest } from "./outbox.ts";
export { registerNotificationMetrics } from "./notification.metrics.ts";
export { enqueueVisitNotification, handoverNotifications, visitNotifications } from "./event-mapping.ts";
