-- CreateEnum
CREATE TYPE "HandoverDeclineCode" AS ENUM ('FULL_OR_WAITING_LIST', 'OUTSIDE_TARGET_GROUP', 'COULD_NOT_REACH_CITIZEN', 'ANOTHER_SERVICE_FITS_BETTER', 'OTHER');

-- AlterTable
ALTER TABLE "Handover" ADD COLUMN     "declineCode" "HandoverDeclineCode",
ADD COLUMN     "suggestedUnitId" TEXT;

-- AddForeignKey
ALTER TABLE "Handover" ADD CONSTRAINT "Handover_suggestedUnitId_fkey" FOREIGN KEY ("suggestedUnitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;
