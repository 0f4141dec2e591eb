-- CreateEnum
CREATE TYPE "IdeaKind" AS ENUM ('IDEA', 'BARRIER');

-- CreateEnum
CREATE TYPE "IdeaStatus" AS ENUM ('OPEN', 'ACCEPTED', 'ANSWERED', 'CLOSED');

-- CreateEnum
CREATE TYPE "IdeaSource" AS ENUM ('PUBLIC_PAGE', 'CENTRE_STAFF', 'CENTRE_VOLUNTEER');

-- CreateTable
CREATE TABLE "Idea" (
    "id" TEXT NOT NULL,
    "centreId" TEXT NOT NULL,
    "kind" "IdeaKind" NOT NULL,
    "source" "IdeaSource" NOT NULL,
    "text" TEXT NOT NULL,
    "raisedOn" DATE NOT NULL,
    "status" "IdeaStatus" NOT NULL DEFAULT 'OPEN',
    "answer" TEXT,
    "answeredAt" TIMESTAMP(3),
    "initiativeId" TEXT,

    CONSTRAINT "Idea_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Idea_initiativeId_key" ON "Idea"("initiativeId");

-- CreateIndex
CREATE INDEX "Idea_status_raisedOn_idx" ON "Idea"("status", "raisedOn");

-- CreateIndex
CREATE INDEX "Idea_centreId_status_answeredAt_idx" ON "Idea"("centreId", "status", "answeredAt");

-- AddForeignKey
ALTER TABLE "Idea" ADD CONSTRAINT "Idea_centreId_fkey" FOREIGN KEY ("centreId") REFERENCES "Centre"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Idea" ADD CONSTRAINT "Idea_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE SET NULL ON UPDATE CASCADE;
