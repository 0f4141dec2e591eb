// What other modules may use of visits.

// The iCalendar writer behind every calendar subscription (calendar, volunteers).
export { buildCalendarFeed, type CalendarFeedEvent } from "./calendar-feed.ts";
