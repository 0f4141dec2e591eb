-- CreateEnum
CREATE TYPE "CitizenAction" AS ENUM ('WITHDREW_CONSENT', 'NO_LONGER_NEEDED');

-- CreateEnum
CREATE TYPE "CitizenFeedbackAnswer" AS ENUM ('YES', 'PARTLY', 'NO', 'RATHER_NOT_SAY');

-- AlterTable
ALTER TABLE "HandoverEvent" ADD COLUMN     "citizenAction" "CitizenAction";

-- CreateTable
CREATE TABLE "CitizenAccess" (
    "handoverId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "pinHash" TEXT NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL,
    "hasAnsweredFeedback" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "CitizenAccess_pkey" PRIMARY KEY ("handoverId")
);

-- CreateTable
CREATE TABLE "CitizenFeedbackCount" (
    "unitId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "answer" "CitizenFeedbackAnswer" NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CitizenFeedbackCount_pkey" PRIMARY KEY ("unitId","month","answer")
);

-- CreateIndex
CREATE UNIQUE INDEX "CitizenAccess_tokenHash_key" ON "CitizenAccess"("tokenHash");

-- AddForeignKey
ALTER TABLE "CitizenAccess" ADD CONSTRAINT "CitizenAccess_handoverId_fkey" FOREIGN KEY ("handoverId") REFERENCES "Handover"("id") ON DELETE CASCADE ON UPDATE CASCADE;
