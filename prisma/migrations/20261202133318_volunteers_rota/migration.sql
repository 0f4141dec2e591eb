-- CreateEnum
CREATE TYPE "ShiftStatus" AS ENUM ('PLANNED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ShiftCancelReason" AS ENUM ('CENTRE_CLOSED', 'CANCELLED_BY_CENTRE');

-- CreateEnum
CREATE TYPE "ShiftRole" AS ENUM ('KEY_HOLDER', 'VOLUNTEER', 'STAFF');

-- CreateEnum
CREATE TYPE "ShiftSwapStatus" AS ENUM ('OPEN', 'ACCEPTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "VolunteerApplicationStatus" AS ENUM ('RECEIVED', 'ACCEPTED');

-- AlterEnum
ALTER TYPE "MembershipRole" ADD VALUE 'VOLUNTEER';

-- CreateTable
CREATE TABLE "Shift" (
    "id" TEXT NOT NULL,
    "centreId" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "occurrence" INTEGER,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "staffing" "Staffing" NOT NULL,
    "keyHolderPlaces" INTEGER NOT NULL DEFAULT 0,
    "volunteerPlaces" INTEGER NOT NULL DEFAULT 0,
    "staffPlaces" INTEGER NOT NULL DEFAULT 0,
    "status" "ShiftStatus" NOT NULL DEFAULT 'PLANNED',
    "cancelReason" "ShiftCancelReason",
    "mayBeCancelled" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Shift_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShiftAssignment" (
    "id" TEXT NOT NULL,
    "shiftId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "ShiftRole" NOT NULL,
    "place" INTEGER NOT NULL,
    "assignedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ShiftAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShiftSwap" (
    "id" TEXT NOT NULL,
    "assignmentId" TEXT NOT NULL,
    "requestedById" TEXT NOT NULL,
    "status" "ShiftSwapStatus" NOT NULL DEFAULT 'OPEN',
    "acceptedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "ShiftSwap_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainedKeyHolder" (
    "unitId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "grantedById" TEXT NOT NULL,
    "grantedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TrainedKeyHolder_pkey" PRIMARY KEY ("unitId","userId")
);

-- CreateTable
CREATE TABLE "VolunteerFeedToken" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "VolunteerFeedToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VolunteerCall" (
    "id" TEXT NOT NULL,
    "centreId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "whenText" TEXT NOT NULL,
    "skills" TEXT,
    "description" TEXT,
    "isPublished" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VolunteerCall_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VolunteerApplication" (
    "id" TEXT NOT NULL,
    "centreId" TEXT NOT NULL,
    "callId" TEXT,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "phone" TEXT,
    "message" TEXT,
    "consentVersion" TEXT NOT NULL,
    "status" "VolunteerApplicationStatus" NOT NULL DEFAULT 'RECEIVED',
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "deleteAfter" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "invitedUserId" TEXT,

    CONSTRAINT "VolunteerApplication_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Shift_centreId_startsAt_idx" ON "Shift"("centreId", "startsAt");

-- CreateIndex
CREATE INDEX "Shift_centreId_date_idx" ON "Shift"("centreId", "date");

-- CreateIndex
CREATE INDEX "ShiftAssignment_userId_idx" ON "ShiftAssignment"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ShiftAssignment_shiftId_role_place_key" ON "ShiftAssignment"("shiftId", "role", "place");

-- CreateIndex
CREATE UNIQUE INDEX "ShiftAssignment_shiftId_userId_key" ON "ShiftAssignment"("shiftId", "userId");

-- CreateIndex
CREATE INDEX "ShiftSwap_assignmentId_idx" ON "ShiftSwap"("assignmentId");

-- CreateIndex
CREATE INDEX "VolunteerFeedToken_userId_idx" ON "VolunteerFeedToken"("userId");

-- CreateIndex
CREATE INDEX "VolunteerCall_centreId_idx" ON "VolunteerCall"("centreId");

-- CreateIndex
CREATE INDEX "VolunteerApplication_centreId_status_idx" ON "VolunteerApplication"("centreId", "status");

-- CreateIndex
CREATE INDEX "VolunteerApplication_deleteAfter_idx" ON "VolunteerApplication"("deleteAfter");

-- AddForeignKey
ALTER TABLE "Shift" ADD CONSTRAINT "Shift_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShiftAssignment" ADD CONSTRAINT "ShiftAssignment_shiftId_fkey" FOREIGN KEY ("shiftId") REFERENCES "Shift"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShiftAssignment" ADD CONSTRAINT "ShiftAssignment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShiftSwap" ADD CONSTRAINT "ShiftSwap_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "ShiftAssignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VolunteerCall" ADD CONSTRAINT "VolunteerCall_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VolunteerApplication" ADD CONSTRAINT "VolunteerApplication_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VolunteerApplication" ADD CONSTRAINT "VolunteerApplication_callId_fkey" FOREIGN KEY ("callId") REFERENCES "VolunteerCall"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written: what Prisma's schema language cannot express.
-- A place index is never negative, and the unique ("shiftId", "role", "place") above lets only
-- one of two concurrent sign-ups for the same place win.
ALTER TABLE "ShiftAssignment" ADD CONSTRAINT "ShiftAssignment_place_not_negative" CHECK ("place" >= 0);
ALTER TABLE "Shift" ADD CONSTRAINT "Shift_ends_after_start" CHECK ("endsAt" > "startsAt");
ALTER TABLE "Shift" ADD CONSTRAINT "Shift_places_not_negative"
  CHECK ("keyHolderPlaces" >= 0 AND "volunteerPlaces" >= 0 AND "staffPlaces" >= 0);
