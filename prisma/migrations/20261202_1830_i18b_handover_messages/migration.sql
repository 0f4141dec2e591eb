-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'HANDOVER_MESSAGE';

-- CreateTable
CREATE TABLE "HandoverMessage" (
    "id" TEXT NOT NULL,
    "handoverId" TEXT NOT NULL,
    "authorUserId" TEXT NOT NULL,
    "authorUnitId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "position" SERIAL NOT NULL,

    CONSTRAINT "HandoverMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "HandoverMessage_handoverId_at_idx" ON "HandoverMessage"("handoverId", "at");

-- AddForeignKey
ALTER TABLE "HandoverMessage" ADD CONSTRAINT "HandoverMessage_handoverId_fkey" FOREIGN KEY ("handoverId") REFERENCES "Handover"("id") ON DELETE CASCADE ON UPDATE CASCADE;
