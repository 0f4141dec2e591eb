-- AlterEnum
ALTER TYPE "HandoverEventType" ADD VALUE 'CLAIMED';

-- AlterEnum
ALTER TYPE "HandoverStatus" ADD VALUE 'OPEN';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationKind" ADD VALUE 'HANDOVER_OPEN_REQUEST';
ALTER TYPE "NotificationKind" ADD VALUE 'HANDOVER_LOOK_AGAIN';

-- AlterTable
ALTER TABLE "Handover" ADD COLUMN     "lookAgainRemindedAt" TIMESTAMP(3),
ALTER COLUMN "toUnitId" DROP NOT NULL;

-- CreateTable
CREATE TABLE "HandoverOpenRequest" (
    "handoverId" TEXT NOT NULL,
    "serviceKind" "ServiceKind" NOT NULL,
    "areaId" TEXT,
    "areaName" TEXT NOT NULL,
    "latitude" DOUBLE PRECISION NOT NULL,
    "longitude" DOUBLE PRECISION NOT NULL,
    "radiusKm" DOUBLE PRECISION NOT NULL,
    "claimedAt" TIMESTAMP(3),

    CONSTRAINT "HandoverOpenRequest_pkey" PRIMARY KEY ("handoverId")
);

-- CreateIndex
CREATE INDEX "HandoverOpenRequest_serviceKind_idx" ON "HandoverOpenRequest"("serviceKind");

-- CreateIndex
CREATE INDEX "Handover_toUnitId_sentAt_idx" ON "Handover"("toUnitId", "sentAt");

-- CreateIndex
CREATE INDEX "Handover_status_lookAgainAt_idx" ON "Handover"("status", "lookAgainAt");

-- AddForeignKey
ALTER TABLE "HandoverOpenRequest" ADD CONSTRAINT "HandoverOpenRequest_handoverId_fkey" FOREIGN KEY ("handoverId") REFERENCES "Handover"("id") ON DELETE CASCADE ON UPDATE CASCADE;
