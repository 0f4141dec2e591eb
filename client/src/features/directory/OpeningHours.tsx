import { graphql } from "../../graphql.ts";
import { formatMinutesOfDay, TIME_ZONE } from "../../i18n/format.ts";
import { useLanguage, useT } from "../../i18n/i18n.tsx";
import { Badge } from "../../ui/Badge.tsx";
import { weekdayName } from "./labels.ts";

export const WeekdayHoursFields = graphql(`
  fragment WeekdayHoursFields on WeekdayHours @_unmask {
    weekday
    labelDa
    labelEn
    periods { id startMinute endMinute isOvernight staffing note }
  }
`);

export type WeekdayHours = {
  weekday: number;
  labelDa: string;
  labelEn: string;
  periods: readonly { id: string; startMinute: number; endMinute: number; isOvernight: boolean; staffing: "STAFFED" | "VOLUNTEERS"; note?: string | null }[];
};

const ISO_WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** Today's ISO weekday in Copenhagen. */
export function todayWeekday(): number {
  const short = new Intl.DateTimeFormat("en-GB", { timeZone: TIME_ZONE, weekday: "short" }).format(new Date());
  return ISO_WEEKDAYS[short] ?? 0;
}

export function hasVolunteerPeriods(days: readonly WeekdayHours[]): boolean {
  return days.some((day) => day.periods.some((period) => period.staffing === "VOLUNTEERS"));
}

/** One weekday's periods: "09.00–15.00, 17.00–21.00 [frivillige]" or "Lukket". */
export function DayPeriods({ day }: { day: WeekdayHours }) {
  const t = useT();
  const { language } = useLanguage();
  if (day.periods.length === 0) return <>{t("directory.centre.closedDay")}</>;
  const periods = [...day.periods].sort((a, b) => a.startMinute - b.startMinute);
  return (
    <>
      {periods.map((period, index) => {
        const start = formatMinutesOfDay(period.startMinute, language);
        const end = formatMinutesOfDay(period.endMinute, language);
        return (
          <span key={period.id} className="period">
            {index > 0 && ", "}
            {period.isOvernight ? t("directory.centre.overnight", { start, end }) : `${start}–${end}`}
            {period.staffing === "VOLUNTEERS" && <Badge tone="info">{t("directory.centre.volunteers")}</Badge>}
            {period.note && <span className="meta"> ({period.note})</span>}
          </span>
        );
      })}
    </>
  );
}

export function OpeningHoursTable({ days, caption }: { days: readonly WeekdayHours[]; caption: string }) {
  const t = useT();
  const today = todayWeekday();
  return (
    <>
      <table className="hours-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("directory.centre.weekday")}</th>
            <th scope="col">{t("directory.centre.hours")}</th>
          </tr>
        </thead>
        <tbody>
          {days.map((day) => (
            <tr key={day.weekday} aria-current={day.weekday === today ? "date" : undefined}>
              <th scope="row">
                {weekdayName(t, day.weekday)}
                {day.weekday === today && <span className="meta"> ({t("directory.centre.today")})</span>}
              </th>
              <td>
                <DayPeriods day={day} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {hasVolunteerPeriods(days) && <p className="meta">{t("directory.centre.volunteersExplained")}</p>}
    </>
  );
}
