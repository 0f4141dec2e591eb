import ICAL from "ical.js";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type CalendarFeedEvent, buildCalendarFeed } from "../../server/modules/visits/calendar-feed.ts";

const generatedAt = new Date("2026-02-01T07:45:30.000Z");

const buildEvent = (overrides: Partial<CalendarFeedEvent> = {}): CalendarFeedEvent => ({
  id: "visit-winter",
  sequence: 0,
  // Tuesday 10:00–12:00 CET
  startsAt: new Date("2026-01-13T09:00:00.000Z"),
  endsAt: new Date("2026-01-13T11:00:00.000Z"),
  title: "Jobrådgiver",
  description: null,
  location: null,
  status: "CONFIRMED",
  updatedAt: new Date("2026-01-10T12:00:00.000Z"),
  ...overrides,
});

const winterEvent = buildEvent({ description: "Tag CV med; vi har kaffe, te\nog kage", location: "Mødelokale 2" });
const summerEvent = buildEvent({
  id: "visit-summer",
  sequence: 3,
  // Tuesday 10:00–12:00 CEST
  startsAt: new Date("2026-07-14T08:00:00.000Z"),
  endsAt: new Date("2026-07-14T10:00:00.000Z"),
  status: "TENTATIVE",
});
const cancelledEvent = buildEvent({
  id: "visit-cancelled",
  sequence: 1,
  startsAt: new Date("2026-03-31T08:00:00.000Z"),
  endsAt: new Date("2026-03-31T10:00:00.000Z"),
  status: "CANCELLED",
});

function parseFeed(feed: string) {
  const calendar = new ICAL.Component(ICAL.parse(feed));
  const eventsById = new Map(
    calendar.getAllSubcomponents("vevent").map((vevent) => {
      const event = new ICAL.Event(vevent);
      return [event.uid, { vevent, event }] as const;
    }),
  );
  return { calendar, eventsById };
}

function findEvent(feed: string, uid: string) {
  const found = parseFeed(feed).eventsById.get(uid);
  if (!found) throw new Error(`no VEVENT with UID ${uid}`);
  return found;
}

const feed = buildCalendarFeed({
  name: "Værestedet Nord, Aarhus; besøg",
  events: [winterEvent, summerEvent, cancelledEvent],
  generatedAt,
});

describe("buildCalendarFeed", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("names the producer, the calendar and its time zone", () => {
    const { calendar } = parseFeed(feed);
    expect(calendar.name).toBe("vcalendar");
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(calendar.getFirstPropertyValue("prodid")).toBe("-//Trædesten//Besøg//DA");
    // ical.js leaves unknown X- properties undecoded; RFC 5545 §3.8.8.2 makes them TEXT, which
    // clients unescape, so the raw value must be the escaped name.
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("Værestedet Nord\\, Aarhus\\; besøg");
    expect(calendar.getFirstPropertyValue("x-wr-timezone")).toBe("Europe/Copenhagen");
  });

  it("includes exactly one VTIMEZONE, for Europe/Copenhagen", () => {
    const timezones = parseFeed(feed).calendar.getAllSubcomponents("vtimezone");
    expect(timezones).toHaveLength(1);
    expect(timezones[0]?.getFirstPropertyValue("tzid")).toBe("Europe/Copenhagen");
  });

  it("gives every visit a stable UID and its sequence", () => {
    const { eventsById } = parseFeed(feed);
    expect([...eventsById.keys()]).toEqual([
      "visit-winter@traedesten",
      "visit-summer@traedesten",
      "visit-cancelled@traedesten",
    ]);
    expect(eventsById.get("visit-winter@traedesten")?.event.sequence).toBe(0);
    expect(eventsById.get("visit-summer@traedesten")?.event.sequence).toBe(3);
    expect(eventsById.get("visit-cancelled@traedesten")?.event.sequence).toBe(1);
  });

  it("stamps every event in UTC with the time it was given, whatever the clock says", () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2031-06-01T00:00:00.000Z"));
    const laterFeed = buildCalendarFeed({ name: "Nord", events: [winterEvent, summerEvent], generatedAt });
    for (const { vevent } of parseFeed(laterFeed).eventsById.values()) {
      const stamp = vevent.getFirstPropertyValue("dtstamp");
      expect(stamp).toBeInstanceOf(ICAL.Time);
      expect((stamp as ICAL.Time).zone).toBe(ICAL.Timezone.utcTimezone);
      expect((stamp as ICAL.Time).toJSDate().toISOString()).toBe(generatedAt.toISOString());
    }
  });

  it("produces the same feed for the same input", () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2031-06-01T00:00:00.000Z"));
    const first = buildCalendarFeed({ name: "Nord", events: [winterEvent], generatedAt });
    vi.setSystemTime(new Date("2032-01-01T00:00:00.000Z"));
    const second = buildCalendarFeed({ name: "Nord", events: [winterEvent], generatedAt });
    expect(second).toBe(first);
  });

  it.each([
    ["winter", winterEvent],
    ["summer", summerEvent],
  ])("writes the %s event at 10:00 Copenhagen time, resolving to the booked instants", (_season, input) => {
    const { event, vevent } = findEvent(feed, `${input.id}@traedesten`);
    expect(vevent.getFirstProperty("dtstart")?.getParameter("tzid")).toBe("Europe/Copenhagen");
    expect(vevent.getFirstProperty("dtend")?.getParameter("tzid")).toBe("Europe/Copenhagen");
    for (const [time, instant] of [
      [event.startDate, input.startsAt],
      [event.endDate, input.endsAt],
    ] as const) {
      // The zone must come from the feed's own VTIMEZONE, not a floating fallback.
      expect(time.zone?.tzid).toBe("Europe/Copenhagen");
      expect(time.zone?.component?.name).toBe("vtimezone");
      expect(time.toJSDate().getTime()).toBe(instant.getTime());
    }
    expect(event.startDate.hour).toBe(10);
    expect(event.endDate.hour).toBe(12);
  });

  it.each([
    // The Saturday before and the Sunday of each change pin the VTIMEZONE rules to the right day.
    ["2026-03-28T09:00:00.000Z", 10],
    ["2026-03-29T08:00:00.000Z", 10],
    ["2026-10-24T08:00:00.000Z", 10],
    ["2026-10-25T09:00:00.000Z", 10],
    ["2027-03-28T08:00:00.000Z", 10],
  ])("resolves %s through the VTIMEZONE around daylight-saving changes", (startsAt, localHour) => {
    const start = new Date(startsAt);
    const input = buildEvent({ id: "edge", startsAt: start, endsAt: new Date(start.getTime() + 60 * 60 * 1000) });
    const { event } = findEvent(buildCalendarFeed({ name: "Nord", events: [input], generatedAt }), "edge@traedesten");
    expect(event.startDate.hour).toBe(localHour);
    expect(event.startDate.toJSDate().toISOString()).toBe(start.toISOString());
  });

  it("marks a cancelled visit STATUS:CANCELLED and keeps the others' status", () => {
    const { eventsById } = parseFeed(feed);
    expect(eventsById.get("visit-cancelled@traedesten")?.vevent.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(eventsById.get("visit-winter@traedesten")?.vevent.getFirstPropertyValue("status")).toBe("CONFIRMED");
    expect(eventsById.get("visit-summer@traedesten")?.vevent.getFirstPropertyValue("status")).toBe("TENTATIVE");
    expect(feed).toContain("STATUS:CANCELLED\r\n");
  });

  it("carries title, description and location as given, and omits what is missing", () => {
    const { eventsById } = parseFeed(feed);
    const winter = eventsById.get("visit-winter@traedesten");
    expect(winter?.event.summary).toBe("Jobrådgiver");
    expect(winter?.event.description).toBe("Tag CV med; vi har kaffe, te\nog kage");
    expect(winter?.event.location).toBe("Mødelokale 2");
    const summer = eventsById.get("visit-summer@traedesten");
    expect(summer?.vevent.hasProperty("description")).toBe(false);
    expect(summer?.vevent.hasProperty("location")).toBe(false);
  });

  it("records when the visit last changed, in UTC", () => {
    const lastModified = findEvent(feed, "visit-winter@traedesten").vevent.getFirstPropertyValue("last-modified");
    expect(lastModified).toBeInstanceOf(ICAL.Time);
    expect((lastModified as ICAL.Time).zone).toBe(ICAL.Timezone.utcTimezone);
    expect((lastModified as ICAL.Time).toJSDate().toISOString()).toBe("2026-01-10T12:00:00.000Z");
  });

  it("keeps a calendar name with a line break on one property line", () => {
    const { calendar } = parseFeed(buildCalendarFeed({ name: "Nord\nBEGIN:VEVENT", events: [], generatedAt }));
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("Nord\\nBEGIN:VEVENT");
    expect(calendar.getAllSubcomponents("vevent")).toHaveLength(0);
  });
});
