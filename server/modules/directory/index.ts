// What other modules may use of the directory: the centres, services and taxonomy everything else hangs on.

// A centre's opening hours decide when visits, shifts and calendar events can be (calendar, opendata, visits, volunteers).
export { dateColumnOf, findCentreSchedule, isoDateOf, localIsoDate, startOfLocalDay } from "./centre-schedule.ts";
export { openIntervalsBetween, type OpeningSchedule, type Staffing, validateOpeningPeriods } from "./opening-hours.ts";
export { commonlyClosedDayOn, publicHolidayOn } from "./holidays.ts";
export { dateFacts } from "./directory-query.ts";
export { compactWeekText } from "./service-hours.ts";
// A closure of a centre is an opening exception, written in the caller's transaction (visits).
export { insertOpeningException } from "./directory.commands.ts";
export { type OpeningExceptionValues, openingExceptionSchema } from "./directory-validation.ts";
// Who may act on a centre or a service (insights, opendata, visits, volunteers).
export { centreAdminScopes, findCentreUnitId, serviceAdminScopes, unitOfCentre } from "./directory.policy.ts";
// One taxonomy of needs and target groups for every module that tags or filters (calendar, handovers, insights, opendata, steering, visits).
export { assertAssignableCodes, assertKnownCode, assertKnownCodes, loadTaxonomy, type Taxonomy, type TaxonomyVocabulary, taxonomyOf, TERM_CODE_PATTERN } from "./taxonomy.ts";
export { MAX_AGE_YEARS, type Point, type Reason, serviceReasons, type TermCode } from "./directory-search.ts";
// The directory's wording of kinds, features, distances and times, so every module says it alike (citizen, handovers, opendata, visits).
export { ACCESSIBILITY_LABELS, formatKilometres, formatMinuteOfDay, INTAKE_STATUS_LABELS, joinLabels, languageLabel, SERVICE_KIND_LABELS } from "./directory-labels.ts";
// The directory's GraphQL types and enums, which other modules' types point at.
export { CentreRef, OpeningExceptionRef, OrganisationSummaryRef, ReasonRef } from "./centre.schema.ts";
export { ServiceRef } from "./service.schema.ts";
export { AccessibilityFeatureEnum, ActivityLocationEnum, OfferEnum, OpeningExceptionKindEnum, OrganisationKindEnum, ServiceKindEnum, StaffingEnum, TargetGroupEnum } from "./directory-enums.schema.ts";
