-- CreateEnum
CREATE TYPE "GuidingPrinciple" AS ENUM ('FREE_SPACE_AND_DEVELOPMENT', 'MEANINGFUL_COMMUNITIES', 'SUSTAINABLE_APPROACH', 'PART_OF_THE_WHOLE');

-- AlterEnum
ALTER TYPE "GlobalRole" ADD VALUE 'STRATEGIC_GROUP';

-- AlterTable
ALTER TABLE "Centre" ADD COLUMN     "coreTask" TEXT,
ADD COLUMN     "guidingPrinciples" "GuidingPrinciple"[];

-- AlterTable
ALTER TABLE "Survey" ADD COLUMN     "areaRoundId" TEXT;

-- CreateTable
CREATE TABLE "AreaSurveyRound" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "round" "SurveyRound" NOT NULL,
    "year" INTEGER NOT NULL,
    "opensAt" TIMESTAMP(3) NOT NULL,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AreaSurveyRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AreaSurveyQuestion" (
    "id" TEXT NOT NULL,
    "roundId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "SurveyQuestionKind" NOT NULL,
    "textDa" TEXT NOT NULL,
    "textEn" TEXT NOT NULL,

    CONSTRAINT "AreaSurveyQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AreaSurveyRound_round_year_key" ON "AreaSurveyRound"("round", "year");

-- CreateIndex
CREATE UNIQUE INDEX "AreaSurveyQuestion_roundId_position_key" ON "AreaSurveyQuestion"("roundId", "position");

-- CreateIndex
CREATE INDEX "Survey_areaRoundId_idx" ON "Survey"("areaRoundId");

-- AddForeignKey
ALTER TABLE "Survey" ADD CONSTRAINT "Survey_areaRoundId_fkey" FOREIGN KEY ("areaRoundId") REFERENCES "AreaSurveyRound"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AreaSurveyQuestion" ADD CONSTRAINT "AreaSurveyQuestion_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "AreaSurveyRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;
