import ical, { ICalEventStatus, escape } from "ical-generator";
import { DateTime } from "luxon";
import { CENTRE_TIME_ZONE } from "../../shared/copenhagen-time.ts";

export type CalendarFeedEvent = {
  id: string;
  sequence: number;
  startsAt: Date;
  endsAt: Date;
  title: string;
  description: string | null;
  location: string | null;
  status: "CONFIRMED" | "CANCELLED" | "TENTATIVE";
  updatedAt: Date;
};

export type CalendarFeedInput = {
  name: string;
  events: CalendarFeedEvent[];
  generatedAt: Date;
};

const EVENT_STATUS = {
  CONFIRMED: ICalEventStatus.CONFIRMED,
  CANCELLED: ICalEventStatus.CANCELLED,
  TENTATIVE: ICalEventStatus.TENTATIVE,
} as const;

/** Builds the iCalendar (RFC 5545) subscription feed for a centre's or a service's visits. */
export function buildCalendarFeed(input: CalendarFeedInput): string {
  const calendar = ical({
    prodId: { company: "Trædesten", product: "Besøg", language: "DA" },
    // ical-generator writes NAME and X-WR-CALNAME verbatim; a centre name with a comma or a
    // line break would otherwise corrupt the feed.
    name: escape(input.name, false),
    // Only the generator, no calendar-level name: with a calendar time zone set, ical-generator
    // writes DTSTAMP and LAST-MODIFIED as local times without a zone, which RFC 5545 forbids
    // (they must be UTC). The zone is set per event instead, and X-WR-TIMEZONE added by hand.
    timezone: { name: null, generator: copenhagenVtimezone },
    x: { "X-WR-TIMEZONE": CENTRE_TIME_ZONE },
  });

  for (const event of input.events) {
    calendar.createEvent({
      // Stable across feed refreshes, so clients update an event instead of duplicating it.
      id: `${event.id}@traedesten`,
      sequence: event.sequence,
      stamp: input.generatedAt,
      // A Luxon DateTime, not a Date: ical-generator formats a Date in the server process's
      // zone, which would write the wrong wall-clock time under TZID=Europe/Copenhagen.
      start: DateTime.fromJSDate(event.startsAt, { zone: CENTRE_TIME_ZONE }),
      end: DateTime.fromJSDate(event.endsAt, { zone: CENTRE_TIME_ZONE }),
      timezone: CENTRE_TIME_ZONE,
      summary: event.title,
      description: event.description,
      location: event.location,
      status: EVENT_STATUS[event.status],
      lastModified: event.updatedAt,
    });
  }

  return calendar.toString();
}

/**
 * VTIMEZONE for Europe/Copenhagen under the EU rules in force since 1996: CEST from 02:00 CET on
 * the last Sunday of March, CET from 03:00 CEST on the last Sunday of October. Earlier Danish
 * rules are not described, which is fine for a feed of bookings. Written here rather than
 * pulled from a time-zone package because one zone with two rules is all the feed needs.
 */
export function copenhagenVtimezone(timeZone: string): string | null {
  if (timeZone !== CENTRE_TIME_ZONE) return null;
  return [
    "BEGIN:VTIMEZONE",
    `TZID:${CENTRE_TIME_ZONE}`,
    `X-LIC-LOCATION:${CENTRE_TIME_ZONE}`,
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
  ].join("\r\n");
}
