// Input rules for maintaining centres, services, opening hours and activities. Each failure is a
// ValidationError issue naming the input field (e.g. "periods.2.endMinute").
import { z } from "zod";
import { AccessibilityFeature, ActivityLocation, ActivityRecurrence, HolidayPolicy, IntakeStatus, OpeningExceptionKind, Staffing } from "../../generated/prisma/enums.ts";
import { ValidationError, type LocalizedText, type ValidationIssue } from "../../shared/errors.ts";
import { parseInput } from "../../shared/validation.ts";
import { MAX_AGE_YEARS } from "./directory-search.ts";
import { validateOpeningPeriods, type OpeningPeriodIssueCode } from "./opening-hours.ts";
import { TERM_CODE_PATTERN } from "./taxonomy.ts";
import type { IsoWeekday } from "../../shared/copenhagen-time.ts";

const MAX_PERIODS = 60;
const minuteOfDay = z.number().int().min(0).max(1439);
const endMinuteOfDay = z.number().int().min(1).max(1440);
const shortText = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullish().transform((text) => (text ? text : null));
const languageCode = z.string().trim().toLowerCase().regex(/^[a-z]{2,3}$/);
/** A taxonomy term's code; whether the term exists (and is not retired) the command checks. */
const termCodes = z.array(z.string().regex(TERM_CODE_PATTERN)).max(50).transform((codes) => [...new Set(codes)]);
const age = z.number().int().min(0).max(MAX_AGE_YEARS).nullish();

/** Optional age limits: when both are given, the lower must not exceed the upper. */
export function checkAgeLimits(limits: { minAge?: number | null; maxAge?: number | null }): void {
  if (limits.minAge != null && limits.maxAge != null && limits.minAge > limits.maxAge) {
    throw ValidationError.single("maxAge", {
      da: "Den øvre aldersgrænse skal være mindst den nedre.",
      en: "The upper age limit must be at least the lower one.",
    });
  }
}

const PERIOD_ISSUE_TEXT: Record<OpeningPeriodIssueCode, LocalizedText> = {
  END_BEFORE_START: {
    da: "Sluttidspunktet skal ligge efter starttidspunktet – eller markér perioden som over midnat.",
    en: "The end must be after the start – or mark the period as passing midnight.",
  },
  TOO_SHORT: { da: "En åbningsperiode skal vare mindst 15 minutter.", en: "An opening period must last at least 15 minutes." },
  TOO_LONG: { da: "En åbningsperiode må højst vare 16 timer.", en: "An opening period may last at most 16 hours." },
  OVERLAP: { da: "Perioden overlapper en anden periode.", en: "The period overlaps another period." },
};

const openingPeriodSchema = z.object({
  weekday: z.number().int().min(1).max(7),
  startMinute: minuteOfDay,
  endMinute: endMinuteOfDay,
  isOvernight: z.boolean(),
  staffing: z.enum(Staffing),
  note: optionalText(200),
});
export type OpeningPeriodValues = z.infer<typeof openingPeriodSchema>;

/** The weekly periods to store, or ValidationError naming e.g. "periods.2.endMinute". */
export function parseOpeningPeriods(input: { periods: unknown }): OpeningPeriodValues[] {
  // parseInput here: the overlap and length rules (validateOpeningPeriods) run on the parsed periods after it.
  const { periods } = parseInput(z.object({ periods: z.array(openingPeriodSchema).max(MAX_PERIODS) }), input);
  const issues = validateOpeningPeriods(periods.map((period) => ({ ...period, weekday: period.weekday as IsoWeekday })));
  if (issues.length > 0) {
    throw new ValidationError(
      issues.map(({ index, field, code }) => issue(`periods.${index}.${field}`, PERIOD_ISSUE_TEXT[code])),
    );
  }
  return periods;
}

const serviceOpeningPeriodSchema = z.object({
  weekday: z.number().int().min(1).max(7),
  startMinute: minuteOfDay,
  endMinute: endMinuteOfDay,
  note: optionalText(200),
});
export type ServiceOpeningPeriodValues = z.infer<typeof serviceOpeningPeriodSchema>;

/**
 * A service's own weekly hours to store, or ValidationError naming e.g. "periods.1.endMinute".
 * The same rules as a centre's periods, except that a service's hours never pass midnight.
 */
export function parseServiceOpeningPeriods(input: { periods: unknown }): ServiceOpeningPeriodValues[] {
  // parseInput here, as parseOpeningPeriods: the period rules run on the parsed periods after it.
  const { periods } = parseInput(z.object({ periods: z.array(serviceOpeningPeriodSchema).max(MAX_PERIODS) }), input);
  const issues = validateOpeningPeriods(
    periods.map((period) => ({ ...period, weekday: period.weekday as IsoWeekday, isOvernight: false, staffing: "STAFFED" as const })),
  );
  if (issues.length > 0) {
    throw new ValidationError(
      issues.map(({ index, field, code }) => issue(`periods.${index}.${field}`, code === "END_BEFORE_START" ? SERVICE_END_BEFORE_START : PERIOD_ISSUE_TEXT[code])),
    );
  }
  return periods;
}

const SERVICE_END_BEFORE_START: LocalizedText = {
  da: "Sluttidspunktet skal ligge efter starttidspunktet.",
  en: "The end must be after the start.",
};

export const centreProfileSchema = z.object({
  name: shortText(120).optional(),
  description: z.string().trim().max(2000).optional(),
  street: shortText(200).optional(),
  postalCode: z.string().trim().regex(/^\d{4}$/).optional(),
  city: shortText(100).optional(),
  latitude: z.number().min(-90).max(90).optional(),
  longitude: z.number().min(-180).max(180).optional(),
  phone: optionalText(40),
  email: z.email().max(200).nullish(),
  website: z.url().max(300).nullish(),
  askFor: optionalText(300),
  targetGroups: termCodes.pipe(z.array(z.string()).min(1)).optional(),
  offers: termCodes.optional(),
  accessibility: z.array(z.enum(AccessibilityFeature)).optional(),
  languages: z.array(languageCode).min(1).optional(),
  isAnonymousWelcome: z.boolean().optional(),
  minAge: age,
  maxAge: age,
});
export type CentreProfileValues = z.infer<typeof centreProfileSchema>;

export const serviceProfileSchema = z.object({
  name: shortText(120).optional(),
  description: z.string().trim().max(2000).optional(),
  targetGroups: termCodes.pipe(z.array(z.string()).min(1)).optional(),
  languages: z.array(languageCode).min(1).optional(),
  minAge: age,
  maxAge: age,
  street: optionalText(200),
  postalCode: optionalText(10),
  city: optionalText(100),
  latitude: z.number().min(-90).max(90).nullish(),
  longitude: z.number().min(-180).max(180).nullish(),
  phone: optionalText(40),
  email: z.email().max(200).nullish(),
  website: z.url().max(300).nullish(),
  isAnonymousWelcome: z.boolean().optional(),
  intakeStatus: z.enum(IntakeStatus).optional(),
  typicalWaitDays: z.number().int().min(0).max(365).nullish(),
  responseWindowDays: z.number().int().min(1).max(60).optional(),
});
export type ServiceProfileValues = z.infer<typeof serviceProfileSchema>;

const specialHoursEnd = z.number().int().min(0).max(1440);

export const holidayPolicySchema = z
  .object({
    publicHolidayPolicy: z.enum(HolidayPolicy),
    publicHolidayStartMinute: minuteOfDay.nullish(),
    publicHolidayEndMinute: specialHoursEnd.nullish(),
    commonClosedDaysPolicy: z.enum(HolidayPolicy),
    commonClosedDaysStartMinute: minuteOfDay.nullish(),
    commonClosedDaysEndMinute: specialHoursEnd.nullish(),
  })
  .superRefine((policy, context) => {
    requireSpecialHours(context, policy.publicHolidayPolicy, "publicHoliday", policy.publicHolidayStartMinute, policy.publicHolidayEndMinute);
    requireSpecialHours(context, policy.commonClosedDaysPolicy, "commonClosedDays", policy.commonClosedDaysStartMinute, policy.commonClosedDaysEndMinute);
  })
  .transform((policy) => ({
    publicHolidayPolicy: policy.publicHolidayPolicy,
    publicHolidayStartMinute: policy.publicHolidayPolicy === "SPECIAL_HOURS" ? (policy.publicHolidayStartMinute ?? null) : null,
    publicHolidayEndMinute: policy.publicHolidayPolicy === "SPECIAL_HOURS" ? (policy.publicHolidayEndMinute ?? null) : null,
    commonClosedDaysPolicy: policy.commonClosedDaysPolicy,
    commonClosedDaysStartMinute: policy.commonClosedDaysPolicy === "SPECIAL_HOURS" ? (policy.commonClosedDaysStartMinute ?? null) : null,
    commonClosedDaysEndMinute: policy.commonClosedDaysPolicy === "SPECIAL_HOURS" ? (policy.commonClosedDaysEndMinute ?? null) : null,
  }));
export type HolidayPolicyValues = z.infer<typeof holidayPolicySchema>;

export const openingExceptionSchema = z
  .object({
    date: z.string(),
    kind: z.enum(OpeningExceptionKind),
    startMinute: minuteOfDay.nullish(),
    endMinute: specialHoursEnd.nullish(),
    reason: optionalText(200),
  })
  .superRefine((exception, context) => {
    requireSpecialHours(context, exception.kind, "", exception.startMinute, exception.endMinute);
  })
  .transform((exception) => ({
    ...exception,
    startMinute: exception.kind === "SPECIAL_HOURS" ? (exception.startMinute ?? null) : null,
    endMinute: exception.kind === "SPECIAL_HOURS" ? (exception.endMinute ?? null) : null,
  }));
export type OpeningExceptionValues = z.infer<typeof openingExceptionSchema>;

const activityFields = {
  title: shortText(120),
  description: optionalText(1000),
  location: z.enum(ActivityLocation),
  place: optionalText(200),
  recurrence: z.enum(ActivityRecurrence),
  weekday: z.number().int().min(1).max(7).nullish(),
  startMinute: minuteOfDay.nullish(),
  endMinute: endMinuteOfDay.nullish(),
  startsAt: z.date().nullish(),
  endsAt: z.date().nullish(),
  offers: termCodes,
};
type ActivityFields = z.output<z.ZodObject<typeof activityFields>>;

function checkActivity(activity: ActivityFields, context: z.RefinementCtx): void {
  const missing = (path: string) =>
    context.addIssue({ code: "custom", path: [path], message: "This field is required.", params: { da: "Feltet skal udfyldes." } });
  if (activity.location === "OFF_SITE" && !activity.place) missing("place");
  if (activity.recurrence === "WEEKLY") {
    if (activity.weekday == null) missing("weekday");
    if (activity.startMinute == null) missing("startMinute");
    if (activity.endMinute == null) missing("endMinute");
    if (activity.startMinute != null && activity.endMinute != null && activity.endMinute <= activity.startMinute) {
      endBeforeStart(context, "endMinute");
    }
  } else {
    if (!activity.startsAt) missing("startsAt");
    if (!activity.endsAt) missing("endsAt");
    if (activity.startsAt && activity.endsAt && activity.endsAt <= activity.startsAt) endBeforeStart(context, "endsAt");
  }
}

/** Only the times of its recurrence are kept. */
function withRecurrenceTimes<Activity extends ActivityFields>(activity: Activity) {
  const isWeekly = activity.recurrence === "WEEKLY";
  return {
    ...activity,
    weekday: isWeekly ? (activity.weekday ?? null) : null,
    startMinute: isWeekly ? (activity.startMinute ?? null) : null,
    endMinute: isWeekly ? (activity.endMinute ?? null) : null,
    startsAt: isWeekly ? null : (activity.startsAt ?? null),
    endsAt: isWeekly ? null : (activity.endsAt ?? null),
  };
}

/** An activity as stored: updateActivity parses the stored row with the changes laid over it. */
export const activitySchema = z.object(activityFields).superRefine(checkActivity).transform(withRecurrenceTimes);

/** createActivity's input: location, recurrence and offers default to ON_SITE, WEEKLY and none. */
export const newActivitySchema = z
  .object({
    centreId: z.string(),
    ...activityFields,
    location: activityFields.location.nullish().transform((location) => location ?? "ON_SITE"),
    recurrence: activityFields.recurrence.nullish().transform((recurrence) => recurrence ?? "WEEKLY"),
    offers: z
      .array(z.string())
      .nullish()
      .transform((codes) => codes ?? [])
      .pipe(termCodes),
  })
  .superRefine(checkActivity)
  .transform(withRecurrenceTimes);
export type ActivityValues = z.infer<typeof activitySchema>;

function requireSpecialHours(
  context: z.RefinementCtx,
  policy: string,
  prefix: string,
  startMinute: number | null | undefined,
  endMinute: number | null | undefined,
): void {
  if (policy !== "SPECIAL_HOURS") return;
  const field = (name: "StartMinute" | "EndMinute") => (prefix ? `${prefix}${name}` : name.charAt(0).toLowerCase() + name.slice(1));
  const required = { message: "Special hours need a start and an end.", params: { da: "Særlige åbningstider skal have et start- og sluttidspunkt." } };
  if (startMinute == null) context.addIssue({ code: "custom", path: [field("StartMinute")], ...required });
  if (endMinute == null) context.addIssue({ code: "custom", path: [field("EndMinute")], ...required });
  if (startMinute != null && endMinute != null && startMinute === endMinute) {
    context.addIssue({
      code: "custom",
      path: [field("EndMinute")],
      message: "The end must differ from the start (an earlier end means past midnight).",
      params: { da: "Sluttidspunktet skal være forskelligt fra starttidspunktet (et tidligere sluttidspunkt betyder efter midnat)." },
    });
  }
}

function endBeforeStart(context: z.RefinementCtx, path: string): void {
  context.addIssue({
    code: "custom",
    path: [path],
    message: "The end must be after the start.",
    params: { da: "Sluttidspunktet skal ligge efter starttidspunktet." },
  });
}

function issue(field: string, text: LocalizedText): ValidationIssue {
  return { field, message: text.en, messageDa: text.da };
}
