// Danish public holidays and commonly closed days, computed for any Gregorian year.
// Nothing is typed in per year: movable feasts are offsets from Easter Sunday.

export type PublicHolidayKey =
  | "newYearsDay"
  | "maundyThursday"
  | "goodFriday"
  | "easterSunday"
  | "easterMonday"
  | "greatPrayerDay"
  | "ascensionDay"
  | "whitSunday"
  | "whitMonday"
  | "christmasDay"
  | "secondDayOfChristmas";

export type CommonlyClosedDayKey = "constitutionDay" | "christmasEve" | "newYearsEve";

export interface CalendarDay<Key extends string> {
  /** ISO calendar date, yyyy-mm-dd. */
  date: string;
  key: Key;
  nameDa: string;
  nameEn: string;
}

export type PublicHoliday = CalendarDay<PublicHolidayKey>;
export type CommonlyClosedDay = CalendarDay<CommonlyClosedDayKey>;

// Store bededag stopped being a public holiday by law from 2024 (Lov nr. 147 af 28/02/2023).
const LAST_YEAR_WITH_GREAT_PRAYER_DAY = 2023;

// The computus below is only meaningful in the Gregorian calendar (from 1583),
// and ISO dates need a four-digit year.
const FIRST_SUPPORTED_YEAR = 1583;
const LAST_SUPPORTED_YEAR = 9999;

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MILLISECONDS_PER_DAY = 86_400_000;

/** Easter Sunday of a year as yyyy-mm-dd (anonymous Gregorian computus, Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  assertSupportedYear(year);
  const goldenNumber = year % 19;
  const century = Math.floor(year / 100);
  const yearOfCentury = year % 100;
  const skippedLeapCenturies = Math.floor(century / 4);
  const centuryRemainder = century % 4;
  const moonCorrection = Math.floor((century + 8) / 25);
  const solarCorrection = Math.floor((century - moonCorrection + 1) / 3);
  const epact =
    (19 * goldenNumber + century - skippedLeapCenturies - solarCorrection + 15) % 30;
  const leapYearsInCentury = Math.floor(yearOfCentury / 4);
  const yearRemainder = yearOfCentury % 4;
  const daysToSunday =
    (32 + 2 * centuryRemainder + 2 * leapYearsInCentury - epact - yearRemainder) % 7;
  const lateFullMoonCorrection = Math.floor(
    (goldenNumber + 11 * epact + 22 * daysToSunday) / 451,
  );
  const monthAndDay = epact + daysToSunday - 7 * lateFullMoonCorrection + 114;
  const month = Math.floor(monthAndDay / 31);
  const day = (monthAndDay % 31) + 1;
  return isoDate(year, month, day);
}

/** The Danish public holidays (helligdage) of a year, sorted by date. */
export function danishPublicHolidays(year: number): PublicHoliday[] {
  const easter = easterSunday(year);
  const fromEaster = (days: number) => addDays(easter, days);
  const holidays: PublicHoliday[] = [
    day(isoDate(year, 1, 1), "newYearsDay", "Nytårsdag", "New Year's Day"),
    day(fromEaster(-3), "maundyThursday", "Skærtorsdag", "Maundy Thursday"),
    day(fromEaster(-2), "goodFriday", "Langfredag", "Good Friday"),
    day(easter, "easterSunday", "Påskedag", "Easter Sunday"),
    day(fromEaster(1), "easterMonday", "2. påskedag", "Easter Monday"),
  ];
  if (year <= LAST_YEAR_WITH_GREAT_PRAYER_DAY) {
    holidays.push(day(fromEaster(26), "greatPrayerDay", "Store bededag", "Great Prayer Day"));
  }
  holidays.push(
    day(fromEaster(39), "ascensionDay", "Kristi himmelfartsdag", "Ascension Day"),
    day(fromEaster(49), "whitSunday", "Pinsedag", "Whit Sunday"),
    day(fromEaster(50), "whitMonday", "2. pinsedag", "Whit Monday"),
    day(isoDate(year, 12, 25), "christmasDay", "Juledag", "Christmas Day"),
    day(isoDate(year, 12, 26), "secondDayOfChristmas", "2. juledag", "Second Day of Christmas"),
  );
  return holidays;
}

/** Days many services close although they are not public holidays, sorted by date. */
export function commonlyClosedDays(year: number): CommonlyClosedDay[] {
  assertSupportedYear(year);
  return [
    day(isoDate(year, 6, 5), "constitutionDay", "Grundlovsdag", "Constitution Day"),
    day(isoDate(year, 12, 24), "christmasEve", "Juleaftensdag", "Christmas Eve"),
    day(isoDate(year, 12, 31), "newYearsEve", "Nytårsaftensdag", "New Year's Eve"),
  ];
}

/** The public holiday on a yyyy-mm-dd date, or null. */
export function publicHolidayOn(date: string): PublicHoliday | null {
  const holiday = remembered(publicHolidaysByYear, yearOfIsoDate(date), danishPublicHolidays).find(
    (candidate) => candidate.date === date,
  );
  return holiday ? { ...holiday } : null;
}

/** The commonly closed day on a yyyy-mm-dd date, or null. */
export function commonlyClosedDayOn(date: string): CommonlyClosedDay | null {
  const closedDay = remembered(commonlyClosedDaysByYear, yearOfIsoDate(date), commonlyClosedDays).find(
    (candidate) => candidate.date === date,
  );
  return closedDay ? { ...closedDay } : null;
}

// Opening hours ask about the same few years for every centre and day, so each year's days are
// computed once. The lists never leave this module; callers get copies.
const publicHolidaysByYear = new Map<number, readonly PublicHoliday[]>();
const commonlyClosedDaysByYear = new Map<number, readonly CommonlyClosedDay[]>();

function remembered<Day>(cache: Map<number, readonly Day[]>, year: number, compute: (year: number) => Day[]): readonly Day[] {
  let days = cache.get(year);
  if (!days) {
    days = compute(year);
    cache.set(year, days);
  }
  return days;
}

function day<Key extends string>(
  date: string,
  key: Key,
  nameDa: string,
  nameEn: string,
): CalendarDay<Key> {
  return { date, key, nameDa, nameEn };
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

// Calendar arithmetic on UTC midnights has no DST to trip over.
function addDays(date: string, days: number): string {
  const shifted = new Date(Date.parse(`${date}T00:00:00Z`) + days * MILLISECONDS_PER_DAY);
  return shifted.toISOString().slice(0, 10);
}

// Checked once per date string: opening hours ask for the same dates for every centre.
const yearByDate = new Map<string, number>();

function yearOfIsoDate(date: string): number {
  const known = yearByDate.get(date);
  if (known !== undefined) return known;
  const year = checkedYearOfIsoDate(date);
  if (yearByDate.size >= 10_000) yearByDate.clear();
  yearByDate.set(date, year);
  return year;
}

function checkedYearOfIsoDate(date: string): number {
  const match = ISO_DATE_PATTERN.exec(date);
  // Date.parse rolls 2026-02-30 over to March, so a real date must survive a round trip.
  const time = Date.parse(`${date}T00:00:00Z`);
  const isRealDate = !Number.isNaN(time) && new Date(time).toISOString().startsWith(date);
  if (!match || !isRealDate) {
    throw new RangeError(`Expected an ISO date yyyy-mm-dd, got "${date}"`);
  }
  return Number(match[1]);
}

function assertSupportedYear(year: number): void {
  if (!Number.isInteger(year) || year < FIRST_SUPPORTED_YEAR || year > LAST_SUPPORTED_YEAR) {
    throw new RangeError(
      `Year must be an integer from ${FIRST_SUPPORTED_YEAR} to ${LAST_SUPPORTED_YEAR}, got ${year}`,
    );
  }
}
