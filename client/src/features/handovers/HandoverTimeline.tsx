import { graphql, readFragment, type FragmentOf } from "../../graphql.ts";
import { useFormatters } from "../../i18n/format.ts";
import { useT } from "../../i18n/i18n.tsx";

export const HandoverTimelineFragment = graphql(`
  fragment HandoverTimeline on Handover {
    events {
      id
      type
      at
      note
      citizenAction
      toStatus
      actorUserName
      actorUnit { id name }
    }
  }
`);

/** Every step of the handover, oldest first: what happened, who did it for which unit, when, and their note. */
export function HandoverTimeline({ handover }: { handover: FragmentOf<typeof HandoverTimelineFragment> }) {
  const t = useT();
  const { formatDateTime } = useFormatters();
  const { events } = readFragment(HandoverTimelineFragment, handover);
  return (
    <ol className="timeline">
      {events.map((event) => (
        <li key={event.id} className={`timeline__event timeline__event--${event.type.toLowerCase()}`}>
          <p className="timeline__what">
            <strong>{t(`handovers.event.${event.type}`)}</strong>{" "}
            <time dateTime={event.at} className="timeline__when">
              {formatDateTime(event.at)}
            </time>
          </p>
          <p className="timeline__who">
            {event.citizenAction
              ? t("handovers.timeline.byCitizen")
              : event.actorUnit
              ? event.actorUserName
                ? t("handovers.timeline.byUserAndUnit", { user: event.actorUserName, unit: event.actorUnit.name })
                : t("handovers.timeline.byUnit", { unit: event.actorUnit.name })
              : t("handovers.timeline.bySystem")}
          </p>
          {event.citizenAction && <p className="timeline__note">{t(`handovers.citizenAction.${event.citizenAction}`)}</p>}
          {event.note && (
            <p className="timeline__note">
              <span className="visually-hidden">{t("handovers.timeline.note")} </span>
              {event.note}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
