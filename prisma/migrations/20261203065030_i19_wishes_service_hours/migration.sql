-- CreateEnum
CREATE TYPE "VisitWishStatus" AS ENUM ('OPEN', 'CLOSED');

-- AlterTable
ALTER TABLE "Visit" ADD COLUMN     "wishId" TEXT;

-- AlterTable
ALTER TABLE "VisitSeries" ADD COLUMN     "wishId" TEXT;

-- CreateTable
CREATE TABLE "ServiceOpeningPeriod" (
    "id" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "weekday" INTEGER NOT NULL,
    "startMinute" INTEGER NOT NULL,
    "endMinute" INTEGER NOT NULL,
    "note" TEXT,

    CONSTRAINT "ServiceOpeningPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VisitWish" (
    "id" TEXT NOT NULL,
    "centreId" TEXT NOT NULL,
    "serviceKind" "ServiceKind" NOT NULL,
    "targetGroups" "TargetGroup"[],
    "weekday" INTEGER,
    "startMinute" INTEGER,
    "endMinute" INTEGER,
    "description" TEXT NOT NULL,
    "status" "VisitWishStatus" NOT NULL DEFAULT 'OPEN',
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),
    "closedById" TEXT,

    CONSTRAINT "VisitWish_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ServiceOpeningPeriod_serviceId_idx" ON "ServiceOpeningPeriod"("serviceId");

-- CreateIndex
CREATE INDEX "VisitWish_status_serviceKind_createdAt_idx" ON "VisitWish"("status", "serviceKind", "createdAt");

-- CreateIndex
CREATE INDEX "VisitWish_centreId_createdAt_idx" ON "VisitWish"("centreId", "createdAt");

-- CreateIndex
CREATE INDEX "Visit_status_startsAt_idx" ON "Visit"("status", "startsAt");

-- CreateIndex
CREATE INDEX "Visit_wishId_idx" ON "Visit"("wishId");

-- CreateIndex
CREATE INDEX "VisitSeries_wishId_idx" ON "VisitSeries"("wishId");

-- AddForeignKey
ALTER TABLE "ServiceOpeningPeriod" ADD CONSTRAINT "ServiceOpeningPeriod_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VisitSeries" ADD CONSTRAINT "VisitSeries_wishId_fkey" FOREIGN KEY ("wishId") REFERENCES "VisitWish"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Visit" ADD CONSTRAINT "Visit_wishId_fkey" FOREIGN KEY ("wishId") REFERENCES "VisitWish"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VisitWish" ADD CONSTRAINT "VisitWish_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE CASCADE ON UPDATE CASCADE;
