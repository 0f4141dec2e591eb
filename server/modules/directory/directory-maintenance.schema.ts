// Unit admins keep their own centre's and service's directory entry up to date: profile,
// opening periods, exceptions, holiday policy and activities. Every mutation returns a result
// union; bad input is a ValidationError naming the field and changes nothing.
import type { InputFieldBuilder } from "@pothos/core";
import { z } from "zod";
import { MUTATION_ERRORS } from "../../graphql/common.schema.ts";
import { builder } from "../../graphql/builder.ts";
import { parseInput, parsedBy, refuseCprNumbers } from "../../shared/validation.ts";
import { ActivityRef, CentreRef } from "./centre.schema.ts";
import {
  AccessibilityFeatureEnum,
  ActivityLocationEnum,
  ActivityRecurrenceEnum,
  HolidayPolicyEnum,
  IntakeStatusEnum,
  OfferEnum,
  StaffingEnum,
  TargetGroupEnum,
} from "./directory-enums.schema.ts";
import {
  activitySchema,
  centreProfileSchema,
  holidayPolicySchema,
  newActivitySchema,
  parseOpeningPeriods,
  parseServiceOpeningPeriods,
  serviceProfileSchema,
} from "./directory-validation.ts";
import {
  createActivity,
  deleteActivity,
  getActivityOrThrow,
  removeOpeningException,
  replaceOpeningPeriods,
  replaceServiceOpeningPeriods,
  setHolidayPolicy,
  updateActivity,
  updateCentreProfile,
  updateServiceProfile,
} from "./directory.commands.ts";
import { activityAdminScopes, centreAdminScopes, openingExceptionAdminScopes, serviceAdminScopes } from "./directory.policy.ts";
import { ServiceRef } from "./service.schema.ts";

// Columns that cannot be null: a null in the input means "leave as is", like an absent field.
const REQUIRED_CENTRE_FIELDS = [
  "name", "description", "street", "postalCode", "city", "latitude", "longitude",
  "targetGroups", "offers", "accessibility", "languages", "isAnonymousWelcome",
] as const;
const REQUIRED_SERVICE_FIELDS = [
  "name", "description", "targetGroups", "languages", "isAnonymousWelcome", "intakeStatus", "responseWindowDays",
] as const;

/** A profile's input schema: the null of a required column is dropped before the profile's rules apply. */
function profileInput<Schema extends z.ZodType>(required: readonly string[], schema: Schema) {
  return z.preprocess(
    (input) => Object.fromEntries(Object.entries(input as Record<string, unknown>).filter(([key, value]) => !(value === null && required.includes(key)))),
    schema,
  );
}

type BuilderTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer Types> ? Types : never;

/** An entry's address and contact fields, as both the centre's and the service's profile take them. */
function addressAndContactFields(t: InputFieldBuilder<BuilderTypes, "InputObject">) {
  return {
    street: t.string({ required: false }),
    postalCode: t.string({ required: false }),
    city: t.string({ required: false }),
    latitude: t.float({ required: false }),
    longitude: t.float({ required: false }),
    phone: t.string({ required: false }),
    email: t.string({ required: false }),
    website: t.string({ required: false }),
  };
}

/** The free text of a profile that could hold a CPR number, as both profiles have it. */
function profileFreeText(profile: { name?: string; description?: string; street?: string | null; city?: string | null; phone?: string | null }) {
  return { name: profile.name, description: profile.description, street: profile.street, city: profile.city, phone: profile.phone };
}

/** When an activity takes place: weekly by weekday and minutes, or once between two instants; and what it offers. */
function activityTimeFields(t: InputFieldBuilder<BuilderTypes, "InputObject">) {
  return {
    weekday: t.int({ required: false }),
    startMinute: t.int({ required: false }),
    endMinute: t.int({ required: false }),
    startsAt: t.field({ type: "DateTime", required: false }),
    endsAt: t.field({ type: "DateTime", required: false }),
    offers: t.field({ type: [OfferEnum], required: false }),
  };
}

// The mutations below share a shape (input; parse, authorize, call one command), not logic,
// so each is written out as Pothos needs it.
const UpdateCentreProfileInput = builder.inputType("UpdateCentreProfileInput", {
  description: "Fields left out stay as they are; phone, email, website and askFor can be cleared with null.",
  fields: (t) => ({
    centreId: t.id({ required: true }),
    name: t.string({ required: false }),
    description: t.string({ required: false }),
    ...addressAndContactFields(t),
    askFor: t.string({ required: false }),
    targetGroups: t.field({ type: [TargetGroupEnum], required: false }),
    offers: t.field({ type: [OfferEnum], required: false }),
    accessibility: t.field({ type: [AccessibilityFeatureEnum], required: false }),
    languages: t.stringList({ required: false, description: "ISO 639-1 codes." }),
    isAnonymousWelcome: t.boolean({ required: false }),
    minAge: t.int({ required: false, description: "Youngest age admitted (0–120); null clears the limit." }),
    maxAge: t.int({ required: false, description: "Oldest age admitted (0–120); null clears the limit." }),
  }),
});

const centreProfileInputSchema = profileInput(REQUIRED_CENTRE_FIELDS, centreProfileSchema.extend({ centreId: z.string() }));

builder.mutationField("updateCentreProfile", (t) =>
  t.field({
    type: CentreRef,
    description: "Changes a centre's public profile. The centre's unit admins only.",
    args: { input: t.arg({ type: UpdateCentreProfileInput, required: true, validate: { schema: centreProfileInputSchema } }) },
    errors: MUTATION_ERRORS,
    authScopes: (_root, { input }, context) => centreAdminScopes(context.prisma, input.centreId),
    resolve: async (_root, { input }, context) => {
      const { centreId, ...profile } = parsedBy(centreProfileInputSchema, input);
      refuseCprNumbers({ ...profileFreeText(profile), askFor: profile.askFor });
      return updateCentreProfile(context.prisma, centreId, profile);
    },
  }),
);

const OpeningPeriodInput = builder.inputType("OpeningPeriodInput", {
  fields: (t) => ({
    weekday: t.int({ required: true, description: "ISO weekday: 1 = Monday … 7 = Sunday." }),
    startMinute: t.int({ required: true, description: "Minutes after local midnight, 0..1439." }),
    endMinute: t.int({ required: true, description: "Minutes after local midnight, 1..1440; on the next day when isOvernight." }),
    isOvernight: t.boolean({ required: false, defaultValue: false }),
    staffing: t.field({ type: StaffingEnum, required: false, defaultValue: "STAFFED" }),
    note: t.string({ required: false }),
  }),
});

const SetOpeningPeriodsInput = builder.inputType("SetOpeningPeriodsInput", {
  fields: (t) => ({
    centreId: t.id({ required: true }),
    periods: t.field({ type: [OpeningPeriodInput], required: true }),
  }),
});

builder.mutationField("setOpeningPeriods", (t) =>
  t.field({
    type: CentreRef,
    description:
      "Replaces all weekly opening periods at once. Refused (nothing changed) when periods overlap, " +
      "are shorter than 15 minutes or longer than 16 hours, or end before they start without isOvernight.",
    args: { input: t.arg({ type: SetOpeningPeriodsInput, required: true }) },
    errors: MUTATION_ERRORS,
    authScopes: (_root, { input }, context) => centreAdminScopes(context.prisma, input.centreId),
    resolve: async (_root, { input }, context) => {
      const periods = parseOpeningPeriods({
        periods: input.periods.map((period) => ({
          ...period,
          isOvernight: period.isOvernight ?? false,
          staffing: period.staffing ?? "STAFFED",
        })),
      });
      refuseCprNumbers(Object.fromEntries(periods.map((period, index) => [`periods.${index}.note`, period.note])));
      return replaceOpeningPeriods(context.prisma, input.centreId, periods);
    },
  }),
);

// addOpeningException lives in the visits module (visits/closures.schema.ts): a closed day or
// special hours may cover booked visits, and the visits module decides what happens to them.

const RemoveOpeningExceptionInput = builder.inputType("RemoveOpeningExceptionInput", {
  fields: (t) => ({ exceptionId: t.id({ required: true }) }),
});

builder.mutationField("removeOpeningException", (t) =>
  t.field({
    type: CentreRef,
    description: "Removes an exception; returns the centre.",
    args: { input: t.arg({ type: RemoveOpeningExceptionInput, required: true }) },
    errors: MUTATION_ERRORS,
    authScopes: (_root, { input }, context) => openingExceptionAdminScopes(context.prisma, input.exceptionId),
    resolve: (_root, { input }, context) => removeOpeningException(context.prisma, input.exceptionId),
  }),
);

const SetHolidayPolicyInput = builder.inputType("SetHolidayPolicyInput", {
  description: "SPECIAL_HOURS needs both minutes; an end before the start means past midnight.",
  fields: (t) => ({
    centreId: t.id({ required: true }),
    publicHolidayPolicy: t.field({ type: HolidayPolicyEnum, required: true }),
    publicHolidayStartMinute: t.int({ required: false }),
    publicHolidayEndMinute: t.int({ required: false }),
    commonClosedDaysPolicy: t.field({
      type: HolidayPolicyEnum,
      required: true,
      description: "Grundlovsdag, 24 and 31 December.",
    }),
    commonClosedDaysStartMinute: t.int({ required: false }),
    commonClosedDaysEndMinute: t.int({ required: false }),
  }),
});

const holidayPolicyInputSchema = z.object({ centreId: z.string() }).and(holidayPolicySchema);

builder.mutationField("setHolidayPolicy", (t) =>
  t.field({
    type: CentreRef,
    description: "Sets whether the centre closes, keeps normal hours or has special hours on public holidays and commonly closed days.",
    args: { input: t.arg({ type: SetHolidayPolicyInput, required: true, validate: { schema: holidayPolicyInputSchema } }) },
    errors: MUTATION_ERRORS,
    authScopes: (_root, { input }, context) => centreAdminScopes(context.prisma, input.centreId),
    resolve: (_root, { input }, context) => {
      const { centreId, ...policy } = parsedBy(holidayPolicyInputSchema, input);
      return setHolidayPolicy(context.prisma, centreId, policy);
    },
  }),
);

const CreateActivityInput = builder.inputType("CreateActivityInput", {
  description: "WEEKLY needs weekday, startMinute and endMinute; ONE_OFF needs startsAt and endsAt; OFF_SITE needs place.",
  fields: (t) => ({
    centreId: t.id({ required: true }),
    title: t.string({ required: true }),
    description: t.string({ required: false }),
    location: t.field({ type: ActivityLocationEnum, required: false, defaultValue: "ON_SITE" }),
    place: t.string({ required: false }),
    recurrence: t.field({ type: ActivityRecurrenceEnum, required: false, defaultValue: "WEEKLY" }),
    ...activityTimeFields(t),
  }),
});

builder.mutationField("createActivity", (t) =>
  t.field({
    type: ActivityRef,
    description: "Adds a recurring or one-off activity (on site, off site or location-less) to a centre.",
    args: { input: t.arg({ type: CreateActivityInput, required: true, validate: { schema: newActivitySchema } }) },
    errors: MUTATION_ERRORS,
    authScopes: (_root, { input }, context) => centreAdminScopes(context.prisma, input.centreId),
    resolve: async (_root, { input }, context) => {
      const { centreId, ...activity } = parsedBy(newActivitySchema, input);
      refuseCprNumbers({ title: activity.title, description: activity.description, place: activity.place });
      return createActivity(context.prisma, centreId, activity);
    },
  }),
);

const UpdateActivityInput = builder.inputType("UpdateActivityInput", {
  description: "Fields left out stay as they are; the result must satisfy the same rules as createActivity.",
  fields: (t) => ({
    activityId: t.id({ required: true }),
    title: t.string({ required: false }),
    description: t.string({ required: false }),
    location: t.field({ type: ActivityLocationEnum, required: false }),
    place: t.string({ required: false }),
    recurrence: t.field({ type: ActivityRecurrenceEnum, required: false }),
    ...activityTimeFields(t),
  }),
});

builder.mutationField("updateActivity", (t) =>
  t.field({
    type: ActivityRef,
    description: "Changes an activity of a centre.",
    args: { input: t.arg({ type: UpdateActivityInput, required: true }) },
    errors: MUTATION_ERRORS,
    authScopes: (_root, { input }, context) => activityAdminScopes(context.prisma, input.activityId),
    resolve: async (_root, { input }, context) => {
      const { activityId, ...changes } = input;
      const current = await getActivityOrThrow(context.prisma, activityId);
      const { id: _id, centreId: _centreId, createdAt: _createdAt, ...currentValues } = current;
      // parseInput, not validate: the rules hold for the stored row with the changes laid over it, read first.
      const activity = parseInput(activitySchema, { ...currentValues, ...withoutUndefinedValues(changes) });
      refuseCprNumbers({ title: activity.title, description: activity.description, place: activity.place });
      return updateActivity(context.prisma, activityId, activity);
    },
  }),
);

const DeleteActivityInput = builder.inputType("DeleteActivityInput", {
  fields: (t) => ({ activityId: t.id({ required: true }) }),
});

builder.mutationField("deleteActivity", (t) =>
  t.field({
    type: CentreRef,
    description: "Deletes an activity; returns its centre.",
    args: { input: t.arg({ type: DeleteActivityInput, required: true }) },
    errors: MUTATION_ERRORS,
    authScopes: (_root, { input }, context) => activityAdminScopes(context.prisma, input.activityId),
    resolve: (_root, { input }, context) => deleteActivity(context.prisma, input.activityId),
  }),
);

/** A service's age limits, address and contact fields, as every service input takes them. */
export function serviceEntryFields(t: InputFieldBuilder<BuilderTypes, "InputObject">) {
  return {
    minAge: t.int({ required: false, description: "Youngest age admitted (0–120); null clears the limit." }),
    maxAge: t.int({ required: false, description: "Oldest age admitted (0–120); null clears the limit." }),
    ...addressAndContactFields(t),
  };
}

const UpdateServiceProfileInput = builder.inputType("UpdateServiceProfileInput", {
  description: "Fields left out stay as they are; nullable contact and address fields can be cleared with null.",
  fields: (t) => ({
    serviceId: t.id({ required: true }),
    name: t.string({ required: false }),
    description: t.string({ required: false }),
    targetGroups: t.field({ type: [TargetGroupEnum], required: false }),
    languages: t.stringList({ required: false, description: "ISO 639-1 codes." }),
    ...serviceEntryFields(t),
    isAnonymousWelcome: t.boolean({ required: false }),
    intakeStatus: t.field({ type: IntakeStatusEnum, required: false }),
    typicalWaitDays: t.int({ required: false }),
    responseWindowDays: t.int({ required: false, description: "Unanswered handovers expire after this many days (1..60)." }),
  }),
});

const serviceProfileInputSchema = profileInput(REQUIRED_SERVICE_FIELDS, serviceProfileSchema.extend({ serviceId: z.string() }));

builder.mutationField("updateServiceProfile", (t) =>
  t.field({
    type: ServiceRef,
    description: "Changes a service's profile, intake status and waiting time. The service's unit admins only.",
    args: { input: t.arg({ type: UpdateServiceProfileInput, required: true, validate: { schema: serviceProfileInputSchema } }) },
    errors: MUTATION_ERRORS,
    authScopes: (_root, { input }, context) => serviceAdminScopes(context.prisma, input.serviceId),
    resolve: async (_root, { input }, context) => {
      const { serviceId, ...profile } = parsedBy(serviceProfileInputSchema, input);
      refuseCprNumbers(profileFreeText(profile));
      return updateServiceProfile(context.prisma, serviceId, profile);
    },
  }),
);

const ServiceOpeningPeriodInput = builder.inputType("ServiceOpeningPeriodInput", {
  fields: (t) => ({
    weekday: t.int({ required: true, description: "ISO weekday: 1 = Monday … 7 = Sunday." }),
    startMinute: t.int({ required: true, description: "Minutes after local midnight, 0..1439." }),
    endMinute: t.int({ required: true, description: "Minutes after local midnight, 1..1440." }),
    note: t.string({ required: false, description: "Public, e.g. \"telefontid\" or \"åben rådgivning\"." }),
  }),
});

const SetServiceOpeningPeriodsInput = builder.inputType("SetServiceOpeningPeriodsInput", {
  fields: (t) => ({
    serviceId: t.id({ required: true }),
    periods: t.field({ type: [ServiceOpeningPeriodInput], required: true }),
  }),
});

builder.mutationField("setServiceOpeningPeriods", (t) =>
  t.field({
    type: ServiceRef,
    description:
      "Replaces a service's own weekly opening hours at once (closed on public holidays). Refused (nothing changed) when periods " +
      "overlap, are shorter than 15 minutes or longer than 16 hours, or end before they start. The service's unit admins only.",
    args: { input: t.arg({ type: SetServiceOpeningPeriodsInput, required: true }) },
    errors: MUTATION_ERRORS,
    authScopes: (_root, { input }, context) => serviceAdminScopes(context.prisma, input.serviceId),
    resolve: (_root, { input }, context) =>
      replaceServiceOpeningPeriods(context.prisma, input.serviceId, parseServiceOpeningPeriods({ periods: input.periods }), context.clock.now()),
  }),
);

function withoutUndefinedValues<Fields extends Record<string, unknown>>(fields: Fields): Partial<Fields> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<Fields>;
}
