-- CreateEnum
CREATE TYPE "InitiativeStatus" AS ENUM ('IDEA', 'PLANNED', 'RUNNING', 'EVALUATED');

-- CreateEnum
CREATE TYPE "InitiativeKind" AS ENUM ('CITIZEN_FACING', 'COLLABORATION');

-- CreateEnum
CREATE TYPE "InitiativeMeasureKind" AS ENUM ('FIGURE', 'SURVEY_QUESTION');

-- CreateTable
CREATE TABLE "Initiative" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "kind" "InitiativeKind" NOT NULL,
    "status" "InitiativeStatus" NOT NULL DEFAULT 'IDEA',
    "ownerOrganisationId" TEXT NOT NULL,
    "quickEffect" INTEGER NOT NULL,
    "maturity" INTEGER NOT NULL,
    "resourceDraw" INTEGER NOT NULL,
    "evaluationText" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Initiative_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InitiativeMeasure" (
    "id" TEXT NOT NULL,
    "initiativeId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "InitiativeMeasureKind" NOT NULL,
    "figureKey" TEXT,
    "surveyPosition" INTEGER,
    "baselineValue" DOUBLE PRECISION,
    "targetValue" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "InitiativeMeasure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_CentreToInitiative" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_CentreToInitiative_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE UNIQUE INDEX "InitiativeMeasure_initiativeId_position_key" ON "InitiativeMeasure"("initiativeId", "position");

-- CreateIndex
CREATE INDEX "_CentreToInitiative_B_index" ON "_CentreToInitiative"("B");

-- AddForeignKey
ALTER TABLE "Initiative" ADD CONSTRAINT "Initiative_ownerOrganisationId_fkey" FOREIGN KEY ("ownerOrganisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativeMeasure" ADD CONSTRAINT "InitiativeMeasure_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_CentreToInitiative" ADD CONSTRAINT "_CentreToInitiative_A_fkey" FOREIGN KEY ("A") REFERENCES "Centre"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_CentreToInitiative" ADD CONSTRAINT "_CentreToInitiative_B_fkey" FOREIGN KEY ("B") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;
