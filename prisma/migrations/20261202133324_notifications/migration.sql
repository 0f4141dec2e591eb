-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('HANDOVER_RECEIVED', 'HANDOVER_ACCEPTED', 'HANDOVER_DECLINED', 'HANDOVER_COMPLETED', 'HANDOVER_CANCELLED', 'HANDOVER_CONSENT_WITHDRAWN', 'HANDOVER_EXPIRES_TOMORROW', 'HANDOVER_EXPIRED', 'VISIT_REQUESTED', 'VISIT_CONFIRMED', 'VISIT_DECLINED', 'VISIT_CANCELLED', 'VISIT_CHANGED', 'VISIT_REQUEST_UNANSWERED', 'PASSWORD_SETUP', 'PASSWORD_RESET');

-- CreateEnum
CREATE TYPE "NotificationAudience" AS ENUM ('MEMBERS', 'ADMINS');

-- CreateEnum
CREATE TYPE "NotificationMode" AS ENUM ('IMMEDIATE', 'DIGEST', 'OFF');

-- CreateEnum
CREATE TYPE "NotificationChannel" AS ENUM ('EMAIL', 'SMS');

-- CreateEnum
CREATE TYPE "NotificationDeliveryStatus" AS ENUM ('PENDING', 'SENDING', 'HELD_FOR_DIGEST', 'DIGESTED', 'SENT', 'FAILED', 'SKIPPED');

-- CreateTable
CREATE TABLE "NotificationEvent" (
    "id" TEXT NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "unitId" TEXT,
    "userId" TEXT,
    "preferredUserId" TEXT,
    "audience" "NotificationAudience" NOT NULL DEFAULT 'MEMBERS',
    "subjectId" TEXT,
    "secret" TEXT,
    "dedupeKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "processedAt" TIMESTAMP(3),

    CONSTRAINT "NotificationEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "unitId" TEXT,
    "subjectId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "readAt" TIMESTAMP(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationDelivery" (
    "id" TEXT NOT NULL,
    "eventId" TEXT,
    "userId" TEXT,
    "unitId" TEXT,
    "channel" "NotificationChannel" NOT NULL,
    "address" TEXT NOT NULL,
    "kind" "NotificationKind",
    "subjectId" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'da',
    "status" "NotificationDeliveryStatus" NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL,
    "leaseUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "sentAt" TIMESTAMP(3),
    "digestId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NotificationDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationPreference" (
    "userId" TEXT NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "mode" "NotificationMode" NOT NULL,
    "sms" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "NotificationPreference_pkey" PRIMARY KEY ("userId","kind")
);

-- CreateTable
CREATE TABLE "NotificationSettings" (
    "userId" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'da',
    "digestHour" INTEGER NOT NULL DEFAULT 8,
    "phone" TEXT,
    "emailBouncedAt" TIMESTAMP(3),
    "lastDigestAt" TIMESTAMP(3),

    CONSTRAINT "NotificationSettings_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "UnitNotificationMailbox" (
    "unitId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "bouncedAt" TIMESTAMP(3),

    CONSTRAINT "UnitNotificationMailbox_pkey" PRIMARY KEY ("unitId")
);

-- CreateIndex
CREATE UNIQUE INDEX "NotificationEvent_dedupeKey_key" ON "NotificationEvent"("dedupeKey");

-- CreateIndex
CREATE INDEX "NotificationEvent_processedAt_createdAt_idx" ON "NotificationEvent"("processedAt", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_eventId_userId_key" ON "Notification"("eventId", "userId");

-- CreateIndex
CREATE INDEX "NotificationDelivery_status_nextAttemptAt_idx" ON "NotificationDelivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "NotificationDelivery_unitId_status_idx" ON "NotificationDelivery"("unitId", "status");

-- CreateIndex
CREATE INDEX "NotificationDelivery_userId_status_idx" ON "NotificationDelivery"("userId", "status");

-- AddForeignKey
ALTER TABLE "NotificationSettings" ADD CONSTRAINT "NotificationSettings_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitNotificationMailbox" ADD CONSTRAINT "UnitNotificationMailbox_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE CASCADE ON UPDATE CASCADE;
