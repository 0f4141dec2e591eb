// The directory's enums in the graph. Other modules import these refs instead of redefining them.
import {
  AccessibilityFeature,
  ActivityLocation,
  ActivityRecurrence,
  HolidayPolicy,
  IntakeStatus,
  Offer,
  OpeningExceptionKind,
  OrganisationKind,
  ServiceKind,
  Staffing,
  TargetGroup,
} from "../../generated/prisma/enums.ts";
import { builder } from "../../graphql/builder.ts";
import { OPEN_PRESETS, REASON_KINDS } from "./directory-search.ts";

export const TargetGroupEnum = builder.enumType(TargetGroup, { name: "TargetGroup" });
export const OfferEnum = builder.enumType(Offer, {
  name: "Offer",
  description: "What a centre or activity offers: a meal, community, advice, activities, shower/laundry, …",
});
export const AccessibilityFeatureEnum = builder.enumType(AccessibilityFeature, { name: "AccessibilityFeature" });
export const ServiceKindEnum = builder.enumType(ServiceKind, { name: "ServiceKind" });
export const IntakeStatusEnum = builder.enumType(IntakeStatus, {
  name: "IntakeStatus",
  description: "Whether a service takes new handovers now.",
});
export const StaffingEnum = builder.enumType(Staffing, {
  name: "Staffing",
  description: "STAFFED: professional staff. VOLUNTEERS: run by volunteers on the key-holder principle.",
});
export const HolidayPolicyEnum = builder.enumType(HolidayPolicy, {
  name: "HolidayPolicy",
  description: "What a centre does on public holidays or on the commonly closed days (Grundlovsdag, 24 and 31 December).",
});
export const OpeningExceptionKindEnum = builder.enumType(OpeningExceptionKind, { name: "OpeningExceptionKind" });
export const ActivityLocationEnum = builder.enumType(ActivityLocation, {
  name: "ActivityLocation",
  description: "ON_SITE at the centre, OFF_SITE (walks, trips, swimming) or LOCATION_LESS (matrikelløs).",
});
export const ActivityRecurrenceEnum = builder.enumType(ActivityRecurrence, { name: "ActivityRecurrence" });
export const OrganisationKindEnum = builder.enumType(OrganisationKind, { name: "OrganisationKind" });
export const ReasonKindEnum = builder.enumType("ReasonKind", { values: REASON_KINDS });
export const OpenPresetEnum = builder.enumType("OpenPreset", {
  values: OPEN_PRESETS,
  description:
    "NOW; THIS_EVENING (17–23 local time today); WEEKEND (the rest of this weekend, or the coming one); " +
    "a weekday (that whole local day, today included).",
});
export const UpcomingDayKindEnum = builder.enumType("UpcomingDayKind", {
  values: ["EXCEPTION", "PUBLIC_HOLIDAY", "COMMONLY_CLOSED_DAY"] as const,
});
