-- CreateEnum
CREATE TYPE "SafetyNetKind" AS ENUM ('SHELTER', 'ACUTE_PSYCHIATRY', 'HELPLINE');

-- CreateTable
CREATE TABLE "SafetyNetEntry" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "SafetyNetKind" NOT NULL,
    "phone" TEXT NOT NULL,
    "address" TEXT,
    "description" TEXT NOT NULL DEFAULT '',
    "hoursText" TEXT,
    "municipality" TEXT NOT NULL DEFAULT 'Fjordby',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SafetyNetEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SafetyNetEntry_name_key" ON "SafetyNetEntry"("name");
