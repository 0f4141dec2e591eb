import { graphql, readFragment, type FragmentOf } from "../../graphql.ts";
import { useFormatters } from "../../i18n/format.ts";
import { useT } from "../../i18n/i18n.tsx";
import { Link } from "../../page-navigation.tsx";
import { Badge, BadgeList } from "../../ui/Badge.tsx";
import { statusTone } from "./labels.ts";
import { handoverPath } from "./paths.ts";
import { recipientName } from "./recipientName.ts";

export const HandoverListItemFragment = graphql(`
  fragment HandoverListItem on Handover {
    id
    code
    kind
    status
    outcome
    purpose
    urgency
    isUnread
    hasConsent
    createdAt
    sentAt
    fromUnit { id name }
    toUnit { id name }
    openRequest { serviceKind areaName }
  }
`);

/** One handover in an inbox: who it is from or to, its code, status and whether it changed since last opened. */
export function HandoverListItem({ handover: data, side }: { handover: FragmentOf<typeof HandoverListItemFragment>; side: "received" | "sent" }) {
  const t = useT();
  const { formatDateTime } = useFormatters();
  const handover = readFragment(HandoverListItemFragment, data);
  const counterpart = side === "received" ? handover.fromUnit.name : recipientName(t, handover);
  const when = handover.sentAt ?? handover.createdAt;
  const title = t(side === "received" ? "handovers.list.from" : "handovers.list.to", { unit: counterpart });
  const code = t("handovers.list.code", { code: handover.code });
  return (
    <li className={["handover-item", handover.isUnread && "handover-item--unread"].filter(Boolean).join(" ")}>
      <div className="handover-item__main">
        <h3 className="handover-item__title">
          {/* Plain words with a space between: a hidden comma here was read as a stray line. */}
          <Link to={handoverPath(handover.id)}>
            <span className="handover-item__counterpart">{title}</span>{" "}
            <span className="handover-item__code">{code}</span>
          </Link>
        </h3>
        <p className="handover-item__purpose">{handover.purpose}</p>
        <p className="handover-item__meta">
          {t(`handovers.kind.${handover.kind}`)} · {t(handover.sentAt ? "handovers.list.sentAt" : "handovers.list.createdAt", { time: formatDateTime(when) })}
          {" · "}
          {handover.hasConsent ? t("handovers.list.withConsent") : t("handovers.list.anonymous")}
        </p>
      </div>
      <BadgeList className="handover-item__badges">
        {handover.isUnread && (
          <li>
            <Badge tone="info">{t("handovers.list.unread")}</Badge>
          </li>
        )}
        {handover.urgency === "HIGH" && (
          <li>
            <Badge tone="warning">{t("handovers.urgency.HIGH")}</Badge>
          </li>
        )}
        <li>
          <Badge tone={statusTone(handover.status)} label={t("handovers.badges.status")}>
            {t(`handovers.status.${handover.status}`)}
          </Badge>
        </li>
        {handover.outcome && (
          <li>
            <Badge tone="success" label={t("handovers.badges.outcome")}>
              {t(`handovers.outcome.${handover.outcome}`)}
            </Badge>
          </li>
        )}
      </BadgeList>
    </li>
  );
}
