// Purge means all of it. Every text column of every table is classified here: either purged
// with the handover (server/modules/handovers/purge.ts) or listed below as not about a citizen,
// with the reason. A new text column without a classification fails the first test. Then each
// purge path (withdrawal, cancellation + retention, decline + retention, consent running out,
// an anonymous handover completed + retention) is run through GraphQL and proven by SQL: every
// purged column of that handover's rows is empty, and the personal-data row is gone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PURGED_TABLES, PURGED_TEXT_COLUMNS } from "../../server/modules/handovers/purge.ts";
import { buildHandoverWorld, type HandoverWorld, refreshSessions } from "../support/world.ts";
import { createHandover, readPersonalData, transitionOk, WITH_CONSENT } from "../support/handovers.ts";
import { DAY_MS, HOOK_TIMEOUT_MS, SLOW_TEST_MS, startTestApp, type TestApp } from "../support/app.ts";
import { graphql, run } from "../support/graphql.ts";

const POST_MESSAGE = graphql(`mutation PostHandoverMessage($input: PostHandoverMessageInput!) { postHandoverMessage(input: $input) { __typename } }`);

/** Text columns that never hold words about a citizen, and why. "Table.column". */
const NOT_ABOUT_A_CITIZEN: Record<string, string> = {
  // Identifiers and secrets' hashes: generated, never typed by a person.
  ...Object.fromEntries(
    [
      "Organisation.id", "Unit.id", "Unit.organisationId", "User.id", "Membership.id", "Membership.userId", "Membership.unitId",
      "OrganisationAdmin.userId", "OrganisationAdmin.organisationId", "Session.id", "Session.userId", "Session.activeUnitId",
      "PasswordToken.id", "PasswordToken.userId", "SecurityEvent.id", "SecurityEvent.actorUserId", "SecurityEvent.targetUserId",
      "SecurityEvent.unitId", "SecurityEvent.organisationId", "Centre.id", "Centre.unitId", "OpeningPeriod.id", "OpeningPeriod.centreId",
      "OpeningException.id", "OpeningException.centreId", "Activity.id", "Activity.centreId", "Service.id", "Service.unitId",
      "Handover.id", "Handover.fromUnitId", "Handover.toUnitId", "Handover.createdById", "Handover.proposedVisitId",
      "Consent.id", "Consent.handoverId", "Consent.recipientUnitId", "Consent.recordedById", "HandoverPersonalData.handoverId",
      "HandoverEvent.id", "HandoverEvent.handoverId", "HandoverEvent.actorUserId", "HandoverEvent.actorUnitId",
      "HandoverRead.handoverId", "HandoverRead.unitId", "PersonalDataAccess.id", "PersonalDataAccess.handoverId",
      "PersonalDataAccess.userId", "PersonalDataAccess.unitId", "Space.id", "Space.centreId", "VisitWindow.id", "VisitWindow.centreId",
      "VisitWindowClosure.id", "VisitWindowClosure.centreId", "TrustedService.centreId", "TrustedService.serviceUnitId",
      "VisitSeries.id", "VisitSeries.centreId", "VisitSeries.spaceId", "VisitSeries.serviceUnitId", "VisitSeries.bookedById",
      "Visit.id", "Visit.seriesId", "Visit.centreId", "Visit.spaceId", "Visit.serviceUnitId", "Visit.bookedById", "Visit.cancelledByUnitId",
      "CalendarFeedToken.id", "CalendarFeedToken.unitId", "CalendarFeedToken.createdById", "VisitorTally.id", "VisitorTally.centreId",
      "VisitorTally.openingPeriodId", "VisitorTally.recordedById", "ActivityHeld.id", "ActivityHeld.centreId", "ActivityHeld.activityId",
      "ActivityHeld.recordedById", "Survey.id", "Survey.centreId", "Survey.publicToken", "SurveyQuestion.id", "SurveyQuestion.surveyId",
      "SurveyResponse.id", "SurveyResponse.surveyId", "SurveyAnswer.id", "SurveyAnswer.responseId", "SurveyAnswer.questionId",
      "Handover.code", "Session.method",
      // Added with areas, open data, volume, notifications, the citizen page and volunteers.
      "Area.id", "Centre.slug", "Centre.verifiedById", "Service.verifiedById",
      "CitizenAccess.handoverId", "CitizenAccess.pinHash", "CitizenAccess.tokenHash", "CitizenFeedbackCount.month", "CitizenFeedbackCount.unitId",
      "IdempotencyKey.callerId", "IdempotencyKey.key", "IdempotencyKey.operation", "IdempotencyKey.resultId",
      "Notification.eventId", "Notification.id", "Notification.subjectId", "Notification.unitId", "Notification.userId",
      "NotificationDelivery.digestId", "NotificationDelivery.eventId", "NotificationDelivery.id", "NotificationDelivery.locale",
      "NotificationDelivery.subjectId", "NotificationDelivery.unitId", "NotificationDelivery.userId",
      "NotificationEvent.dedupeKey", "NotificationEvent.id", "NotificationEvent.preferredUserId", "NotificationEvent.secret",
      "NotificationEvent.subjectId", "NotificationEvent.unitId", "NotificationEvent.userId", "NotificationPreference.userId",
      "NotificationSettings.locale", "NotificationSettings.userId", "UnitNotificationMailbox.unitId",
      "Shift.centreId", "Shift.id", "ShiftAssignment.assignedById", "ShiftAssignment.id", "ShiftAssignment.shiftId", "ShiftAssignment.userId",
      "ShiftSwap.acceptedById", "ShiftSwap.assignmentId", "ShiftSwap.id", "ShiftSwap.requestedById",
      "TrainedKeyHolder.grantedById", "TrainedKeyHolder.unitId", "TrainedKeyHolder.userId",
      "VolunteerApplication.callId", "VolunteerApplication.centreId", "VolunteerApplication.consentVersion", "VolunteerApplication.id",
      "VolunteerApplication.invitedUserId", "VolunteerCall.centreId", "VolunteerCall.id", "VolunteerFeedToken.id", "VolunteerFeedToken.userId",
      // Added with the materialised open intervals and the kept coverage counts (issue #13).
      "CentreOpenInterval.centreId", "CentreHourMask.centreId", "DirectoryCoverageHour.targetGroup",
      // Added with the always-open safety net (issue #18).
      "SafetyNetEntry.id",
    ].map((column) => [column, "generated identifier, code or hash"]),
  ),
  "Area.name": "directory: a town or district",
  // The always-open safety net (issue #18): shelters, acute psychiatry, helplines — places, not people.
  "SafetyNetEntry.name": "directory: an always-open place or helpline",
  "SafetyNetEntry.phone": "directory: a place's or helpline's public number",
  "SafetyNetEntry.address": "directory: a place's public address",
  "SafetyNetEntry.description": "directory: what the place offers",
  "SafetyNetEntry.hoursText": "directory: a place's hours in words",
  "SafetyNetEntry.municipality": "directory: the municipality the entry belongs to",
  // Messages carry no content; their addresses are staff members' or units' own.
  "NotificationDelivery.address": "a staff member's or a unit mailbox's address",
  "NotificationDelivery.lastError": "an SMTP reply code or error code, never a server's text",
  "NotificationSettings.phone": "a staff member's own phone for SMS notices",
  "UnitNotificationMailbox.email": "a unit's shared mailbox",
  // Volunteers: the rota is about shifts; recruiting is about the applicant themself, who gave it
  // with consent for that purpose, and volunteers.jobs deletes an application after its retention.
  "Shift.note": "a note on a shift for the centre's team",
  "VolunteerCall.title": "a public call for volunteers", "VolunteerCall.description": "a public call for volunteers",
  "VolunteerCall.skills": "a public call for volunteers", "VolunteerCall.whenText": "a public call for volunteers",
  "VolunteerApplication.name": "the applicant's own application (own retention job)",
  "VolunteerApplication.email": "the applicant's own application (own retention job)",
  "VolunteerApplication.phone": "the applicant's own application (own retention job)",
  "VolunteerApplication.message": "the applicant's own application (own retention job)",
  // Staff accounts: about employees and volunteers, who have accounts; never about citizens.
  "User.email": "a staff member's sign-in",
  "User.name": "a staff member's name",
  "User.passwordHash": "a staff member's password hash",
  "SecurityEvent.ip": "address of a staff member's request",
  "SecurityEvent.detail": "coded detail of a security event (role names, 'unknown account')",
  // The public directory: organisations, centres, services and what they offer.
  "Organisation.name": "directory", "Unit.name": "directory",
  "Centre.name": "directory", "Centre.description": "directory", "Centre.street": "directory", "Centre.postalCode": "directory",
  "Centre.city": "directory", "Centre.phone": "directory", "Centre.email": "directory", "Centre.website": "directory",
  "Centre.askFor": "directory: the role to ask for", "Centre.languages": "directory: language codes",
  "OpeningPeriod.note": "directory: a note on opening hours", "OpeningException.reason": "directory: why a centre is closed",
  "Activity.title": "directory", "Activity.description": "directory", "Activity.place": "directory",
  "Service.name": "directory", "Service.description": "directory", "Service.languages": "directory: language codes",
  "Service.street": "directory", "Service.postalCode": "directory", "Service.city": "directory", "Service.phone": "directory",
  "Service.email": "directory", "Service.website": "directory",
  // The directory's taxonomy (issue 18): target groups and offers as terms, and the codes entries carry.
  "TaxonomyTerm.id": "generated identifier", "TaxonomyTerm.code": "directory: a term's stable code",
  "TaxonomyTerm.nameDa": "directory: a term's name", "TaxonomyTerm.nameEn": "directory: a term's name",
  "TaxonomyTerm.descriptionDa": "directory: what a term covers", "TaxonomyTerm.descriptionEn": "directory: what a term covers",
  "Centre.targetGroups": "directory: taxonomy codes", "Centre.offers": "directory: taxonomy codes",
  "Service.targetGroups": "directory: taxonomy codes", "Activity.offers": "directory: taxonomy codes",
  "VisitWish.targetGroups": "visits: taxonomy codes of a centre's standing wish",
  // Visits: a service's time at a centre, not a citizen's.
  "Space.name": "a room", "Space.description": "a room", "VisitWindowClosure.reason": "why a room is closed for visits",
  "VisitSeries.title": "a visiting session", "VisitSeries.publicDescription": "a visiting session",
  "VisitSeries.internalNote": "between units about a visiting session",
  "Visit.title": "a visiting session", "Visit.publicDescription": "a visiting session", "Visit.internalNote": "between units about a visit",
  "Visit.declineReason": "why a centre declined a booking", "Visit.cancelReason": "why a booking was cancelled",
  // Visit history (issue 19): who moved a booking and why, about bookings, not citizens.
  "VisitEvent.id": "generated identifier", "VisitEvent.visitId": "generated identifier",
  "VisitEvent.actorUserId": "generated identifier", "VisitEvent.actorUnitId": "generated identifier",
  "VisitEvent.reason": "why a booking was declined, cancelled or moved",
  // Centres asking for services, and services' own hours (issue 19): about the centres' week.
  "VisitWish.id": "generated identifier", "VisitWish.centreId": "generated identifier", "VisitWish.createdById": "generated identifier",
  "VisitWish.closedById": "generated identifier", "VisitWish.description": "what a centre wishes for, for its users in general",
  "Visit.wishId": "generated identifier", "VisitSeries.wishId": "generated identifier",
  "ServiceOpeningPeriod.id": "generated identifier", "ServiceOpeningPeriod.serviceId": "generated identifier",
  "ServiceOpeningPeriod.note": "directory: a note on a service's hours",
  // Figures and the anonymous survey: about centres; answers are anonymous and never linked to a person.
  "ActivityHeld.title": "an activity held", "Survey.title": "a centre's survey", "SurveyQuestion.textDa": "a question",
  "SurveyQuestion.textEn": "a question", "SurveyAnswer.text": "an anonymous survey answer, linked to no person or handover",
  // Handovers that follow real casework (issue 18).
  "Handover.suggestedUnitId": "generated identifier: the unit suggested when declining",
  "Handover.referredFromId": "generated identifier: the handover this one was referred on from",
  // Steering: about centres and the area, never about a citizen.
  "Centre.coreTask": "a centre's stated core task", "Survey.areaRoundId": "an id", "AreaSurveyRound.id": "an id",
  "AreaSurveyRound.title": "an area survey round", "AreaSurveyQuestion.id": "an id", "AreaSurveyQuestion.roundId": "an id",
  "AreaSurveyQuestion.textDa": "a common question", "AreaSurveyQuestion.textEn": "a common question",
  "Initiative.id": "an id", "Initiative.title": "an initiative", "Initiative.description": "an initiative",
  "Initiative.ownerOrganisationId": "an id", "Initiative.evaluationText": "an initiative's evaluation",
  "InitiativeMeasure.id": "an id", "InitiativeMeasure.initiativeId": "an id", "InitiativeMeasure.figureKey": "a figure's key",
  "_CentreToInitiative.A": "an id", "_CentreToInitiative.B": "an id",
  // Ideas and barriers (issue 21): about a centre, with nothing stored about who raised them; the
  // form asks for nothing about people, and a coordinator deletes what is (deleteIdea) before it is public.
  "Idea.id": "an id", "Idea.centreId": "an id", "Idea.initiativeId": "an id",
  "Idea.text": "an idea or barrier about a centre, raised anonymously", "Idea.answer": "a coordinator's public answer",
  // The thread on a handover (issue 18, item 5): its text is purged (purge.ts); these are ids.
  "HandoverMessage.id": "generated identifier", "HandoverMessage.handoverId": "generated identifier",
  "HandoverMessage.authorUserId": "generated identifier", "HandoverMessage.authorUnitId": "generated identifier",
  // An open request's group (issue 18): a kind of service near a municipal area from the coordinators' list; coded, not about the citizen.
  "HandoverOpenRequest.handoverId": "generated identifier",
  "HandoverOpenRequest.areaId": "generated identifier: the area chosen from the list",
  "HandoverOpenRequest.areaName": "directory: the name of a municipal area from the coordinators' list",
};

const purgedColumns = new Set([
  ...Object.entries(PURGED_TEXT_COLUMNS).flatMap(([table, columns]) => Object.keys(columns).map((column) => `${table}.${column}`)),
]);

let app: TestApp;
let world: HandoverWorld;
const start = Date.parse("2026-11-25T09:00:00.000Z");
const at = (days: number) => new Date(start + days * DAY_MS);

beforeAll(async () => {
  app = await startTestApp({ environment: { RETENTION_DAYS: "30" } });
  world = await buildHandoverWorld(app);
}, HOOK_TIMEOUT_MS);
afterAll(async () => {
  await app?.close();
}, HOOK_TIMEOUT_MS);

async function textColumns(): Promise<string[]> {
  const rows = await app.prisma.$queryRaw<{ table_name: string; column_name: string }[]>`
    SELECT table_name, column_name FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name <> '_prisma_migrations'
      AND (data_type IN ('text', 'character varying', 'character') OR udt_name IN ('_text', '_varchar'))
    ORDER BY table_name, column_name`;
  return rows.map((row) => `${row.table_name}.${row.column_name}`);
}

describe("every text column is classified", () => {
  it("as purged with the handover or as not about a citizen, and no classification is stale", async () => {
    const columns = await textColumns();
    expect(columns.length).toBeGreaterThan(100);
    const unclassified = columns.filter(
      (column) => !purgedColumns.has(column) && !(column in NOT_ABOUT_A_CITIZEN) && !PURGED_TABLES.some((table) => column.startsWith(`${table}.`)),
    );
    expect(unclassified, "text columns with no purge rule: add them to purge.ts or to NOT_ABOUT_A_CITIZEN with a reason").toEqual([]);
    const both = [...purgedColumns].filter((column) => column in NOT_ABOUT_A_CITIZEN);
    expect(both).toEqual([]);
    const stale = [...purgedColumns, ...Object.keys(NOT_ABOUT_A_CITIZEN)].filter((column) => !columns.includes(column));
    expect(stale, "classified columns that do not exist").toEqual([]);
  });
});

const WITH_ALL_TEXT = (validUntil: Date) => ({
  ...WITH_CONSENT(validUntil.toISOString()),
  purpose: "Hjælp til at finde en bolig i nærheden af sin søster",
  wish: "Vil gerne mødes uden for værestedet",
  preferredContactTime: "Formiddage, ikke tirsdage",
  languageNeeds: "Taler mest arabisk",
  send: true,
});

/** Counts, per purged column, the handover's rows still holding text. */
async function remainingText(handoverId: string): Promise<Record<string, number>> {
  const remaining: Record<string, number> = {};
  for (const [table, columns] of Object.entries(PURGED_TEXT_COLUMNS)) {
    const key = table === "Handover" ? "id" : "handoverId";
    for (const column of Object.keys(columns)) {
      const [row] = await app.prisma.$queryRawUnsafe<{ count: bigint }[]>(
        `SELECT count(*) AS count FROM "${table}" WHERE "${key}" = $1 AND "${column}" IS NOT NULL AND "${column}" <> ''`,
        handoverId,
      );
      remaining[`${table}.${column}`] = Number(row!.count);
    }
  }
  for (const table of PURGED_TABLES) {
    const [row] = await app.prisma.$queryRawUnsafe<{ count: bigint }[]>(`SELECT count(*) AS count FROM "${table}" WHERE "handoverId" = $1`, handoverId);
    remaining[table] = Number(row!.count);
  }
  return remaining;
}

const nothingLeft = (remaining: Record<string, number>) => Object.fromEntries(Object.keys(remaining).map((key) => [key, 0]));
// Columns seen holding text before some purge: proves the SQL checks look at real text.
const seenFilled = new Set<string>();
function noteFilled(remaining: Record<string, number>) {
  for (const [column, count] of Object.entries(remaining)) if (count > 0) seenFilled.add(column);
}

async function moveTo(date: Date) {
  app.clock.set(date);
  await refreshSessions(app, world);
}

describe("each purge path empties every purged column", { timeout: SLOW_TEST_MS }, () => {
  it("withdrawal of consent, at once", async () => {
    await moveTo(at(0));
    const handover = await createHandover(world.staff, world, WITH_ALL_TEXT(at(60)));
    await transitionOk(world.worker, "acceptHandover", {
      handoverId: handover.id,
      note: "Vi ringer hende op på torsdag",
      proposedMeetingAt: at(3).toISOString(),
      proposedMeetingPlace: "Hos søsteren på Skovvej",
    });
    await readPersonalData(world.worker, handover.id, "Skal aftale møde med Kim");
    const message = await run(world.staff, POST_MESSAGE, { input: { handoverId: handover.id, text: "Kim bor hos søsteren indtil videre" } });
    expect(message.data?.postHandoverMessage.__typename).toBe("PostHandoverMessageSuccess");
    noteFilled(await remainingText(handover.id));
    await transitionOk(world.staff, "withdrawConsent", { handoverId: handover.id, note: "Kim ringede og ville ikke mere" });
    expect(await remainingText(handover.id)).toEqual(nothingLeft(await remainingText(handover.id)));
  });

  it("cancellation, after the retention period", async () => {
    await moveTo(at(100));
    const handover = await createHandover(world.staff, world, WITH_ALL_TEXT(at(400)));
    await readPersonalData(world.staff, handover.id, "Tjekker nummeret");
    await transitionOk(world.staff, "cancelHandover", { handoverId: handover.id, reason: "Kim er flyttet til Aarhus" });
    noteFilled(await remainingText(handover.id));
    await moveTo(at(129));
    await app.runJobs();
    expect(Object.values(await remainingText(handover.id)).some((count) => count > 0)).toBe(true);
    await moveTo(at(130));
    await app.runJobs();
    expect(await remainingText(handover.id)).toEqual(nothingLeft(await remainingText(handover.id)));
  });

  it("decline, after the retention period", async () => {
    await moveTo(at(200));
    const handover = await createHandover(world.staff, world, WITH_ALL_TEXT(at(500)));
    await transitionOk(world.worker, "declineHandover", {
      handoverId: handover.id,
      reason: "Kim bor uden for kommunen",
      suggestion: "Prøv Bostøtten i Vejle, spørg efter Hanne",
    });
    noteFilled(await remainingText(handover.id));
    await moveTo(at(231));
    await app.runJobs();
    expect(await remainingText(handover.id)).toEqual(nothingLeft(await remainingText(handover.id)));
  });

  it("consent running out, even while the handover is open", async () => {
    await moveTo(at(300));
    const handover = await createHandover(world.staff, world, WITH_ALL_TEXT(at(302)));
    await transitionOk(world.worker, "acceptHandover", { handoverId: handover.id, proposedMeetingPlace: "Værestedet, lille mødelokale", note: "Glæder os" });
    noteFilled(await remainingText(handover.id));
    await moveTo(at(302));
    await app.runJobs();
    expect(await remainingText(handover.id)).toEqual(nothingLeft(await remainingText(handover.id)));
    expect((await app.prisma.handover.findUniqueOrThrow({ where: { id: handover.id } })).status).toBe("ACCEPTED");
  });

  it("an anonymous handover, completed, after the retention period", async () => {
    await moveTo(at(400));
    const handover = await createHandover(world.staff, world, {
      purpose: "Kim vil gerne i arbejde",
      wish: "Noget med dyr",
      send: true,
    });
    await transitionOk(world.worker, "acceptHandover", { handoverId: handover.id });
    await transitionOk(world.worker, "completeHandover", { handoverId: handover.id, outcome: "CONNECTED", note: "Kim startede i praktik" });
    noteFilled(await remainingText(handover.id));
    await moveTo(at(431));
    await app.runJobs();
    expect(await remainingText(handover.id)).toEqual(nothingLeft(await remainingText(handover.id)));
    const purged = await app.prisma.handover.findUniqueOrThrow({ where: { id: handover.id } });
    expect(purged).toMatchObject({ status: "COMPLETED", outcome: "CONNECTED", helpCategories: ["HOUSING"] });
    expect(purged.personalDataPurgedAt).not.toBeNull();
  });

  it("each purged column held text before some purge (so the checks above look at real text)", () => {
    expect([...seenFilled].sort()).toEqual([...purgedColumns, ...PURGED_TABLES].sort());
  });
});
