-- AlterEnum
ALTER TYPE "NotificationAudience" ADD VALUE 'VOLUNTEERS';

-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'ROTA_GAP_REMINDER';

-- AlterTable
ALTER TABLE "Centre" ADD COLUMN     "rotaGapReminderDays" INTEGER NOT NULL DEFAULT 3;

-- AlterTable
ALTER TABLE "Shift" ADD COLUMN     "gapReminderSentAt" TIMESTAMP(3);
