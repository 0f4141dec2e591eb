// The directory's enums in the graph. Other modules import these refs instead of redefining them.
import { GraphQLError, Kind, type ValueNode } from "graphql";
import { AccessibilityFeature, ActivityLocation, ActivityRecurrence, HolidayPolicy, IntakeStatus, OpeningExceptionKind, OrganisationKind, ServiceKind, Staffing, TaxonomyVocabulary } from "../../generated/prisma/enums.ts";
import { builder } from "../../graphql/builder.ts";
import { OPEN_PRESETS, REASON_KINDS } from "./directory-search.ts";
import { TERM_CODE_PATTERN } from "./taxonomy.ts";

// Target groups and offers were enums until platform admins could add terms (issue 18). They are
// now scalars of the same names holding a term's stable code, so documents written against the
// enums keep working: variables send the same strings, and a bare literal (`targetGroups:
// [ADDICTION]`) is read as that code. Which codes exist is data: Query.taxonomyTerms.
function termCodeScalar(name: "TargetGroup" | "Offer", vocabulary: TaxonomyVocabulary, description: string) {
  const invalid = () =>
    new GraphQLError(`A ${name} is a taxonomy term's code: upper-case letters, digits and underscores, starting with a letter.`);
  const parse = (value: unknown): string => {
    if (typeof value !== "string" || !TERM_CODE_PATTERN.test(value)) throw invalid();
    return value;
  };
  return builder.scalarType(name, {
    description: `${description} A stable code of the ${vocabulary} vocabulary (Query.taxonomyTerms); a string, or a bare name as the former enum's literals were.`,
    serialize: (value) => parse(value),
    parseValue: (value) => parse(value),
    parseLiteral: (node: ValueNode) => {
      if (node.kind === Kind.STRING || node.kind === Kind.ENUM) return parse(node.value);
      throw invalid();
    },
  });
}

export const TargetGroupEnum = termCodeScalar(
  "TargetGroup",
  "TARGET_GROUP",
  "Who a centre or service is for (målgruppe), e.g. MENTAL_VULNERABILITY, ADDICTION, PHYSICAL_DISABILITY.",
);
export const OfferEnum = termCodeScalar(
  "Offer",
  "OFFER",
  "What a centre or activity offers, e.g. MEAL, COMMUNITY, ADVICE, SHOWER_LAUNDRY.",
);
// The enums read alike because Pothos declares every enum the same way: values, name, description.
export const TaxonomyVocabularyEnum = builder.enumType(TaxonomyVocabulary, {
  name: "TaxonomyVocabulary",
  description: "The vocabularies platform admins can extend: TARGET_GROUP (målgrupper) and OFFER (what a place offers).",
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
