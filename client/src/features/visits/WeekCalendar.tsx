// A centre's week: one row per space, one column per day Monday–Sunday. Visiting windows are
// shaded and written out, closed dates say so, and each visit shows time, title, service and
// status in words. A table, so screen readers announce the space and the day of every cell.
import { useT } from "../../i18n/i18n.tsx";
import { useFormatters } from "../../i18n/format.ts";
import { Button } from "../../ui/Button.tsx";
import { addDays, isoWeekNumber, isoWeekday, localDate, localMinutes, mondayOf } from "../../i18n/zoned-time.ts";
import { VisitStatusBadge } from "./VisitStatusBadge.tsx";
import "./visits.css";

export type CalendarSpace = { id: string; name: string; isActive: boolean };
export type CalendarWindow = { weekday: number; startMinute: number; endMinute: number };
export type CalendarClosure = { date: string; reason?: string | null };
export type CalendarVisit = {
  id: string;
  title: string;
  status: "CONFIRMED" | "REQUESTED" | "DECLINED" | "CANCELLED" | "EXPIRED";
  startsAt: string;
  endsAt: string;
  serviceUnitName: string;
  space: { id: string };
};
export type SlotPick = { spaceId: string; date: string; startMinute: number; endMinute: number };

type WeekCalendarProps = {
  weekStart: string;
  onWeekChange: (weekStart: string) => void;
  spaces: readonly CalendarSpace[];
  windows: readonly CalendarWindow[];
  closures: readonly CalendarClosure[];
  visits: readonly CalendarVisit[];
  /** Shown for services: a "Book" button in each open cell from today on. */
  onPickSlot?: (slot: SlotPick) => void;
  headingId: string;
};

export function WeekCalendar({ weekStart, onWeekChange, spaces, windows, closures, visits, onPickSlot, headingId }: WeekCalendarProps) {
  const t = useT();
  const { formatMinutesOfDay, formatTimeRange, formatDate, formatDayAndDate } = useFormatters();
  const days = Array.from({ length: 7 }, (_, index) => addDays(weekStart, index));
  const today = localDate();
  const shownSpaces = spaces.filter((space) => space.isActive || visits.some((visit) => visit.space.id === space.id));
  const live = visits.filter((visit) => visit.status === "CONFIRMED" || visit.status === "REQUESTED");
  const caption = t("visits.calendar.caption", {
    week: isoWeekNumber(weekStart),
    from: formatDate(weekStart),
    to: formatDate(addDays(weekStart, 6)),
  });

  return (
    <div className="week-calendar">
      <div className="cluster week-calendar__nav">
        <Button variant="secondary" onClick={() => onWeekChange(addDays(weekStart, -7))}>
          {t("visits.calendar.previousWeek")}
        </Button>
        <Button variant="secondary" onClick={() => onWeekChange(mondayOf(today))} disabled={weekStart === mondayOf(today)}>
          {t("visits.calendar.thisWeek")}
        </Button>
        <Button variant="secondary" onClick={() => onWeekChange(addDays(weekStart, 7))}>
          {t("visits.calendar.nextWeek")}
        </Button>
      </div>
      <p className="week-calendar__legend">
        <span className="week-calendar__swatch" aria-hidden="true" /> {t("visits.calendar.legend")}
      </p>
      {shownSpaces.length === 0 ? (
        <p>{t("visits.calendar.noSpaces")}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby={headingId} tabIndex={0}>
          <table className="week-calendar__table">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t("visits.calendar.space")}</th>
                {days.map((day) => (
                  <th scope="col" key={day} className={day === today ? "week-calendar__today" : undefined}>
                    <span className="week-calendar__day">{formatDayAndDate(day)}</span>
                    {day === today && <span className="week-calendar__today-label"> ({t("visits.calendar.today")})</span>}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shownSpaces.map((space) => (
                <tr key={space.id}>
                  <th scope="row">{space.name}</th>
                  {days.map((day) => {
                    const dayWindows = windows.filter((window) => window.weekday === isoWeekday(day));
                    const closure = closures.find((closed) => closed.date === day);
                    const cellVisits = live
                      .filter((visit) => visit.space.id === space.id && localDate(visit.startsAt) === day)
                      .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
                    const isOpen = dayWindows.length > 0 && !closure;
                    const canBook = onPickSlot && isOpen && space.isActive && day >= today;
                    return (
                      <td key={day} className={isOpen ? "week-calendar__cell week-calendar__cell--open" : "week-calendar__cell"}>
                        {closure ? (
                          <p className="week-calendar__closed">
                            {t("visits.calendar.closed")}
                            {closure.reason ? `: ${closure.reason}` : ""}
                          </p>
                        ) : (
                          dayWindows.map((window) => (
                            <p key={window.startMinute} className="week-calendar__window">
                              {t("visits.calendar.window", { from: formatMinutesOfDay(window.startMinute), to: formatMinutesOfDay(window.endMinute) })}
                            </p>
                          ))
                        )}
                        {cellVisits.length > 0 && (
                          <ul className="week-calendar__visits">
                            {cellVisits.map((visit) => (
                              <li key={visit.id} className={`week-calendar__visit week-calendar__visit--${visit.status.toLowerCase()}`}>
                                <span className="week-calendar__time">{formatTimeRange(visit.startsAt, visit.endsAt)}</span>{" "}
                                <span className="week-calendar__title">{visit.title}</span>{" "}
                                <span className="week-calendar__service">{visit.serviceUnitName}</span>{" "}
                                <VisitStatusBadge status={visit.status} />
                              </li>
                            ))}
                          </ul>
                        )}
                        {canBook && dayWindows[0] && (
                          <Button
                            variant="quiet"
                            className="week-calendar__book"
                            aria-label={t("visits.calendar.bookSlotLabel", { space: space.name, day: formatDayAndDate(day) })}
                            onClick={() => onPickSlot({ spaceId: space.id, date: day, ...freeStart(dayWindows[0]!, cellVisits) })}
                          >
                            {t("visits.calendar.bookSlot")}
                          </Button>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

/** A first guess at a free hour inside the window, after the visits already there. */
function freeStart(window: CalendarWindow, visits: readonly CalendarVisit[]): { startMinute: number; endMinute: number } {
  let start = window.startMinute;
  for (const visit of visits) {
    const visitStart = localMinutes(visit.startsAt);
    const visitEnd = localMinutes(visit.endsAt);
    if (visitStart < start + 60 && visitEnd > start) start = visitEnd;
  }
  if (start + 60 > window.endMinute) start = window.startMinute;
  return { startMinute: start, endMinute: Math.min(start + 60, window.endMinute) };
}
