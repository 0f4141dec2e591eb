-- CreateEnum
CREATE TYPE "VisitEventType" AS ENUM ('REQUESTED', 'CONFIRMED', 'DECLINED', 'RESCHEDULED', 'CANCELLED', 'EXPIRED');

-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'VISIT_EXPIRED';

-- AlterEnum
ALTER TYPE "VisitStatus" ADD VALUE 'EXPIRED';

-- AlterTable
ALTER TABLE "Centre" ADD COLUMN     "visitRequestExpiryDays" INTEGER NOT NULL DEFAULT 5;

-- AlterTable
ALTER TABLE "Visit" ADD COLUMN     "requestedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "VisitEvent" (
    "id" TEXT NOT NULL,
    "visitId" TEXT NOT NULL,
    "type" "VisitEventType" NOT NULL,
    "fromStatus" "VisitStatus",
    "toStatus" "VisitStatus" NOT NULL,
    "actorUserId" TEXT,
    "actorUnitId" TEXT,
    "reason" TEXT,
    "previousStartsAt" TIMESTAMP(3),
    "previousEndsAt" TIMESTAMP(3),
    "at" TIMESTAMP(3) NOT NULL,
    "position" SERIAL NOT NULL,

    CONSTRAINT "VisitEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "VisitEvent_visitId_at_idx" ON "VisitEvent"("visitId", "at");

-- AddForeignKey
ALTER TABLE "VisitEvent" ADD CONSTRAINT "VisitEvent_visitId_fkey" FOREIGN KEY ("visitId") REFERENCES "Visit"("id") ON DELETE CASCADE ON UPDATE CASCADE;
