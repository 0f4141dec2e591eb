-- CreateEnum
CREATE TYPE "OrganisationKind" AS ENUM ('MUNICIPAL', 'CIVIL_SOCIETY', 'OTHER');

-- CreateEnum
CREATE TYPE "UnitKind" AS ENUM ('CENTRE', 'SERVICE', 'CASEWORKER_TEAM');

-- CreateEnum
CREATE TYPE "MembershipRole" AS ENUM ('MEMBER', 'UNIT_ADMIN');

-- CreateEnum
CREATE TYPE "GlobalRole" AS ENUM ('COORDINATOR', 'PLATFORM_ADMIN');

-- CreateEnum
CREATE TYPE "SecurityEventKind" AS ENUM ('LOGIN', 'LOGIN_FAILED', 'LOCKOUT', 'LOGOUT', 'PASSWORD_SET', 'PASSWORD_RESET_ISSUED', 'USER_CREATED', 'USER_DEACTIVATED', 'USER_REACTIVATED', 'MEMBERSHIP_ADDED', 'MEMBERSHIP_REMOVED', 'ROLE_CHANGED', 'CALENDAR_TOKEN_CREATED', 'CALENDAR_TOKEN_REVOKED');

-- CreateEnum
CREATE TYPE "TargetGroup" AS ENUM ('MENTAL_VULNERABILITY', 'COGNITIVE_DISABILITY', 'ADDICTION', 'HOMELESSNESS', 'YOUNG_ADULTS', 'ADULTS', 'LONELINESS');

-- CreateEnum
CREATE TYPE "Offer" AS ENUM ('MEAL', 'COMMUNITY', 'ADVICE', 'ACTIVITIES', 'SHOWER_LAUNDRY', 'REST', 'COMPUTER_ACCESS', 'CREATIVE_WORKSHOP');

-- CreateEnum
CREATE TYPE "AccessibilityFeature" AS ENUM ('STEP_FREE_ACCESS', 'ACCESSIBLE_TOILET', 'HEARING_LOOP', 'QUIET_ROOM', 'GUIDE_DOG_WELCOME', 'PARKING_NEARBY');

-- CreateEnum
CREATE TYPE "ServiceKind" AS ENUM ('HOUSING_SUPPORT', 'JOB_CLARIFICATION', 'ADDICTION_TREATMENT', 'PRACTICAL_HELP', 'DIGITAL_HELP', 'HEALTH', 'CIVIL_SOCIETY_OFFER', 'OTHER');

-- CreateEnum
CREATE TYPE "IntakeStatus" AS ENUM ('OPEN', 'WAITING_LIST', 'CLOSED');

-- CreateEnum
CREATE TYPE "Staffing" AS ENUM ('STAFFED', 'VOLUNTEERS');

-- CreateEnum
CREATE TYPE "HolidayPolicy" AS ENUM ('CLOSED', 'NORMAL_HOURS', 'SPECIAL_HOURS');

-- CreateEnum
CREATE TYPE "OpeningExceptionKind" AS ENUM ('CLOSED', 'SPECIAL_HOURS');

-- CreateEnum
CREATE TYPE "ActivityLocation" AS ENUM ('ON_SITE', 'OFF_SITE', 'LOCATION_LESS');

-- CreateEnum
CREATE TYPE "ActivityRecurrence" AS ENUM ('ONE_OFF', 'WEEKLY');

-- CreateEnum
CREATE TYPE "HandoverStatus" AS ENUM ('DRAFT', 'SENT', 'RECEIVED', 'ACCEPTED', 'COMPLETED', 'DECLINED', 'CANCELLED', 'EXPIRED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "HandoverKind" AS ENUM ('BRIDGE', 'WARM_INTRODUCTION');

-- CreateEnum
CREATE TYPE "HandoverOutcome" AS ENUM ('CONNECTED', 'DID_NOT_SHOW', 'CITIZEN_DECLINED', 'REFERRED_ON');

-- CreateEnum
CREATE TYPE "HelpCategory" AS ENUM ('HOUSING', 'WORK_EDUCATION', 'ADDICTION', 'MENTAL_HEALTH', 'PHYSICAL_HEALTH', 'ECONOMY', 'PRACTICAL', 'DIGITAL', 'COMMUNITY', 'OTHER');

-- CreateEnum
CREATE TYPE "Urgency" AS ENUM ('LOW', 'NORMAL', 'HIGH');

-- CreateEnum
CREATE TYPE "ContactChannel" AS ENUM ('PHONE', 'SMS', 'EMAIL', 'IN_PERSON', 'VIA_SENDER');

-- CreateEnum
CREATE TYPE "ConsentField" AS ENUM ('FIRST_NAME', 'PHONE', 'EMAIL', 'NOTE');

-- CreateEnum
CREATE TYPE "ConsentMethod" AS ENUM ('VERBAL', 'WRITTEN', 'IN_PERSON');

-- CreateEnum
CREATE TYPE "HandoverEventType" AS ENUM ('CREATED', 'SENT', 'RECEIVED', 'ACCEPTED', 'DECLINED', 'COMPLETED', 'CANCELLED', 'EXPIRED', 'WITHDRAWN', 'PERSONAL_DATA_PURGED');

-- CreateEnum
CREATE TYPE "VisitStatus" AS ENUM ('REQUESTED', 'CONFIRMED', 'DECLINED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "SurveyRound" AS ENUM ('BASELINE', 'FOLLOW_UP');

-- CreateEnum
CREATE TYPE "SurveyQuestionKind" AS ENUM ('LIKERT', 'FREE_TEXT');

-- CreateTable
CREATE TABLE "Organisation" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "OrganisationKind" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Unit" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "kind" "UnitKind" NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT,
    "globalRole" "GlobalRole",
    "isActive" BOOLEAN NOT NULL DEFAULT true,
    "failedLoginCount" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "role" "MembershipRole" NOT NULL DEFAULT 'MEMBER',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrganisationAdmin" (
    "userId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrganisationAdmin_pkey" PRIMARY KEY ("userId","organisationId")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "method" TEXT NOT NULL DEFAULT 'password',
    "activeUnitId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PasswordToken" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PasswordToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginAttempt" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LoginAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SecurityEvent" (
    "id" TEXT NOT NULL,
    "kind" "SecurityEventKind" NOT NULL,
    "actorUserId" TEXT,
    "targetUserId" TEXT,
    "unitId" TEXT,
    "organisationId" TEXT,
    "ip" TEXT,
    "detail" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SecurityEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Centre" (
    "id" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "street" TEXT NOT NULL,
    "postalCode" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "latitude" DOUBLE PRECISION NOT NULL,
    "longitude" DOUBLE PRECISION NOT NULL,
    "phone" TEXT,
    "email" TEXT,
    "website" TEXT,
    "askFor" TEXT,
    "targetGroups" "TargetGroup"[],
    "offers" "Offer"[],
    "accessibility" "AccessibilityFeature"[],
    "languages" TEXT[],
    "isAnonymousWelcome" BOOLEAN NOT NULL DEFAULT true,
    "publicHolidayPolicy" "HolidayPolicy" NOT NULL DEFAULT 'CLOSED',
    "publicHolidayStartMinute" INTEGER,
    "publicHolidayEndMinute" INTEGER,
    "commonClosedDaysPolicy" "HolidayPolicy" NOT NULL DEFAULT 'CLOSED',
    "commonClosedDaysStartMinute" INTEGER,
    "commonClosedDaysEndMinute" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Centre_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OpeningPeriod" (
    "id" TEXT NOT NULL,
    "centreId" TEXT NOT NULL,
    "weekday" INTEGER NOT NULL,
    "startMinute" INTEGER NOT NULL,
    "endMinute" INTEGER NOT NULL,
    "isOvernight" BOOLEAN NOT NULL DEFAULT false,
    "staffing" "Staffing" NOT NULL DEFAULT 'STAFFED',
    "note" TEXT,

    CONSTRAINT "OpeningPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OpeningException" (
    "id" TEXT NOT NULL,
    "centreId" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "kind" "OpeningExceptionKind" NOT NULL,
    "startMinute" INTEGER,
    "endMinute" INTEGER,
    "reason" TEXT,

    CONSTRAINT "OpeningException_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Activity" (
    "id" TEXT NOT NULL,
    "centreId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "location" "ActivityLocation" NOT NULL DEFAULT 'ON_SITE',
    "place" TEXT,
    "recurrence" "ActivityRecurrence" NOT NULL DEFAULT 'WEEKLY',
    "weekday" INTEGER,
    "startMinute" INTEGER,
    "endMinute" INTEGER,
    "startsAt" TIMESTAMP(3),
    "endsAt" TIMESTAMP(3),
    "offers" "Offer"[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Activity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Service" (
    "id" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "ServiceKind" NOT NULL,
    "description" TEXT NOT NULL,
    "targetGroups" "TargetGroup"[],
    "languages" TEXT[],
    "street" TEXT,
    "postalCode" TEXT,
    "city" TEXT,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "phone" TEXT,
    "email" TEXT,
    "website" TEXT,
    "isAnonymousWelcome" BOOLEAN NOT NULL DEFAULT false,
    "intakeStatus" "IntakeStatus" NOT NULL DEFAULT 'OPEN',
    "typicalWaitDays" INTEGER,
    "responseWindowDays" INTEGER NOT NULL DEFAULT 5,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Service_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Handover" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "kind" "HandoverKind" NOT NULL DEFAULT 'BRIDGE',
    "status" "HandoverStatus" NOT NULL DEFAULT 'DRAFT',
    "fromUnitId" TEXT NOT NULL,
    "toUnitId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "helpCategories" "HelpCategory"[],
    "wish" TEXT,
    "urgency" "Urgency" NOT NULL DEFAULT 'NORMAL',
    "preferredChannel" "ContactChannel" NOT NULL DEFAULT 'VIA_SENDER',
    "preferredContactTime" TEXT,
    "languageNeeds" TEXT,
    "proposedMeetingAt" TIMESTAMP(3),
    "proposedMeetingPlace" TEXT,
    "proposedVisitId" TEXT,
    "outcome" "HandoverOutcome",
    "declineReason" TEXT,
    "suggestion" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "firstResponseAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "personalDataPurgedAt" TIMESTAMP(3),

    CONSTRAINT "Handover_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Consent" (
    "id" TEXT NOT NULL,
    "handoverId" TEXT NOT NULL,
    "fields" "ConsentField"[],
    "recipientUnitId" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "method" "ConsentMethod" NOT NULL,
    "recordedById" TEXT NOT NULL,
    "givenAt" TIMESTAMP(3) NOT NULL,
    "validUntil" TIMESTAMP(3) NOT NULL,
    "withdrawnAt" TIMESTAMP(3),

    CONSTRAINT "Consent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HandoverPersonalData" (
    "handoverId" TEXT NOT NULL,
    "firstName" TEXT,
    "phone" TEXT,
    "email" TEXT,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HandoverPersonalData_pkey" PRIMARY KEY ("handoverId")
);

-- CreateTable
CREATE TABLE "HandoverEvent" (
    "id" TEXT NOT NULL,
    "handoverId" TEXT NOT NULL,
    "type" "HandoverEventType" NOT NULL,
    "fromStatus" "HandoverStatus",
    "toStatus" "HandoverStatus" NOT NULL,
    "actorUserId" TEXT,
    "actorUnitId" TEXT,
    "note" TEXT,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HandoverEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HandoverRead" (
    "handoverId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "lastReadAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HandoverRead_pkey" PRIMARY KEY ("handoverId","unitId")
);

-- CreateTable
CREATE TABLE "PersonalDataAccess" (
    "id" TEXT NOT NULL,
    "handoverId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "fields" "ConsentField"[],
    "reason" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PersonalDataAccess_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Space" (
    "id" TEXT NOT NULL,
    "centreId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "capacity" INTEGER NOT NULL DEFAULT 1,
    "accessibility" "AccessibilityFeature"[],
    "description" TEXT,
    "isActive" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "Space_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VisitWindow" (
    "id" TEXT NOT NULL,
    "centreId" TEXT NOT NULL,
    "weekday" INTEGER NOT NULL,
    "startMinute" INTEGER NOT NULL,
    "endMinute" INTEGER NOT NULL,

    CONSTRAINT "VisitWindow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VisitWindowClosure" (
    "id" TEXT NOT NULL,
    "centreId" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "reason" TEXT,

    CONSTRAINT "VisitWindowClosure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrustedService" (
    "centreId" TEXT NOT NULL,
    "serviceUnitId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TrustedService_pkey" PRIMARY KEY ("centreId","serviceUnitId")
);

-- CreateTable
CREATE TABLE "VisitSeries" (
    "id" TEXT NOT NULL,
    "centreId" TEXT NOT NULL,
    "spaceId" TEXT NOT NULL,
    "serviceUnitId" TEXT NOT NULL,
    "bookedById" TEXT NOT NULL,
    "weekday" INTEGER NOT NULL,
    "startMinute" INTEGER NOT NULL,
    "endMinute" INTEGER NOT NULL,
    "firstDate" DATE NOT NULL,
    "lastDate" DATE NOT NULL,
    "title" TEXT NOT NULL,
    "publicDescription" TEXT,
    "internalNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VisitSeries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Visit" (
    "id" TEXT NOT NULL,
    "seriesId" TEXT,
    "centreId" TEXT NOT NULL,
    "spaceId" TEXT NOT NULL,
    "serviceUnitId" TEXT NOT NULL,
    "bookedById" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "status" "VisitStatus" NOT NULL DEFAULT 'REQUESTED',
    "title" TEXT NOT NULL,
    "publicDescription" TEXT,
    "internalNote" TEXT,
    "declineReason" TEXT,
    "cancelReason" TEXT,
    "cancelledByUnitId" TEXT,
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Visit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CalendarFeedToken" (
    "id" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "CalendarFeedToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VisitorTally" (
    "id" TEXT NOT NULL,
    "centreId" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "openingPeriodId" TEXT,
    "count" INTEGER NOT NULL,
    "byTargetGroup" JSONB,
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VisitorTally_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActivityHeld" (
    "id" TEXT NOT NULL,
    "centreId" TEXT NOT NULL,
    "activityId" TEXT,
    "title" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "participants" INTEGER,
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ActivityHeld_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Survey" (
    "id" TEXT NOT NULL,
    "centreId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "round" "SurveyRound" NOT NULL,
    "year" INTEGER NOT NULL,
    "publicToken" TEXT NOT NULL,
    "opensAt" TIMESTAMP(3) NOT NULL,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Survey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyQuestion" (
    "id" TEXT NOT NULL,
    "surveyId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "SurveyQuestionKind" NOT NULL,
    "textDa" TEXT NOT NULL,
    "textEn" TEXT NOT NULL,

    CONSTRAINT "SurveyQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyResponse" (
    "id" TEXT NOT NULL,
    "surveyId" TEXT NOT NULL,
    "submittedOn" DATE NOT NULL,

    CONSTRAINT "SurveyResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyAnswer" (
    "id" TEXT NOT NULL,
    "responseId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "likert" INTEGER,
    "text" TEXT,

    CONSTRAINT "SurveyAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Unit_organisationId_idx" ON "Unit"("organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Membership_unitId_idx" ON "Membership"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_userId_unitId_key" ON "Membership"("userId", "unitId");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "PasswordToken_userId_idx" ON "PasswordToken"("userId");

-- CreateIndex
CREATE INDEX "LoginAttempt_email_at_idx" ON "LoginAttempt"("email", "at");

-- CreateIndex
CREATE INDEX "LoginAttempt_ip_at_idx" ON "LoginAttempt"("ip", "at");

-- CreateIndex
CREATE INDEX "SecurityEvent_organisationId_at_idx" ON "SecurityEvent"("organisationId", "at");

-- CreateIndex
CREATE INDEX "SecurityEvent_at_idx" ON "SecurityEvent"("at");

-- CreateIndex
CREATE UNIQUE INDEX "Centre_unitId_key" ON "Centre"("unitId");

-- CreateIndex
CREATE INDEX "OpeningPeriod_centreId_idx" ON "OpeningPeriod"("centreId");

-- CreateIndex
CREATE UNIQUE INDEX "OpeningException_centreId_date_key" ON "OpeningException"("centreId", "date");

-- CreateIndex
CREATE INDEX "Activity_centreId_idx" ON "Activity"("centreId");

-- CreateIndex
CREATE UNIQUE INDEX "Service_unitId_key" ON "Service"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "Handover_code_key" ON "Handover"("code");

-- CreateIndex
CREATE INDEX "Handover_fromUnitId_status_idx" ON "Handover"("fromUnitId", "status");

-- CreateIndex
CREATE INDEX "Handover_toUnitId_status_idx" ON "Handover"("toUnitId", "status");

-- CreateIndex
CREATE INDEX "Handover_status_expiresAt_idx" ON "Handover"("status", "expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "Consent_handoverId_key" ON "Consent"("handoverId");

-- CreateIndex
CREATE INDEX "HandoverEvent_handoverId_at_idx" ON "HandoverEvent"("handoverId", "at");

-- CreateIndex
CREATE INDEX "PersonalDataAccess_handoverId_at_idx" ON "PersonalDataAccess"("handoverId", "at");

-- CreateIndex
CREATE INDEX "PersonalDataAccess_unitId_at_idx" ON "PersonalDataAccess"("unitId", "at");

-- CreateIndex
CREATE INDEX "Space_centreId_idx" ON "Space"("centreId");

-- CreateIndex
CREATE INDEX "VisitWindow_centreId_idx" ON "VisitWindow"("centreId");

-- CreateIndex
CREATE UNIQUE INDEX "VisitWindowClosure_centreId_date_key" ON "VisitWindowClosure"("centreId", "date");

-- CreateIndex
CREATE INDEX "Visit_centreId_startsAt_idx" ON "Visit"("centreId", "startsAt");

-- CreateIndex
CREATE INDEX "Visit_serviceUnitId_startsAt_idx" ON "Visit"("serviceUnitId", "startsAt");

-- CreateIndex
CREATE INDEX "CalendarFeedToken_unitId_idx" ON "CalendarFeedToken"("unitId");

-- CreateIndex
CREATE INDEX "VisitorTally_centreId_date_idx" ON "VisitorTally"("centreId", "date");

-- CreateIndex
CREATE INDEX "ActivityHeld_centreId_date_idx" ON "ActivityHeld"("centreId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "Survey_publicToken_key" ON "Survey"("publicToken");

-- CreateIndex
CREATE INDEX "Survey_centreId_idx" ON "Survey"("centreId");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyQuestion_surveyId_position_key" ON "SurveyQuestion"("surveyId", "position");

-- CreateIndex
CREATE INDEX "SurveyResponse_surveyId_idx" ON "SurveyResponse"("surveyId");

-- CreateIndex
CREATE INDEX "SurveyAnswer_questionId_idx" ON "SurveyAnswer"("questionId");

-- AddForeignKey
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganisationAdmin" ADD CONSTRAINT "OrganisationAdmin_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganisationAdmin" ADD CONSTRAINT "OrganisationAdmin_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PasswordToken" ADD CONSTRAINT "PasswordToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Centre" ADD CONSTRAINT "Centre_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpeningPeriod" ADD CONSTRAINT "OpeningPeriod_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OpeningException" ADD CONSTRAINT "OpeningException_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Service" ADD CONSTRAINT "Service_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Handover" ADD CONSTRAINT "Handover_fromUnitId_fkey" FOREIGN KEY ("fromUnitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Handover" ADD CONSTRAINT "Handover_toUnitId_fkey" FOREIGN KEY ("toUnitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Handover" ADD CONSTRAINT "Handover_proposedVisitId_fkey" FOREIGN KEY ("proposedVisitId") REFERENCES "Visit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_handoverId_fkey" FOREIGN KEY ("handoverId") REFERENCES "Handover"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HandoverPersonalData" ADD CONSTRAINT "HandoverPersonalData_handoverId_fkey" FOREIGN KEY ("handoverId") REFERENCES "Handover"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HandoverEvent" ADD CONSTRAINT "HandoverEvent_handoverId_fkey" FOREIGN KEY ("handoverId") REFERENCES "Handover"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HandoverRead" ADD CONSTRAINT "HandoverRead_handoverId_fkey" FOREIGN KEY ("handoverId") REFERENCES "Handover"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonalDataAccess" ADD CONSTRAINT "PersonalDataAccess_handoverId_fkey" FOREIGN KEY ("handoverId") REFERENCES "Handover"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Space" ADD CONSTRAINT "Space_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VisitWindow" ADD CONSTRAINT "VisitWindow_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VisitWindowClosure" ADD CONSTRAINT "VisitWindowClosure_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrustedService" ADD CONSTRAINT "TrustedService_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrustedService" ADD CONSTRAINT "TrustedService_serviceUnitId_fkey" FOREIGN KEY ("serviceUnitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VisitSeries" ADD CONSTRAINT "VisitSeries_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VisitSeries" ADD CONSTRAINT "VisitSeries_spaceId_fkey" FOREIGN KEY ("spaceId") REFERENCES "Space"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VisitSeries" ADD CONSTRAINT "VisitSeries_serviceUnitId_fkey" FOREIGN KEY ("serviceUnitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Visit" ADD CONSTRAINT "Visit_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "VisitSeries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Visit" ADD CONSTRAINT "Visit_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Visit" ADD CONSTRAINT "Visit_spaceId_fkey" FOREIGN KEY ("spaceId") REFERENCES "Space"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Visit" ADD CONSTRAINT "Visit_serviceUnitId_fkey" FOREIGN KEY ("serviceUnitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalendarFeedToken" ADD CONSTRAINT "CalendarFeedToken_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VisitorTally" ADD CONSTRAINT "VisitorTally_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityHeld" ADD CONSTRAINT "ActivityHeld_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Survey" ADD CONSTRAINT "Survey_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyQuestion" ADD CONSTRAINT "SurveyQuestion_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyResponse" ADD CONSTRAINT "SurveyResponse_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyAnswer" ADD CONSTRAINT "SurveyAnswer_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "SurveyResponse"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyAnswer" ADD CONSTRAINT "SurveyAnswer_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "SurveyQuestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;
