-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "HandoverEventType" ADD VALUE 'ON_HOLD';
ALTER TYPE "HandoverEventType" ADD VALUE 'RESUMED';
ALTER TYPE "HandoverEventType" ADD VALUE 'NO_SHOW_RETRIED';

-- AlterEnum
ALTER TYPE "HandoverStatus" ADD VALUE 'ON_HOLD';

-- AlterTable
ALTER TABLE "Handover" ADD COLUMN     "lookAgainAt" TIMESTAMP(3),
ADD COLUMN     "noShowCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "referredFromId" TEXT;

-- CreateIndex
CREATE INDEX "Handover_referredFromId_idx" ON "Handover"("referredFromId");

-- AddForeignKey
ALTER TABLE "Handover" ADD CONSTRAINT "Handover_referredFromId_fkey" FOREIGN KEY ("referredFromId") REFERENCES "Handover"("id") ON DELETE SET NULL ON UPDATE CASCADE;
